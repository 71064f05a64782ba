/**
 * The trace-page scenarios (trace-10k, trace-50k): open TRACE_HUGE with N
 * spans and measure first rows, scrolling through every row, collapse all and
 * expand all. Files starting with _ are helpers, not scenarios.
 */
import type { Page } from '@playwright/test';
import { demoIds } from '../../mocks/seed/ids';
import {
  defineScenario,
  figure,
  frameFigures,
  frameStats,
  measureNavigation,
  median,
  repeat,
  round,
  workFigures,
  type Scenario,
} from '../lib';

const TREE = '[role="tree"][aria-label="Spans"]';
const FIRST_ROW = `${TREE} [role="treeitem"]`;

/** Click a toolbar button and time until the next frame after React's update (in-page clock). */
async function timeClick(
  page: Page,
  name: string,
  rowsAfter: (n: number) => boolean,
): Promise<number> {
  const ms = await page.evaluate(
    (label: string) =>
      new Promise<number>((resolve) => {
        const btn = [...document.querySelectorAll('button')].find(
          (b) => b.textContent?.trim() === label,
        );
        if (!btn) throw new Error(`no button ${label}`);
        const t0 = performance.now();
        btn.click();
        requestAnimationFrame(() => resolve(performance.now() - t0));
      }),
    name,
  );
  const count = await page.locator(FIRST_ROW).count();
  if (!rowsAfter(count)) throw new Error(`${name}: unexpected ${count} rows rendered`);
  return ms;
}

/** Scroll the span list from top to bottom in about `frames` frames, recording every frame's duration and work (see workFigures). */
async function scrollAllRows(page: Page, frames: number) {
  const { deltas, work } = await page.evaluate(
    ({ selector, frames }) =>
      new Promise<{ deltas: number[]; work: number[] }>((resolve) => {
        const el = document.querySelector(selector) as HTMLElement;
        el.scrollTop = 0;
        const dy = Math.ceil((el.scrollHeight - el.clientHeight) / frames);
        const out: number[] = [];
        const work: number[] = [];
        const ch = new MessageChannel();
        ch.port1.onmessage = (e: MessageEvent<number>) => work.push(performance.now() - e.data);
        let last = -1;
        const tick = (t: number) => {
          if (last >= 0) out.push(t - last);
          last = t;
          if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) {
            ch.port1.close();
            return resolve({ deltas: out, work });
          }
          el.scrollTop += dy;
          ch.port2.postMessage(t);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { selector: TREE, frames },
  );
  return { stats: frameStats(deltas), work };
}

export function traceScenario(spans: number): Scenario {
  const label = `${spans / 1000}k`;
  return defineScenario({
    name: `trace-${label}`,
    description: `one trace with ${spans.toLocaleString('en')} spans: first rows, scroll through all rows, collapse/expand all`,
    // 2.17: the ids and get-trace-artifact below are its (on 3.x the trace is tr-<id>, v3 endpoints).
    demoEnv: { RUNLENS_DEMO_MLFLOW: '2.17.0', RUNLENS_DEMO_TRACE_SPANS: String(spans) },
    async run(ctx) {
      const path = `/experiments/${demoIds.EXP_TRACES}/traces/${demoIds.TRACE_HUGE}`;
      const collapse: number[] = [];
      const expand: number[] = [];
      let scroll = { stats: frameStats([]), work: [] as number[] };
      let shown = '';
      // The demo server builds and gzips the span data on its first request (about 300 ms, once
      // per server) and keeps it. Ask once before measuring, so every sample times Runlens and
      // not that one-time work of the mock.
      const warm = await fetch(
        ctx.url(`/ajax-api/2.0/mlflow/get-trace-artifact?request_id=${demoIds.TRACE_HUGE}`),
        { headers: { 'Accept-Encoding': 'gzip' } },
      );
      await warm.arrayBuffer();
      const visible = await repeat(ctx.runs, 'first-rows-visible-ms', 'ms', async (i) => {
        const { page, close } = await ctx.newPage();
        try {
          // tsx compiles with keepNames: functions sent to the page call esbuild's `__name` helper,
          // which the page lacks (bench/lib's measureNavigation included). Give it an identity one.
          await page.addInitScript('window.__name = (f) => f;');
          const nav = await measureNavigation(page, ctx.url(path), FIRST_ROW, {
            timeoutMs: 120_000,
          });
          if (i === 0) {
            shown = (await page.getByText(/^[\d,]+ of [\d,]+ spans$/).textContent()) ?? '';
            scroll = await scrollAllRows(page, 300);
          }
          collapse.push(await timeClick(page, 'Collapse all', (n) => n >= 1 && n < 10));
          expand.push(await timeClick(page, 'Expand all', (n) => n > 10));
          return nav.readyMs;
        } finally {
          await close();
        }
      });
      ctx.log(`rows shown: ${shown}`);
      return [
        visible,
        ...frameFigures('scroll-all-rows', scroll.stats),
        ...workFigures('scroll-all-rows', scroll.work),
        figure('collapse-all-ms', round(median(collapse), 1), 'ms', collapse),
        figure('expand-all-ms', round(median(expand), 1), 'ms', expand),
        figure(
          'spans-shown',
          Number(/of ([\d,]+) spans/.exec(shown)?.[1]?.replace(/,/g, '') ?? 0),
          'spans',
        ),
      ];
    },
  });
}
