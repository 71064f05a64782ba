/**
 * The runs table at 10,000 runs x 20 params x 10 metrics (issue #3).
 * Figures: navigation -> first rows visible (target < 1 s), navigation -> all
 * 10,000 runs loaded, p95 frame time scrolling the table from top to bottom
 * (target < 16.7 ms: the frame deltas, quantized to the vsync, and the work each
 * frame took on the main thread), and DOM nodes inside the table while scrolling
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
  workFigures,
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

interface Scrolled {
  deltas: number[];
  work: number[];
  maxNodes: number;
  rowsRendered: number;
}

/** Scroll top to bottom in SCROLL_FRAMES frames; frame deltas and work (see workFigures), and the largest DOM count inside the table. */
async function scrollTable(page: Page): Promise<Scrolled> {
  return page.evaluate(
    ({ selector, frames }) =>
      new Promise<Scrolled>((resolve, reject) => {
        const el = document.querySelector<HTMLElement>(selector);
        if (!el) return reject(new Error('no runs table'));
        const dy = Math.ceil((el.scrollHeight - el.clientHeight) / frames);
        const deltas: number[] = [];
        const work: number[] = [];
        const ch = new MessageChannel();
        ch.port1.onmessage = (e: MessageEvent<number>) => work.push(performance.now() - e.data);
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
          if (n++ >= frames) {
            ch.port1.close();
            return resolve({ deltas, work, maxNodes, rowsRendered });
          }
          el.scrollTop += dy;
          ch.port2.postMessage(t);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
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
    let scroll: Scrolled = { deltas: [], work: [], maxNodes: 0, rowsRendered: 0 };
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
    const shown = Number(/^([\d,]+)/.exec(seen)?.[1]?.replace(/,/g, '') ?? NaN);
    if (shown !== RUNS)
      ctx.log(`the table says "${seen}": expected ${RUNS} runs (RUNLENS_DEMO_RUNS honoured?)`);
    return [
      firstRows,
      figure('all-runs-loaded-ms', sorted[sorted.length >> 1] ?? NaN, 'ms', loaded),
      ...frameFigures('scroll', frameStats(scroll.deltas)),
      ...workFigures('scroll', scroll.work),
      figure('table-dom-nodes-max', scroll.maxNodes, 'nodes'),
      figure('table-rows-rendered-max', scroll.rowsRendered, 'rows'),
      figure('runs-shown', shown, 'runs'),
    ];
  },
});
