/**
 * The diff of two 5,000-line prompt versions (the 3.18 demo's
 * `agent-playbook`, RUNLENS_DEMO_PROMPT_LINES=5000). The prompt page opens
 * with the same version on both sides; the figure is the time from choosing
 * the other version in the "From" list to the diff being painted
 * (target < 200 ms), timed inside the page, median of --runs; and how many
 * table rows the page holds for it (folded and virtualized: tens, not 5,115).
 */
import type { Page } from '@playwright/test';
import { defineScenario, repeat, type ScenarioContext } from '../lib';

const LINES = 5000;
const PROMPT = 'agent-playbook';
const DIFF = 'table[aria-label="Diff of version 1 and version 2"]';

/** Pick version 1 in "From" and time, in the page, until the diff table is laid out and painted. */
async function timeDiff(page: Page): Promise<number> {
  const handle = await page.evaluateHandle(
    (selector) =>
      new Promise<number>((resolve, reject) => {
        const from = [...document.querySelectorAll('label')]
          .find((l) => l.textContent?.trim().startsWith('From'))
          ?.querySelector('select');
        if (!from) return reject(new Error('no From select'));
        const check = () => {
          const el = document.querySelector(selector);
          const r = el?.getBoundingClientRect();
          if (r && r.width > 0 && r.height > 0) {
            observer.disconnect();
            // the frame that shows it
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document, { childList: true, subtree: true, attributes: true });
        const t0 = performance.now();
        // React listens for the native change event on the select
        const set = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set;
        set?.call(from, '1');
        from.dispatchEvent(new Event('change', { bubbles: true }));
      }),
    DIFF,
  );
  return (await handle.jsonValue()) as number;
}

async function newPage(ctx: ScenarioContext): ReturnType<ScenarioContext['newPage']> {
  const p = await ctx.newPage();
  await p.page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  return p;
}

export default defineScenario({
  name: 'prompt-diff',
  description: `Diff of two ${LINES.toLocaleString('en')}-line prompt versions: from choosing the version to the diff painted`,
  demoEnv: { RUNLENS_DEMO_MLFLOW: '3.18.0', RUNLENS_DEMO_PROMPT_LINES: String(LINES) },
  async run(ctx) {
    const figures = [];
    figures.push(
      await repeat(ctx.runs, 'diff-visible-ms', 'ms', async () => {
        const { page, close } = await newPage(ctx);
        try {
          await page.goto(ctx.url(`/prompts/${PROMPT}?from=2&to=2`));
          await page.getByRole('table', { name: 'Diff of version 2 and version 2' }).waitFor();
          return await timeDiff(page);
        } finally {
          await close();
        }
      }),
    );
    const { page, close } = await newPage(ctx);
    try {
      await page.goto(ctx.url(`/prompts/${PROMPT}?from=1&to=2`));
      await page.locator(DIFF).waitFor();
      const summary = await page.getByText(/version 1 → version 2:/).textContent();
      ctx.log(summary ?? '');
      const rows = await page.locator(`${DIFF} tr`).count();
      figures.push({ name: 'diff-rows-in-dom', value: rows, unit: 'rows' });
    } finally {
      await close();
    }
    return figures;
  },
});
