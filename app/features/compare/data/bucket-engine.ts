/**
 * Client of the bucketing worker. Series are copied into the worker once per key
 * (it keeps them), so a zoom or a smoothing change sends only a small request.
 * Where Worker is missing (jsdom, old browsers) the same pure pipeline runs here.
 */
import type { EngineMessage, EngineReply } from './bucket-protocol';
import { runPipeline, type PipelineRequest, type PipelineResult } from '../model/pipeline';
import type { RawSeries } from '../model/series';

export class BucketEngine {
  private worker: Worker | null = null;
  private local = new Map<string, RawSeries>();
  private sent = new Map<string, RawSeries>();
  private pending = new Map<number, (r: PipelineResult) => void>();
  private nextId = 1;

  constructor() {
    if (typeof Worker === 'undefined') return;
    try {
      this.worker = new Worker(new URL('./bucket.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<EngineReply>) => {
        const done = this.pending.get(e.data.id);
        this.pending.delete(e.data.id);
        done?.(e.data.result);
      };
    } catch {
      this.worker = null;
    }
  }

  /** Idempotent per (key, series object). */
  put(key: string, series: RawSeries): void {
    if (this.sent.get(key) === series) return;
    this.sent.set(key, series);
    if (this.worker) this.post({ type: 'put', key, series });
    else this.local.set(key, series);
  }

  drop(keys: string[]): void {
    for (const k of keys) this.sent.delete(k);
    if (this.worker) this.post({ type: 'drop', keys });
    else for (const k of keys) this.local.delete(k);
  }

  run(req: PipelineRequest): Promise<PipelineResult> {
    if (!this.worker) return Promise.resolve(runPipeline((k) => this.local.get(k), req));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.post({ type: 'run', id, req });
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.pending.clear();
  }

  private post(m: EngineMessage): void {
    this.worker?.postMessage(m);
  }
}
