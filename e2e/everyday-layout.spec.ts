/**
 * Issue #18, items 11-12: controls that are clipped or unlabelled, and layout
 * that wastes the screen.
 */
import type { Locator } from '@playwright/test';
import { demoIds } from '../mocks/seed/ids';
import { expect, test } from './fixtures';

const EXP = demoIds.EXP_SWEEP;

async function inside(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()];
  return !!a && !!b && a.x >= b.x - 0.5 && a.x + a.width <= b.x + b.width + 0.5;
}

test.describe('11: clipped or unlabelled controls', () => {
  test("the column picker's Shown panel shows each column's controls whole", async ({ page }) => {
    await page.goto(`/experiments/${EXP}`);
    await page.getByRole('button', { name: 'Columns' }).click();
    const shown = page
      .getByRole('dialog', { name: 'Columns' })
      .getByRole('group', { name: /^Shown/ });
    const items = shown.getByRole('listitem');
    await expect(items.first()).toBeVisible();
    const n = Math.min(await items.count(), 6);
    for (let i = 0; i < n; i++) {
      const item = items.nth(i);
      for (const b of await item.getByRole('button').all())
        expect(await inside(b, item), (await b.textContent()) ?? '').toBe(true);
      for (const s of await item.getByRole('combobox').all())
        expect(await inside(s, item)).toBe(true);
    }
  });

  test('group aggregates say which aggregate they show, and fit', async ({ page }) => {
    await page.goto(`/experiments/${EXP}`);
    await page.getByLabel('Group by').selectOption({ label: 'optimizer' });
    const group = page
      .getByRole('table', { name: 'Runs' })
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: /optimizer = adam/ }) });
    const summary = group.getByText(/^mean /).first();
    await expect(summary).toBeVisible();
    expect(await summary.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await expect(summary).toHaveAttribute('title', /min .*mean .*max .* over \d+ runs/);
  });

  test('with 100 runs the compare legend can be searched, scrolls, and highlights on hover', async ({
    page,
  }) => {
    await page.goto(`/compare?experiments=${demoIds.EXP_BIG}&top=100`);
    const legend = page.getByRole('list', { name: 'Legend' });
    await expect(legend.getByRole('listitem')).toHaveCount(100);
    expect(await legend.evaluate((el) => getComputedStyle(el).overflowY)).toMatch(/auto|scroll/);
    const first = (await legend.getByRole('listitem').first().textContent())?.trim() ?? '';
    await page.getByRole('searchbox', { name: 'Find runs in the legend' }).fill(first);
    await expect(legend.getByRole('listitem').first()).toHaveText(first);
    expect(await legend.getByRole('listitem').count()).toBeLessThan(100);
    await legend.getByRole('listitem').first().hover();
    await expect(page.locator('.highlight-line').first()).toBeAttached();
  });

  test('span durations in the waterfall do not overlap their bars', async ({ page }) => {
    await page.goto('/experiments/5/traces');
    await page
      .getByRole('table', { name: 'Traces' })
      .getByRole('link', { name: 'failing_agent', exact: true })
      .click();
    const items = page.getByRole('tree', { name: 'Spans' }).getByRole('treeitem');
    await expect(items.first()).toBeVisible();
    const overlaps = await items.evaluateAll((rows) =>
      rows.flatMap((r) => {
        const bar = r.querySelector('.span-bar')?.getBoundingClientRect();
        const label = r.querySelector('.span-duration')?.getBoundingClientRect();
        if (!bar || !label) return [];
        const overlap = Math.min(bar.right, label.right) - Math.max(bar.left, label.left);
        return overlap > 1 ? [r.getAttribute('aria-label')] : [];
      }),
    );
    expect(overlaps).toEqual([]);
  });

  test("the traces list's Delete button is not red while disabled", async ({ page }) => {
    await page.goto('/experiments/5/traces');
    const del = page.getByRole('button', { name: /^Delete/ });
    await expect(del).toBeDisabled();
    const bg = await del.evaluate((el) => getComputedStyle(el).backgroundColor);
    const danger = await del.evaluate((el) => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--danger)';
      el.parentElement!.appendChild(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    });
    expect(bg).not.toBe(danger);
  });
});

