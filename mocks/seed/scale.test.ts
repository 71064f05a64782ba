// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { at } from '../../app/lib/at';
import { force } from '../db';
import { createDemoDb, demoIds, readScaleFromEnv, RECORDED_ONLY, type DemoScale } from './index';

/** Wall time (asserted, loosely) and process CPU time (printed; includes GC threads). */
function timed<T>(label: string, f: () => T): { value: T; ms: number } {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = f();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  console.log(
    `[seed timing] ${label}: ${ms.toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms cpu`,
  );
  return { value, ms };
}

// Bounds are loose on purpose: the machine is shared and often loaded. The printed figures are what matter.
describe('scale knobs', () => {
  it('reads RUNLENS_DEMO_* variables, presets first', () => {
    expect(readScaleFromEnv({})).toEqual({});
    expect(
      readScaleFromEnv({
        RUNLENS_DEMO_EXPERIMENTS: '1000',
        RUNLENS_DEMO_RUNS: '10_000',
        RUNLENS_DEMO_STEPS: '10000',
        RUNLENS_DEMO_CHART_RUNS: '500',
        RUNLENS_DEMO_TRACE_SPANS: '50000',
        RUNLENS_DEMO_MODELS: '1000',
        RUNLENS_DEMO_VERSIONS: '20',
        RUNLENS_DEMO_WIDE: '12000',
        RUNLENS_DEMO_LARGE_JSON_MB: '5',
        RUNLENS_DEMO_EDGE_CASES: '0',
      }),
    ).toEqual({
      experiments: 1000,
      bigRuns: 10000,
      steps: 10000,
      chartRuns: 500,
      traceSpans: 50000,
      models: 1000,
      versionsPerModel: 20,
      wideMetricKeys: 12000,
      largeJsonBytes: 5 * 1024 * 1024,
      edgeCases: false,
    });
    expect(readScaleFromEnv({ RUNLENS_DEMO_RUN_PAGE: '1', RUNLENS_DEMO_CSV_ROWS: '500' })).toEqual({
      runPageParams: 500,
      runPageMetrics: 200,
      runPageArtifacts: 1000,
      csvRows: 500,
    });
    expect(readScaleFromEnv({ RUNLENS_DEMO_RECORDED_ONLY: 'true' })).toEqual(RECORDED_ONLY);
    expect(() => readScaleFromEnv({ RUNLENS_DEMO_RUNS: 'lots' })).toThrow(/RUNLENS_DEMO_RUNS/);
    expect(() => readScaleFromEnv({ RUNLENS_DEMO_RUN_PAGE: 'maybe' })).toThrow(
      /RUNLENS_DEMO_RUN_PAGE/,
    );
  });

  it('builds the default demo fast', () => {
    createDemoDb({ line: '2.17.0' }); // warm up the JIT
    const { ms } = timed('default demo', () => createDemoDb({ line: '2.17.0' }));
    expect(ms).toBeLessThan(3000);
  });

  it('seeds 10,000 runs x 20 params x 10 metrics with lazy histories', () => {
    const { value, ms } = timed('RUNLENS_DEMO_RUNS=10000', () =>
      createDemoDb({ line: '2.17.0', bigRuns: 10_000 }),
    );
    expect(ms).toBeLessThan(10_000);
    const runs = [...value.db.runs.values()].filter(
      (r) => r.info.experiment_id === demoIds.EXP_BIG,
    );
    expect(runs).toHaveLength(10_000);
    expect(runs[9_999]?.params).toHaveLength(20);
    expect(runs[9_999]?.latest.size).toBe(10);
    expect(typeof runs[9_999]?.metrics.get('val/auc')).toBe('function');
    const first = value.db.runs.get(demoIds.R_BIG)!;
    for (const [key, h] of first.metrics)
      expect(first.latest.get(key), key).toEqual(force(h).at(-1));
  });

  it('builds 500 chart runs with 10,000-step histories on read only', () => {
    const { value } = timed('RUNLENS_DEMO_CHART_RUNS=500 STEPS=10000', () =>
      createDemoDb({ line: '2.17.0', chartRuns: 500, steps: 10_000 }),
    );
    const run = value.db.runs.get(demoIds.R_CHART)!;
    const { value: history } = timed('one 10,000-step history', () =>
      force(run.metrics.get('train/loss')!),
    );
    expect(history).toHaveLength(10_000);
    expect(run.latest.get('train/loss')).toEqual(history.at(-1));
    const values = history.map((m) => m.value as number);
    const spikes = values.filter((v, i) => i > 0 && v > at(values, i - 1) * 1.3);
    expect(spikes.length).toBeGreaterThan(0);
  });

  it('builds a 50,000-span trace lazily', () => {
    const { value } = timed('RUNLENS_DEMO_TRACE_SPANS=50000 (seed)', () =>
      createDemoDb({ line: '2.17.0', traceSpans: 50_000 }),
    );
    const { value: text } = timed('50,000-span trace text', () =>
      force(value.db.traces.get(demoIds.TRACE_HUGE)!.data),
    );
    expect(text.match(/"span_id"/g)).toHaveLength(50_000);
    console.log(`[seed timing] 50,000-span trace is ${(text.length / 1e6).toFixed(1)} MB`);
  });

  it('grows the experiment list, the registry, the run page and the metric keys', () => {
    const big: Partial<DemoScale> = {
      experiments: 1000,
      models: 1000,
      versionsPerModel: 20,
      runPageParams: 500,
      runPageMetrics: 200,
      runPageArtifacts: 1000,
      csvRows: 100_000,
      wideMetricKeys: 12_000,
    };
    const { value, ms } = timed('experiments=1000 models=1000x20 run page wide=12000', () =>
      createDemoDb({ ...big, line: '2.17.0' }),
    );
    expect(ms).toBeLessThan(15_000);
    const { db } = value;
    expect(db.experiments.size).toBe(1000);
    expect(db.registeredModels.size).toBe(1003);
    expect(db.modelVersions.get('fraud-xgb-0000')).toHaveLength(20);
    const page = db.runs.get(demoIds.R_RUN_PAGE)!;
    expect(page.params).toHaveLength(500);
    expect(new Set(page.params.map((p) => p.key)).size).toBe(500);
    expect(page.latest.size).toBe(200);
    const files = db.artifacts.get(demoIds.R_RUN_PAGE)!;
    expect(files).toHaveLength(1000);
    expect(new Set(files.map((f) => f.path)).size).toBe(1000);
    const csv = files.find((f) => f.path === 'reports/full_export.csv')!;
    const { value: body } = timed('100,000-row CSV', () => force(csv.body) as string);
    expect(body.length).toBe(csv.size);
    expect(body.split('\n')).toHaveLength(100_002);
    const keys = new Set<string>();
    for (const r of db.runs.values())
      if (r.info.experiment_id === demoIds.EXP_WIDE) for (const k of r.latest.keys()) keys.add(k);
    expect(keys.size).toBe(12_001);
  });
});
