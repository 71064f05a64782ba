/**
 * Everything that schedules a compare page's loading, in one object the page
 * creates (and disposes) and tests can build and drive:
 *
 * - `order`: the load order (load-order.ts): sampled first paint of the charts in
 *   the viewport, then their full histories, then the charts just outside it;
 * - `full(fn)`: at most FULL_CONCURRENCY full histories in flight, so the small
 *   sampled requests of other charts are not queued behind hundreds of them;
 * - `engine`: the bucketing worker's client (bucket-engine.ts), which reduces
 *   series to min/max buckets off the main thread.
 *
 * Full histories are fetched and decoded in their own worker (history-loader.ts);
 * the query cache holds them per run and key (fullSeriesQueryOptions).
 */
import { BucketEngine } from './bucket-engine';
import { createLoadOrder, type LoadOrderStore } from './load-order';

export const FULL_CONCURRENCY = 4;

export class CompareLoader {
  readonly order: LoadOrderStore = createLoadOrder();
  private inFlight = 0;
  private waiting: (() => void)[] = [];
  private engineInstance: BucketEngine | null = null;

  constructor(private readonly makeEngine: () => BucketEngine = () => new BucketEngine()) {}

  /** Created on first use: a page without line charts starts no worker. */
  get engine(): BucketEngine {
    this.engineInstance ??= this.makeEngine();
    return this.engineInstance;
  }

  /** Runs `fn` when fewer than FULL_CONCURRENCY full-history loads are running. */
  async full<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inFlight >= FULL_CONCURRENCY) await new Promise<void>((r) => this.waiting.push(r));
    this.inFlight++;
    try {
      return await fn();
    } finally {
      this.inFlight--;
      this.waiting.shift()?.();
    }
  }

  /** Full-history loads running now (for tests and figures). */
  get running(): number {
    return this.inFlight;
  }

  dispose(): void {
    this.engineInstance?.dispose();
    this.engineInstance = null;
  }
}
