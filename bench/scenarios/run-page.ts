/**
 * The run page on a big run (500 params, 200 metrics, 1,000 artifacts in
 * nested folders): time to header and tables visible, and time to a
 * 100,000-row CSV preview (virtualized table rows on screen).
 */
import type { Page } from '@playwright/test';
import { demoIds } from '../../mocks/seed/ids';
import { countDomNodes, defineScenario, figure, median, repeat, round } from '../lib';

const RUN = demoIds.R_RUN_PAGE;
const RUN_URL = `/experiments/${demoIds.EXP_RUN_PAGE}/runs/${RUN}`;
/** Header and the params/metrics tables render in one commit, from the one run query. */
const TABLES_READY = 'table[aria-labelledby="run-params"] tbody tr';
const CSV_READY = 'table.artifact-table tbody tr[aria-rowindex]';

interface FileInfo {
  path: string;
  is_dir?: boolean;
  file_size?: number;
}

async function api<T>(baseUrl: string, path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`);
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return (await res.json()) as T;
}

/** Walk the artifact tree (breadth first) for the file count and the largest CSV. */
async function scanArtifacts(baseUrl: string): Promise<{ files: number; csv: FileInfo | null }> {
  let files = 0;
  let csv: FileInfo | null = null;
  const queue = [''];
  while (queue.length) {
    const dir = queue.shift()!;
    const q = new URLSearchParams({ run_id: RUN, ...(dir ? { path: dir } : {}) });
    const listing = await api<{ files?: FileInfo[] }>(
      baseUrl,
      `/api/2.0/mlflow/artifacts/list?${q.toString()}`,
    );
    for (const f of listing.files ?? []) {
      if (f.is_dir) queue.push(f.path);
      else {
        files++;
        if (f.path.endsWith('.csv') && (f.file_size ?? 0) > (csv?.file_size ?? 0)) csv = f;
      }
    }
  }
  return { files, csv };
}

/**
 * In-page watcher, as plain JS text: a function serialized from this file
 * would carry tsx's `__name()` helper, which does not exist in the page.
 */
const WATCH = (selectors: readonly string[]) => `(() => {
  const sels = ${JSON.stringify(selectors)};
  const hits = sels.map(() => null);
  const check = () => {
    sels.forEach((s, i) => {
      if (hits[i] !== null) return;
      const el = document.querySelector(s);
      const r = el && el.getBoundingClientRect();
      if (r && r.width > 0 && r.height > 0) {
        const t = performance.now();
        hits[i] = -1;
        requestAnimationFrame(() => {
          hits[i] = t;
          if (hits.every((h) => h !== null && h >= 0)) window.__runPageBench = hits;
        });
      }
    });
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/** In-page: from the next click's event time to the first frame with `selector` on screen. */
const CLICK_TO_ROWS = (selector: string) => `(() => {
  let clickAt = null;
  window.addEventListener('click', (e) => { if (clickAt === null) clickAt = e.timeStamp; }, { capture: true });
  const check = () => {
    if (clickAt === null) return;
    const el = document.querySelector(${JSON.stringify(selector)});
    const r = el && el.getBoundingClientRect();
    if (r && r.width > 0 && r.height > 0) {
      observer.disconnect();
      requestAnimationFrame(() => { window.__clickToRows = performance.now() - clickAt; });
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})()`;

/** Times (ms since navigation start) at which each selector first had a box, measured in the page. */
/** One time per selector, in their order (checked: a missing time stops the scenario by name). */
async function timeSelectors<const S extends readonly string[]>(
  page: Page,
  url: string,
  selectors: S,
): Promise<{ [K in keyof S]: number }> {
  await page.addInitScript({ content: WATCH(selectors) });
  await page.goto(url, { waitUntil: 'commit' });
  // A function, not a string: the app's CSP has no 'unsafe-eval', and a string predicate is eval'd.
  const handle = await page.waitForFunction(
    () => (window as { __runPageBench?: unknown }).__runPageBench,
    null,
    {
      timeout: 60_000,
      polling: 50,
    },
  );
  const times = (await handle.jsonValue()) as unknown;
  if (
    !Array.isArray(times) ||
    times.length !== selectors.length ||
    !times.every((t) => typeof t === 'number')
  )
    throw new Error(`expected one time for each of ${selectors.join(', ')}, got ${String(times)}`);
  return times as { [K in keyof S]: number };
}

export default defineScenario({
  name: 'run-page',
  description:
    'a run with 500 params, 200 metrics, 1,000 artifacts: header+tables visible, 100k-row CSV preview',
  demoEnv: { RUNLENS_DEMO_RUN_PAGE: '1' },
  async run(ctx) {
    const run = await api<{ run: { data: { params?: unknown[]; metrics?: unknown[] } } }>(
      ctx.baseUrl,
      `/api/2.0/mlflow/runs/get?run_id=${RUN}`,
    );
    const params = run.run.data.params?.length ?? 0;
    const metrics = run.run.data.metrics?.length ?? 0;
    const scan = await scanArtifacts(ctx.baseUrl);
    ctx.log(
      `seeded: ${params} params, ${metrics} metrics, ${scan.files} artifacts, csv ${scan.csv?.path ?? 'none'} (${scan.csv?.file_size ?? 0} bytes)`,
    );
    if (params < 500 || metrics < 200 || scan.files < 1000)
      ctx.log('the run is smaller than the scenario asks: figures are not comparable');

    let domNodes = 0;
    const runGet: number[] = [];
    const tables = await repeat(ctx.runs, 'header-and-tables-visible-ms', 'ms', async (i) => {
      const { page, close } = await ctx.newPage();
      try {
        const [t] = await timeSelectors(page, ctx.url(RUN_URL), [TABLES_READY]);
        // Where the time goes: the run's JSON arriving (after the JS that asks for it).
        runGet.push(
          await page.evaluate(() => {
            const e = (
              performance.getEntriesByType('resource') as PerformanceResourceTiming[]
            ).find((r) => r.name.includes('runs/get'));
            return e ? e.responseEnd : NaN;
          }),
        );
        if (i === 0) {
          await page.waitForTimeout(500);
          domNodes = await countDomNodes(page);
        }
        return t;
      } finally {
        await close();
      }
    });

    const out = [
      tables,
      figure('runs-get-response-end-ms', median(runGet), 'ms', runGet),
      figure('dom-nodes-after-load', domNodes, 'nodes'),
      figure('artifacts-seeded', scan.files, 'files'),
    ];
    if (!scan.csv) {
      ctx.log('no CSV artifact found: CSV preview not measured');
      return out;
    }
    const csvUrl = ctx.url(`${RUN_URL}?artifact=${encodeURIComponent(scan.csv.path)}`);
    let csvRows = 0;
    const fromNav: number[] = [];
    const uiShare: number[] = [];
    const csvStart: number[] = [];
    const csvFirstByte: number[] = [];
    const csvEnd: number[] = [];
    const afterTables = await repeat(ctx.runs, 'csv-preview-after-tables-ms', 'ms', async (i) => {
      const { page, close } = await ctx.newPage();
      try {
        const [t, c] = await timeSelectors(page, csvUrl, [TABLES_READY, CSV_READY]);
        fromNav.push(round(c, 1));
        // The UI's own share: from the CSV's last byte to rows on screen (parse + render).
        const csvTiming = await page.evaluate(() => {
          const e = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find(
            (r) => r.name.includes('get-artifact') && r.name.includes('.csv'),
          );
          return e
            ? { start: e.startTime, firstByte: e.responseStart, end: e.responseEnd }
            : { start: NaN, firstByte: NaN, end: NaN };
        });
        csvStart.push(round(csvTiming.start, 1));
        csvFirstByte.push(round(csvTiming.firstByte, 1));
        csvEnd.push(round(csvTiming.end, 1));
        uiShare.push(c - csvTiming.end);
        if (i === 0) {
          const text = await page.locator('.artifact-preview p.muted').first().textContent();
          csvRows = Number((text ?? '').split(' ')[0]?.replace(/,/g, '')); // "100,000 rows × 5 columns"
        }
        return Math.max(0, c - t);
      } finally {
        await close();
      }
    });
    // What a person does: the page is open and loaded, they click the CSV in the artifact tree.
    const folder = scan.csv.path.split('/').slice(0, -1);
    const fileName = scan.csv.path.split('/').pop() ?? '';
    const clickToRows = await repeat(ctx.runs, 'csv-preview-after-click-ms', 'ms', async () => {
      const { page, close } = await ctx.newPage();
      try {
        await page.goto(ctx.url(RUN_URL));
        await page.locator(TABLES_READY).first().waitFor();
        const tree = page.getByRole('tree', { name: 'Artifacts' });
        for (const name of folder) await tree.getByRole('treeitem', { name, exact: true }).click();
        const file = tree.getByRole('treeitem', { name: fileName, exact: true });
        await file.waitFor();
        // the page has finished loading (charts, histories) before the person clicks
        await page.waitForLoadState('networkidle');
        await page.evaluate(CLICK_TO_ROWS(CSV_READY));
        await file.click();
        const handle = await page.waitForFunction(
          () => (window as { __clickToRows?: unknown }).__clickToRows,
          null,
          {
            timeout: 60_000,
            polling: 50,
          },
        );
        return (await handle.jsonValue()) as number;
      } finally {
        await close();
      }
    });
    return [
      ...out,
      clickToRows,
      figure('csv-preview-from-navigation-ms', median(fromNav), 'ms', fromNav),
      afterTables,
      figure('csv-request-start-ms', median(csvStart), 'ms', csvStart),
      figure('csv-first-byte-ms', median(csvFirstByte), 'ms', csvFirstByte),
      figure('csv-response-end-ms', median(csvEnd), 'ms', csvEnd),
      figure('csv-parse-and-render-ms', median(uiShare), 'ms', uiShare),
      figure('csv-rows', csvRows, 'rows'),
      figure('csv-bytes', scan.csv.file_size ?? 0, 'bytes'),
    ];
  },
});
