// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { force, type Db } from '../db';
import { createDemoDb, demoIds, OPTIONAL_DEMO_IDS, RECORDED_ONLY, type DemoIdKey } from './index';
import { hashString } from './random';

/** A digest of everything in the Db, lazy parts included (bodies above 2 MB by size only). */
function digest(db: Db): string {
  const parts: string[] = [String(db.now), JSON.stringify(db.seq)];
  for (const e of db.experiments.values()) parts.push(JSON.stringify(e));
  for (const r of db.runs.values()) {
    parts.push(JSON.stringify([r.info, r.params, r.tags, r.inputs, [...r.latest.values()]]));
    for (const [key, h] of r.metrics) parts.push(key, String(hashString(JSON.stringify(force(h)))));
  }
  for (const [runId, files] of db.artifacts) {
    for (const f of files) {
      const body = f.size > 2_000_000 ? '' : force(f.body);
      const text = typeof body === 'string' ? body : Array.from(body).join(',');
      parts.push(
        runId,
        f.path,
        String(f.size),
        f.contentType,
        JSON.stringify(f.failWith ?? null),
        String(hashString(text)),
      );
    }
  }
  for (const [name, m] of db.registeredModels)
    parts.push(JSON.stringify([name, m.model, [...m.aliases]]));
  for (const [name, v] of db.modelVersions) parts.push(JSON.stringify([name, v]));
  for (const t of db.traces.values())
    parts.push(JSON.stringify(t.info), String(hashString(force(t.data))));
  return `${parts.length}:${hashString(parts.join('\u0000'))}`;
}

function exists(db: Db, key: DemoIdKey): boolean {
  const id = demoIds[key];
  if (key.startsWith('EXP_')) return db.experiments.has(id);
  if (key.startsWith('R_')) return db.runs.has(id);
  if (key.startsWith('TRACE_')) return db.traces.has(id);
  return db.registeredModels.has(id);
}

describe('createDemoDb', () => {
  it('is deterministic: two builds are equal, lazy data included', () => {
    // Every code path at a smaller size, so forcing all lazy data stays quick.
    const small = {
      sweepRuns: 60,
      bigRuns: 20,
      chartRuns: 2,
      steps: 1_000,
      traceSpans: 300,
      largeJsonBytes: 100_000,
    };
    const a = createDemoDb({ ...small, line: '2.17.0' });
    const b = createDemoDb({ ...small, line: '2.17.0' });
    expect(digest(a.db)).toBe(digest(b.db));
    expect(a.ids).toBe(b.ids);
    expect(a.ids).toBe(demoIds);
  });

  it('has every DemoIds entry with the default scale (optional ones when their knob is set)', () => {
    const { db } = createDemoDb({ line: '2.17.0' });
    const keys = Object.keys(demoIds) as DemoIdKey[];
    const missing = keys.filter((k) => !OPTIONAL_DEMO_IDS.includes(k) && !exists(db, k));
    expect(missing).toEqual([]);
    const full = createDemoDb({ line: '2.17.0', wideMetricKeys: 800, models: 3 }).db;
    expect(keys.filter((k) => !exists(full, k))).toEqual([]);
  });

  it('keeps the recorded ids, so recorded requests map 1:1', () => {
    const { db } = createDemoDb({ ...RECORDED_ONLY, line: '2.17.0' });
    expect([...db.experiments.keys()].sort((x, y) => Number(x) - Number(y))).toEqual(
      Array.from({ length: 14 }, (_, i) => String(i)),
    );
    expect(db.experiments.get('6')?.lifecycle_stage).toBe('deleted');
    expect(db.runs.get(demoIds.R_DELETED)?.info.lifecycle_stage).toBe('deleted');
    expect(db.runs.get(demoIds.R_RUNNING)?.info).not.toHaveProperty('end_time');
    expect(db.runs.get(demoIds.R_CHILD)?.tags).toContainEqual({
      key: 'mlflow.parentRunId',
      value: demoIds.R_PARENT,
    });
    const sweep = [...db.runs.values()].filter((r) => r.info.experiment_id === '1');
    expect(sweep).toHaveLength(49);
    expect(sweep.filter((r) => r.info.status === 'FAILED')).toHaveLength(3);
    expect(db.modelVersions.get('iris-classifier')?.map((v) => v.current_stage)).toEqual([
      'Archived',
      'Production',
      'Staging',
    ]);
    expect([...(db.registeredModels.get('iris-classifier')?.aliases ?? [])]).toEqual([
      ['challenger', '3'],
      ['champion', '2'],
    ]);
    expect([...db.traces.values()].filter((t) => t.info.experiment_id === '5')).toHaveLength(20);
    // The next experiment id a handler hands out is unused either way (seq or seq + 1).
    expect(db.experiments.has(String(db.seq.experiment))).toBe(false);
    expect(db.experiments.has(String(db.seq.experiment + 1))).toBe(false);
  });

  it('makes hyperparam-sweep a sweep of hundreds of runs by default', () => {
    const { db } = createDemoDb({ line: '2.17.0' });
    const sweep = [...db.runs.values()].filter((r) => r.info.experiment_id === '1');
    expect(sweep.length).toBeGreaterThanOrEqual(240);
    const optimizers = new Set(
      sweep.map((r) => r.params.find((p) => p.key === 'optimizer')?.value),
    );
    expect(optimizers).toEqual(new Set(['adam', 'sgd', 'adamw', 'rmsprop', 'lion', undefined]));
  });

  it('uses 32-hex run ids, fixed timestamps, and keeps latest = value at the max step', () => {
    const { db } = createDemoDb({ line: '2.17.0' });
    for (const run of db.runs.values()) {
      expect(run.info.run_id).toMatch(/^[0-9a-f]{32}$/);
      expect(run.info.start_time).toBeLessThanOrEqual(db.now);
    }
    const checked = [...db.runs.values()].filter((r) => Number(r.info.experiment_id) <= 14);
    for (const run of checked) {
      for (const [key, h] of run.metrics) {
        const history = force(h);
        const maxStep = Math.max(...history.map((m) => m.step ?? 0));
        const atMax = history.filter((m) => m.step === maxStep).at(-1);
        expect(run.latest.get(key), `${run.info.run_name} ${key}`).toEqual(atMax);
      }
    }
  });
});