test.describe('12: layout', () => {
  test('a long experiment description folds, keeping the runs table in view', async ({
    page,
    request,
  }) => {
    const long = Array.from({ length: 40 }, (_, i) => `Line ${i + 1} of a long description.`).join(
      '\n\n',
    );
    const res = await request.post('/api/2.0/mlflow/experiments/set-experiment-tag', {
      data: { experiment_id: EXP, key: 'mlflow.note.content', value: long },
    });
    expect(res.ok()).toBe(true);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/experiments/${EXP}`);
    await expect(page.getByText('Line 1 of a long description.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Runs' })).toBeInViewport();
    await page.getByRole('button', { name: 'Show all of the description' }).click();
    await expect(page.getByText('Line 40 of a long description.')).toBeVisible();
  });

  test('a run without artifacts says so in one line', async ({ page }) => {
    await page.goto(`/experiments/${EXP}/runs/${demoIds.R_NO_ARTIFACTS}`);
    const section = page.getByRole('region', { name: 'Artifacts' });
    await expect(section.getByText('This run has no artifacts.')).toBeVisible();
    expect((await section.boundingBox())?.height ?? 999).toBeLessThan(120);
  });

  test('the run page has sections to jump to, kept in the URL', async ({ page }) => {
    await page.goto(`/experiments/${EXP}/runs/${demoIds.R_5000}`);
    const nav = page.getByRole('navigation', { name: 'Run sections' });
    for (const s of ['Overview', 'Metrics', 'Artifacts', 'Traces', 'Models'])
      await expect(nav.getByRole('link', { name: s })).toBeVisible();
    await nav.getByRole('link', { name: 'Artifacts' }).click();
    await expect(page).toHaveURL(/#artifacts$/);
    await expect(page.getByRole('heading', { name: 'Artifacts', exact: true })).toBeInViewport();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Artifacts', exact: true })).toBeInViewport();
    await expect(nav.getByRole('link', { name: 'Artifacts' })).toHaveAttribute(
      'aria-current',
      'location',
    );
  });

  test('the run breadcrumb names the experiment; the model page names the source run', async ({
    page,
  }) => {
    await page.goto(`/experiments/${EXP}/runs/${demoIds.R_5000}`);
    await expect(
      page
        .getByRole('navigation', { name: 'Breadcrumb' })
        .getByRole('link', { name: 'hyperparam-sweep' }),
    ).toBeVisible();
    await page.goto('/models/iris-classifier');
    await expect(
      page.getByRole('main').getByRole('link', { name: 'iris-logreg-C1.0' }).first(),
    ).toBeVisible();
  });

  test('compare charts use the width of a 1,440 px window', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/compare?runs=${demoIds.R_5000},${demoIds.R_5000_B}&experiments=${EXP}`);
    const charts = page.getByRole('figure', { name: / chart$/ });
    await expect(charts.first()).toBeVisible();
    const boxes = await charts.evaluateAll((els) =>
      els
        .slice(0, 6)
        .map((e) => e.getBoundingClientRect())
        .map((r) => ({ left: r.left, right: r.right })),
    );
    const right = Math.max(...boxes.map((b) => b.right));
    const left = Math.min(...boxes.map((b) => b.left));
    expect(right - left).toBeGreaterThan(1440 * 0.9);
  });

  test('step images are listed once per image and step, with readable names', async ({ page }) => {
    await page.goto(`/experiments/${demoIds.EXP_VISION}/runs/${demoIds.R_VISION}`);
    const tree = page.getByRole('tree', { name: /artifacts/i });
    await tree.getByRole('treeitem', { name: 'images', exact: true }).click();
    await expect(tree.getByRole('treeitem', { name: 'samples · step 0' })).toBeVisible();
    await expect(tree.getByRole('treeitem', { name: /^samples/ })).toHaveCount(5);
    await expect(tree.getByRole('treeitem', { name: /compressed\.webp$/ })).toHaveCount(0);
  });
});
