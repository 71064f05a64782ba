/**
 * Compare charts: N runs whose metrics have 10,000 steps each (EXP_CHARTS of the
 * demo seed). Prints first paint of the in-view line charts (server-sampled),
 * time to full fidelity (min/max buckets of full histories), hover tooltip
 * latency and the points drawn per chart. Figures are printed, never asserted.
 */
import { demoIds } from '../../mocks/seed/ids';
import {
  defineScenario,
  figure,
  median,
  percentile,
  round,
  type Figure,
  type ScenarioContext,
} from '../lib';

declare global {
  interface Window {
    __runlensHoverLatency?: number[];
    __runlensHoverHandler?: number[];
  }
}

async function chartRunIds(baseUrl: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const res = await fetch(`${baseUrl}/api/2.0/mlflow/runs/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        experiment_ids: [demoIds.EXP_CHARTS],
        max_results: 1000,
        page_token: token,
      }),
    });
    if (!res.ok) throw new Error(`runs/search answered ${res.status}`);
    const body = (await res.json()) as {
      runs?: { info: { run_id: string } }[];
      next_page_token?: string;
    };
    for (const r of body.runs ?? []) ids.push(r.info.run_id);
    token = body.next_page_token;
  } while (token && ids.length < n);
  return ids.slice(0, n);
}

/** In-page: every figure of a line chart that intersects the viewport is in `states`. */
const IN_VIEW_READY = (states: string[]) => {
  const figs = [...document.querySelectorAll('figure.chart-card')].filter((f) => {
    const r = f.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  });
  if (!figs.length || !figs.every((f) => states.includes(f.getAttribute('data-state') ?? '')))
    return false;
  return {
    at: performance.now(),
    charts: figs.length,
    points: figs.map((f) => Number(f.getAttribute('data-points'))),
  };
};

export async function measureCharts(
  ctx: ScenarioContext,
  runCount: number,
  prefix: string,
): Promise<Figure[]> {
  const ids = await chartRunIds(ctx.baseUrl, runCount);
  ctx.log(`${ids.length} runs in experiment ${demoIds.EXP_CHARTS}`);
  if (ids.length < runCount)
    ctx.log(`warning: asked for ${runCount} runs, the seed has ${ids.length}`);
  // 500 ids do not fit in a URL a Node server accepts (16 KB of headers): `top` is the compact form.
  const url = ctx.url(
    runCount > 100
      ? `/compare?experiments=${demoIds.EXP_CHARTS}&top=${runCount}`
      : `/compare?runs=${ids.join(',')}&experiments=${demoIds.EXP_CHARTS}`,
  );
  const firstPaint: number[] = [];
  const perChart: number[] = [];
  const fullFidelity: number[] = [];
  const loading = { lat: [] as number[], handler: [] as number[] };
  const settled = { lat: [] as number[], handler: [] as number[] };
  let points: number[] = [];
  const repeats = Math.min(ctx.runs, 3);
  for (let i = 0; i < repeats; i++) {
    const { page, close } = await ctx.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(url, { waitUntil: 'commit' });
    const first = (await (
      await page.waitForFunction(IN_VIEW_READY, ['sampled', 'full'], {
        polling: 'raf',
        timeout: 120_000,
      })
    ).jsonValue()) as {
      at: number;
      charts: number;
    };
    firstPaint.push(first.at);
    perChart.push(first.at / first.charts);
    const full = (await (
      await page.waitForFunction(IN_VIEW_READY, ['full'], { polling: 'raf', timeout: 600_000 })
    ).jsonValue()) as {
      at: number;
      points: number[];
    };
    fullFidelity.push(full.at);
    points = full.points;
    // Hover: event -> tooltip written, measured in the page (ChartOverlay records it). First
    // right away, while the charts below the fold still load; then on the settled page.
    const box = await page.locator('figure.chart-card .chart-overlay').first().boundingBox();
    const sweep = async (into: { lat: number[]; handler: number[] }) => {
      await page.evaluate(() => {
        window.__runlensHoverLatency = [];
        window.__runlensHoverHandler = [];
      });
      if (box) {
        for (let k = 0; k <= 60; k++) {
          await page.mouse.move(box.x + (box.width * k) / 60, box.y + box.height / 2);
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
        }
      }
      into.lat.push(...(await page.evaluate(() => window.__runlensHoverLatency ?? [])));
      into.handler.push(...(await page.evaluate(() => window.__runlensHoverHandler ?? [])));
    };
    await sweep(loading);
    await page.mouse.move(0, 0);
    await page.waitForLoadState('networkidle');
    await sweep(settled);
    ctx.log(
      `run ${i + 1}: first paint ${round(first.at)} ms (${first.charts} charts), full fidelity ${round(full.at)} ms`,
    );
    await close();
  }
  return [
    figure(
      `${prefix}-first-paint-ms`,
      round(median(firstPaint), 1),
      'ms',
      firstPaint.map((v) => round(v, 1)),
    ),
    figure(
      `${prefix}-first-paint-per-chart-ms`,
      round(median(perChart), 1),
      'ms',
      perChart.map((v) => round(v, 1)),
    ),
    figure(
      `${prefix}-full-fidelity-ms`,
      round(median(fullFidelity), 1),
      'ms',
      fullFidelity.map((v) => round(v, 1)),
    ),
    // Event timestamp -> tooltip written. Chromium holds a mousemove until the next frame
    // (rAF-aligned input) and the bench moves right after a frame, so these include up to one
    // frame of queueing: ~16 ms is the floor, a slipped frame shows as ~33 ms.
    figure(`${prefix}-hover-p95-ms`, round(percentile(settled.lat, 95), 2), 'ms'),
    figure(`${prefix}-hover-p50-ms`, round(percentile(settled.lat, 50), 2), 'ms'),
    // the same sweep right after the in-view charts reached full fidelity, while charts below the fold still load
    figure(`${prefix}-hover-while-loading-p95-ms`, round(percentile(loading.lat, 95), 2), 'ms'),
    // the app's own share: the mousemove handler
    figure(
      `${prefix}-hover-handler-p95-ms`,
      round(percentile([...settled.handler, ...loading.handler], 95), 2),
      'ms',
    ),
    figure(`${prefix}-points-per-chart`, round(median(points)), 'points'),
  ];
}

export default defineScenario({
  name: 'charts-100x10k',
  description:
    'Compare 100 runs × 10,000 steps: first paint, full fidelity, hover latency, points drawn',
  demoEnv: { RUNLENS_DEMO_CHART_RUNS: '100', RUNLENS_DEMO_STEPS: '10000' },
  run: (ctx) => measureCharts(ctx, 100, 'charts-100x10k'),
});
