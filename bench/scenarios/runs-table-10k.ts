/**
 * The runs table at 10,000 runs x 20 params x 10 metrics (issue #3).
 * Figures: navigation -> first rows visible (target < 1 s), navigation -> all
 * 10,000 runs loaded, p95 frame time scrolling the table from top to bottom
 * (target < 16.7 ms), and DOM nodes inside the table while scrolling
 * (target < 3,000).
 */
import type { Page } from '@playwright/test';
import { demoIds } from '../../mocks/seed/ids';
import {
  defineScenario,
  figure,
  frameFigures,
  frameStats,
  measureNavigation,
  repeat,
  round,
} from '../lib';

const RUNS = 10_000;
const TABLE = '[role="table"][aria-label="Runs"]';
const FIRST_ROW = `${TABLE} [role="row"][aria-rowindex="2"] a`;
const SCROLL_FRAMES = 600;

/** performance.now() (since navigation) when the progress line says every run is loaded. */
async function allLoadedAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const t = document.querySelector('.runs-progress')?.textContent ?? '';
      return /^[\d,]+ runs?/.test(t) ? performance.now() : 0;
    },
    null,
    { timeout: 120_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

/** Scroll top to bottom in SCROLL_FRAMES frames; frame deltas and the largest DOM count inside the table. */
async function scrollTable(
  page: Page,
): Promise<{ deltas: number[]; maxNodes: number; rowsRendered: number }> {
  return page.evaluate(
    ({ selector, frames }) =>
      new Promise<{ deltas: number[]; maxNodes: number; rowsRendered: number }>(
        (resolve, reject) => {
          const el = document.querySelector<HTMLElement>(selector);
          if (!el) return reject(new Error('no runs table'));
          const dy = Math.ceil((el.scrollHeight - el.clientHeight) / frames);
          const deltas: number[] = [];
          let maxNodes = 0;
          let rowsRendered = 0;
          let last = -1;
          let n = 0;
          const tick = (t: number) => {
            if (last >= 0) deltas.push(t - last);
            last = t;
            if (n % 10 === 0) {
              maxNodes = Math.max(maxNodes, el.getElementsByTagName('*').length);
              rowsRendered = Math.max(rowsRendered, el.querySelectorAll('[role="row"]').length);
            }
            if (n++ >= frames) return resolve({ deltas, maxNodes, rowsRendered });
            el.scrollTop += dy;
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        },
      ),
    { selector: TABLE, frames: SCROLL_FRAMES },
  );
}

export default defineScenario({
  name: 'runs-table-10k',
  description: `${RUNS.toLocaleString('en')} runs x 20 params x 10 metrics: first rows, all loaded, scrolling`,
  demoEnv: { RUNLENS_DEMO_RUNS: String(RUNS) },
  async run(ctx) {
    const url = ctx.url(`/experiments/${demoIds.EXP_BIG}`);
    const loaded: number[] = [];
    let scroll = { deltas: [] as number[], maxNodes: 0, rowsRendered: 0 };
    let seen = '';
    const firstRows = await repeat(ctx.runs, 'first-rows-visible-ms', 'ms', async (i) => {
      const { page, close } = await ctx.newPage();
      // tsx compiles with keepNames: functions sent to the page call esbuild's `__name`, which the page lacks
      await page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
      try {
        const nav = await measureNavigation(page, url, FIRST_ROW, { timeoutMs: 60_000 });
        loaded.push(round(await allLoadedAt(page), 1));
        if (i === 0) {
          seen = (await page.locator('.runs-progress').textContent()) ?? '';
          await page.waitForTimeout(300);
          scroll = await scrollTable(page);
        }
        return nav.readyMs;
      } finally {
        await close();
      }
    });
    const sorted = [...loaded].sort((a, b) => a - b);
    const shown = Number(/^([\d,]+)/.exec(seen)?.[1].replace(/,/g, '') ?? NaN);
    if (shown !== RUNS)
      ctx.log(`the table says "${seen}": expected ${RUNS} runs (RUNLENS_DEMO_RUNS honoured?)`);
    return [
      firstRows,
      figure('all-runs-loaded-ms', sorted[sorted.length >> 1], 'ms', loaded),
      ...frameFigures('scroll', frameStats(scroll.deltas)),
      figure('table-dom-nodes-max', scroll.maxNodes, 'nodes'),
      figure('table-rows-rendered-max', scroll.rowsRendered, 'rows'),
      figure('runs-shown', shown, 'runs'),
    ];
  },
});
