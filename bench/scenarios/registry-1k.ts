/**
 * Registry at scale: 1,000 registered models x 20 versions each.
 * Figures: models list visible on a cold load (target < 1 s), a model page
 * opened by clicking a row in the list (target < 500 ms), and a cold load
 * of a model page.
 */
import type { Page } from '@playwright/test';
import { defineScenario, measureNavigation, repeat, type ScenarioContext } from '../lib';

const LIST_ROW = 'table[aria-label="Registered models"] tbody tr';
const VERSION_ROW = 'table[aria-label="Versions"] tbody tr';

/** Click a link and time, inside the page, until `selector` is visible (no Playwright round trips counted). */
async function timeClickTo(page: Page, linkText: string, selector: string): Promise<number> {
  const handle = await page.evaluateHandle(
    ({ linkText, selector }) =>
      new Promise<number>((resolve, reject) => {
        const link = [...document.querySelectorAll('a')].find((a) => a.textContent === linkText);
        if (!link) return reject(new Error(`no link ${linkText}`));
        const t0 = performance.now();
        const check = () => {
          const el = document.querySelector(selector);
          const r = el?.getBoundingClientRect();
          if (r && r.width > 0 && r.height > 0 && location.pathname.startsWith('/models/')) {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - t0));
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document, { childList: true, subtree: true, attributes: true });
        link.click();
      }),
    { linkText, selector },
  );
  return (await handle.jsonValue()) as number;
}

const MODELS = 1000;
const VERSIONS = 20;

/**
 * Functions sent to the page are compiled by tsx (esbuild keepNames), which wraps
 * named inner functions in a `__name(...)` helper the page does not have
 * ("__name is not defined" in measureNavigation's init script). Define it first.
 */
async function newPage(ctx: ScenarioContext): ReturnType<ScenarioContext['newPage']> {
  const p = await ctx.newPage();
  await p.page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  return p;
}

/** Count registered models through the API, to check the seed honoured the scale knob. */
async function countModels(baseUrl: string): Promise<number> {
  let total = 0;
  let token: string | undefined;
  do {
    const q = new URLSearchParams({ max_results: '1000', ...(token ? { page_token: token } : {}) });
    const res = await fetch(`${baseUrl}/api/2.0/mlflow/registered-models/search?${q}`);
    if (!res.ok) throw new Error(`registered-models/search answered ${res.status}`);
    const body = (await res.json()) as { registered_models?: unknown[]; next_page_token?: string };
    total += body.registered_models?.length ?? 0;
    token = body.next_page_token;
  } while (token);
  return total;
}

export default defineScenario({
  name: 'registry-1k',
  description: `${MODELS.toLocaleString('en')} registered models x ${VERSIONS} versions: models list visible, open a model page`,
  demoEnv: { RUNLENS_DEMO_MODELS: String(MODELS), RUNLENS_DEMO_VERSIONS: String(VERSIONS) },
  async run(ctx) {
    const seeded = await countModels(ctx.baseUrl);
    if (seeded < MODELS)
      ctx.log(
        `only ${seeded} models seeded (RUNLENS_DEMO_MODELS not honoured?): figures are not comparable`,
      );

    const list = await repeat(ctx.runs, 'models-list-visible-ms', 'ms', async () => {
      const { page, close } = await newPage(ctx);
      try {
        return (await measureNavigation(page, ctx.url('/models'), LIST_ROW)).readyMs;
      } finally {
        await close();
      }
    });

    // Open the 10th model of the list (not the first: nothing special about it).
    let opened = '';
    const open = await repeat(ctx.runs, 'model-page-open-ms', 'ms', async () => {
      const { page, close } = await newPage(ctx);
      try {
        await page.goto(ctx.url('/models'));
        await page.locator(LIST_ROW).nth(9).waitFor();
        opened =
          (await page.locator(LIST_ROW).nth(9).getByRole('link').first().textContent()) ?? '';
        const ms = await timeClickTo(page, opened, VERSION_ROW);
        const rows = await page.locator(VERSION_ROW).count();
        if (rows < VERSIONS)
          ctx.log(`model page of ${opened} shows ${rows} versions (expected ${VERSIONS})`);
        return ms;
      } finally {
        await close();
      }
    });
    ctx.log(`opened model: ${opened}`);

    const cold = await repeat(ctx.runs, 'model-page-cold-ms', 'ms', async () => {
      const { page, close } = await newPage(ctx);
      const nav = await measureNavigation(
        page,
        ctx.url(`/models/${encodeURIComponent(opened)}`),
        VERSION_ROW,
      );
      await close();
      return nav.readyMs;
    });

    ctx.log(
      `targets: models list < 1000 ms (got ${list.value}), model page open < 500 ms (got ${open.value})`,
    );
    return [list, open, cold];
  },
});
