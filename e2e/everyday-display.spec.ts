/**
 * Issue #18, items 1-3: what a page shows at a glance. Single-value metrics in
 * compare, page titles, the keyboard row cursor and the shortcut sheet.
 */
import { demoIds } from '../mocks/seed/ids';
import { expect, test } from './fixtures';

const EXP = demoIds.EXP_SWEEP;
const RUNS = [demoIds.R_5000, demoIds.R_5000_B, demoIds.R_FAILED];

test('1: a metric with one value per run shows a bar per run, with the value on hover', async ({
  page,
}) => {
  await page.goto(`/compare?runs=${RUNS.join(',')}&experiments=${EXP}`);
  const fig = page.getByRole('figure', { name: 'best_val_accuracy chart' });
  await fig.scrollIntoViewIfNeeded();
  const bars = fig.getByRole('list', { name: 'best_val_accuracy per run' }).getByRole('listitem');
  await expect(bars).toHaveCount(RUNS.length);
  await bars.first().hover();
  await expect(page.getByRole('tooltip')).toHaveText(/: 0\.\d+/);
  const box = await bars.first().locator('.single-bar').boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(4);
});

test('2: each page names what it shows in the title, then Runlens', async ({
  page,
  experimentsPage,
}) => {
  await experimentsPage.goto();
  await expect(page).toHaveTitle('Experiments · Runlens');
  await experimentsPage.experimentLink('hyperparam-sweep').click();
  await expect(page).toHaveTitle('hyperparam-sweep · Runlens');

  await page.goto(`/experiments/${EXP}/runs/${demoIds.R_5000}`);
  const runName = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  expect(runName).not.toBe('');
  await expect(page).toHaveTitle(`${runName} · hyperparam-sweep · Runlens`);

  await page.goto(`/compare?runs=${RUNS.join(',')}&experiments=${EXP}`);
  await expect(page).toHaveTitle('Compare 3 runs · Runlens');

  await page.goto('/experiments/5/traces');
  await expect(page).toHaveTitle('Traces · llm-agent · Runlens');
  await page
    .getByRole('table', { name: 'Traces' })
    .getByRole('link', { name: 'failing_agent', exact: true })
    .click();
  await expect(page).toHaveTitle('failing_agent · Runlens');

  await page.goto('/models');
  await expect(page).toHaveTitle('Models · Runlens');
  await page.goto('/models/iris-classifier');
  await expect(page).toHaveTitle('iris-classifier · Runlens');
  await page.goto('/models/iris-classifier/versions/2');
  await expect(page).toHaveTitle('iris-classifier version 2 · Runlens');
});

test('3: j moves a visible row cursor, and ? lists the shortcuts', async ({ page }) => {
  await page.goto(`/experiments/${EXP}`);
  const table = page.getByRole('table', { name: /runs/i });
  await expect(table.getByRole('checkbox', { name: /^Select run / }).first()).toBeVisible();
  // away from the rows, so no row is hovered
  await page.mouse.move(5, 5);
  for (let i = 0; i < 3; i++) await page.keyboard.press('j');
  const row = (n: number) => table.getByRole('row').and(page.locator(`[aria-rowindex="${n}"]`));
  const cursor = row(4); // the third run row (the header is row 1)
  const other = row(6);
  const look = (r: typeof cursor) =>
    r.evaluate((el) => {
      const firstCell = el.querySelector('[role="cell"]') as HTMLElement;
      const s = getComputedStyle(firstCell);
      const pinned = firstCell.parentElement as HTMLElement;
      return {
        cell: s.backgroundColor,
        pinned: getComputedStyle(pinned).backgroundColor,
        shadow: s.boxShadow,
        row: getComputedStyle(el).backgroundColor,
      };
    });
  const [on, off] = [await look(cursor), await look(other)];
  // what is painted where the eye looks first (the pinned name cells) differs from the other rows
  const painted = (l: typeof on) =>
    l.cell !== 'rgba(0, 0, 0, 0)' ? l.cell : l.pinned !== 'rgba(0, 0, 0, 0)' ? l.pinned : l.row;
  expect(painted(on)).not.toBe(painted(off));
  expect(on.shadow).not.toBe('none');

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByText('Next / previous run')).toBeVisible();
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();
});

// A guard more than a new flow: the trace page had its own sheet, now the shared one.
test('3: the trace page has the same shortcut sheet', async ({ page }) => {
  await page.goto('/experiments/5/traces');
  await page
    .getByRole('table', { name: 'Traces' })
    .getByRole('link', { name: 'failing_agent', exact: true })
    .click();
  await expect(
    page.getByRole('tree', { name: 'Spans' }).getByRole('treeitem').first(),
  ).toBeVisible();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet.getByText('Previous / next span')).toBeVisible();
});
