/**
 * The runs table of an experiment (issue #3), on the demo workspace's
 * `hyperparam-sweep` (id 1): filter, sort, columns, nesting, grouping,
 * selection and actions, CSV export, and the URL as the view's state.
 * Expected sets come from the demo server's own search (the same workspace).
 */
import fs from 'node:fs';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, test } from './fixtures';

const SWEEP = '1';
const PARENT = 'cv-parent-adam';
const FILTER = "metrics.`val/accuracy` > 0.8 and params.optimizer = 'adam'";

interface WireRun {
  info: { run_id: string; run_name: string };
}

/** Run names the server returns for a search, in its order. */
async function searchNames(
  request: APIRequestContext,
  body: Record<string, unknown>,
): Promise<string[]> {
  const names: string[] = [];
  let token: string | undefined;
  do {
    const res = await request.post('/api/2.0/mlflow/runs/search', {
      data: { experiment_ids: [SWEEP], max_results: 1000, ...body, page_token: token },
    });
    expect(res.ok()).toBeTruthy();
    const json = (await res.json()) as { runs?: WireRun[]; next_page_token?: string };
    names.push(...(json.runs ?? []).map((r) => r.info.run_name));
    token = json.next_page_token;
  } while (token);
  return names;
}

/** The runs page, found the way a person finds it. */
class RunsTablePage {
  constructor(readonly page: Page) {}
  get table(): Locator {
    return this.page.getByRole('table', { name: 'Runs' });
  }
  get filter(): Locator {
    return this.page.getByRole('combobox', { name: 'Filter runs' });
  }
  get status(): Locator {
    return this.page.locator('.runs-progress');
  }
  runLink(name: string): Locator {
    return this.table.getByRole('link', { name, exact: true });
  }
  /** Names of the run rows rendered, top to bottom. */
  async shownNames(): Promise<string[]> {
    return this.table.locator('[role="row"] .run-name').allInnerTexts();
  }
  columnHeader(name: string): Locator {
    return this.table.getByRole('columnheader', { name, exact: true });
  }
  async goto(query = ''): Promise<void> {
    await this.page.goto(`/experiments/${SWEEP}${query}`);
    await expect(this.table).toBeVisible();
    await expect(this.status).toHaveText(/^\d+ runs?/);
  }
  async applyFilter(text: string): Promise<void> {
    await this.filter.fill(text);
    await this.filter.press('Enter');
  }
  async select(name: string): Promise<void> {
    await this.table.getByRole('checkbox', { name: `Select run ${name}`, exact: true }).check();
  }
}

test.describe('runs table', () => {
  test('filters with the MLflow filter language on the server', async ({ page, request }) => {
    const runs = new RunsTablePage(page);
    const expected = await searchNames(request, { filter: FILTER });
    expect(expected.length).toBeGreaterThan(0);
    await runs.goto();
    await expect(runs.runLink('trial-killed')).toBeVisible();
    await runs.applyFilter(FILTER);
    await expect(runs.status).toHaveText(new RegExp(`^${expected.length} runs?`));
    await expect(runs.runLink('trial-killed')).toHaveCount(0);
    const shown = await runs.shownNames();
    expect(shown.length).toBeGreaterThan(0);
    for (const name of shown) expect(expected).toContain(name);
    await expect(page).toHaveURL(/[?&]q=/);
  });

  test('a malformed filter shows the server message and keeps the last rows; an unknown key finds nothing', async ({
    page,
  }) => {
    const runs = new RunsTablePage(page);
    await runs.goto();
    await runs.applyFilter('metrics.`val/accuracy` >');
    await expect(page.getByRole('alert').filter({ hasText: /invalid|expected/i })).toBeVisible();
    await expect(runs.runLink('trial-killed')).toBeVisible();
    await runs.applyFilter('metrics.no_such_metric > 1');
    await expect(page.getByText('No run matches this filter.')).toBeVisible();
  });

  test('autocompletes keys and back-quotes them', async ({ page }) => {
    const runs = new RunsTablePage(page);
    await runs.goto();
    await runs.filter.fill('metrics.val/acc');
    await page.getByRole('option', { name: 'metrics.val/accuracy' }).click();
    await expect(runs.filter).toHaveValue('metrics.`val/accuracy` ');
  });

  test('sorts by a metric on the server, both ways', async ({ page, request }) => {
    const runs = new RunsTablePage(page);
    const desc = await searchNames(request, { order_by: ['metrics.`val/accuracy` DESC'] });
    const asc = await searchNames(request, { order_by: ['metrics.`val/accuracy` ASC'] });
    await runs.goto('?top=1');
    const header = runs.columnHeader('val/accuracy');
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    await expect
      .poll(async () => (await runs.shownNames())[0])
      .toBe(desc.find((n) => n !== 'fold-0' && !n.startsWith('fold-')));
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    await expect
      .poll(async () => (await runs.shownNames())[0])
      .toBe(asc.find((n) => !n.startsWith('fold-')));
    expect(desc[0]).not.toBe(asc[0]);
  });

  test('adds a param column from the column picker', async ({ page }) => {
    const runs = new RunsTablePage(page);
    // columns chosen in the URL: none of the params shown by default
    await runs.goto('?c=created');
    await expect(runs.columnHeader('optimizer')).toHaveCount(0);
    await page.getByRole('button', { name: 'Columns' }).click();
    const picker = page.getByRole('dialog', { name: 'Columns' });
    await picker.getByRole('searchbox', { name: 'Search columns' }).fill('optim');
    // the URL is the state: the box turns checked once the navigation lands
    await picker.getByRole('checkbox', { name: 'params.optimizer' }).click();
    await expect(picker.getByRole('checkbox', { name: 'params.optimizer' })).toBeChecked();
    await picker.getByRole('button', { name: 'Done' }).click();
    await expect(runs.columnHeader('optimizer')).toBeVisible();
    const killedRow = runs.table
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'trial-killed', exact: true }) });
    await expect(killedRow.getByRole('cell', { name: 'sgd', exact: true })).toBeVisible();
    await expect(page).toHaveURL(/[?&]c=[^&]*p%3Aoptimizer/);
  });

  test('a cell shows its full value on hover', async ({ page }) => {
    const runs = new RunsTablePage(page);
    await runs.goto('?c=source');
    const killedRow = runs.table
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'trial-killed', exact: true }) });
    const source = killedRow.getByRole('cell', { name: 'workload.py', exact: true });
    await source.hover();
    await expect(source).toHaveAttribute('title', 'workload.py');
  });

  test('expands a parent run to show its children', async ({ page }) => {
    const runs = new RunsTablePage(page);
    await runs.goto();
    await expect(runs.runLink('fold-0')).toHaveCount(0);
    const expand = runs.table.getByRole('button', { name: `Expand ${PARENT} (5 child runs)` });
    await expand.click();
    for (let i = 0; i < 5; i++) await expect(runs.runLink(`fold-${i}`)).toBeVisible();
    await runs.table.getByRole('button', { name: `Collapse ${PARENT} (5 child runs)` }).click();
    await expect(runs.runLink('fold-0')).toHaveCount(0);
  });

  // Issue #19: the table and the run page once cached a parent's children in two shapes
  // under one key, and the run page crashed on the table's.
  test('expanding a parent, then opening it, shows its children on the run page', async ({
    page,
  }) => {
    const runs = new RunsTablePage(page);
    await runs.goto();
    await runs.table.getByRole('button', { name: `Expand ${PARENT} (5 child runs)` }).click();
    await expect(runs.runLink('fold-4')).toBeVisible();
    await runs.runLink(PARENT).click();
    await expect(page.getByRole('heading', { level: 1, name: PARENT })).toBeVisible();
    const children = page.getByRole('list', { name: 'Child runs' });
    for (let i = 0; i < 5; i++)
      await expect(children.getByRole('link', { name: `fold-${i}`, exact: true })).toBeVisible();
    await expect(page.getByText('Something went wrong')).toHaveCount(0);
  });

  test('groups by a param with counts and metric summaries', async ({ page, request }) => {
    const runs = new RunsTablePage(page);
    const adam = await searchNames(request, { filter: "params.optimizer = 'adam'" });
    await runs.goto();
    await page.getByLabel('Group by').selectOption({ label: 'optimizer' });
    const group = runs.table.getByRole('button', {
      name: new RegExp(`^▾? ?optimizer = adam ${adam.length} runs$`),
    });
    await expect(group).toBeVisible();
    await expect(group).toHaveAttribute('aria-expanded', 'true');
    // collapsing the first group brings the next ones into the window
    await group.click();
    await expect(group).toHaveAttribute('aria-expanded', 'false');
    await expect(
      runs.table.getByRole('button', { name: /optimizer = sgd \d+ runs/ }),
    ).toBeVisible();
    await expect(page).toHaveURL(/[?&]g=p%3Aoptimizer/);
  });

  test('selects three runs and opens the compare view with them', async ({ page }) => {
    const runs = new RunsTablePage(page);
    await runs.goto();
    const boxes = runs.table.getByRole('checkbox', { name: /^Select run / });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await boxes.nth(2).check();
    await expect(page.getByText('3 runs selected')).toBeVisible();
    await page.getByRole('link', { name: 'Compare', exact: true }).click();
    await expect(page).toHaveURL(
      /\/compare\?runs=[0-9a-f]{32},[0-9a-f]{32},[0-9a-f]{32}&experiments=1$/,
    );
  });

  test('shift-click selects a range', async ({ page }) => {
    const runs = new RunsTablePage(page);
    await runs.goto();
    const boxes = runs.table.getByRole('checkbox', { name: /^Select run / });
    await boxes.nth(1).click();
    await boxes.nth(4).click({ modifiers: ['Shift'] });
    await expect(page.getByText('4 runs selected')).toBeVisible();
  });

  test('deletes and restores a run with confirmation', async ({ page }) => {
    const runs = new RunsTablePage(page);
    await runs.goto();
    await runs.select('trial-killed');
    await page
      .getByRole('toolbar', { name: 'Run actions' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(runs.runLink('trial-killed')).toHaveCount(0);

    await page
      .getByRole('group', { name: 'Lifecycle' })
      .getByRole('button', { name: 'Deleted' })
      .click();
    await expect(runs.runLink('trial-killed')).toBeVisible();
    await runs.select('trial-killed');
    await page
      .getByRole('toolbar', { name: 'Run actions' })
      .getByRole('button', { name: 'Restore' })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
    await expect(runs.runLink('trial-killed')).toHaveCount(0);
    await page
      .getByRole('group', { name: 'Lifecycle' })
      .getByRole('button', { name: 'Active' })
      .click();
    await expect(runs.runLink('trial-killed')).toBeVisible();
  });

  test('exports the shown columns of all matching runs as CSV', async ({ page, request }) => {
    const runs = new RunsTablePage(page);
    const expected = await searchNames(request, { filter: FILTER });
    await runs.goto(`?q=${encodeURIComponent(FILTER)}`);
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('dialog', { name: 'Export runs as CSV' })
        .getByRole('button', { name: 'Export' })
        .click(),
    ]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    const rows = Papa.parse<string[]>(text.trim()).data;
    expect(rows[0]?.slice(0, 4)).toEqual(['run_id', 'run_name', 'experiment_id', 'status']);
    expect(rows[0]).toContain('metrics.val/accuracy');
    expect(
      rows
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual([...expected].sort());
    const acc = rows[0]?.indexOf('metrics.val/accuracy') ?? -1;
    expect(acc).toBeGreaterThanOrEqual(0);
    for (const r of rows.slice(1)) expect(Number(r[acc])).toBeGreaterThan(0.8);
  });

  test('reloading the URL reproduces the view', async ({ page }) => {
    const runs = new RunsTablePage(page);
    // columns chosen in the URL, so params.lr is one to add
    await runs.goto('?c=created');
    await runs.applyFilter("params.optimizer = 'adam'");
    // by name, ascending: the CV parent comes first, so its children stay in the rendered window
    await runs.columnHeader('Run name').getByRole('button').click();
    await expect(runs.columnHeader('Run name')).toHaveAttribute('aria-sort', 'ascending');
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('searchbox', { name: 'Search columns' }).fill('params.lr');
    await page.getByRole('checkbox', { name: 'params.lr', exact: true }).click();
    await expect(page.getByRole('checkbox', { name: 'params.lr', exact: true })).toBeChecked();
    await page.getByRole('button', { name: 'Done' }).click();
    await runs.table.getByRole('button', { name: `Expand ${PARENT} (5 child runs)` }).click();
    await expect(runs.runLink('fold-2')).toBeVisible();
    const before = await runs.shownNames();
    const url = page.url();
    expect(url.length).toBeLessThan(1000);

    await page.reload();
    await expect(runs.filter).toHaveValue("params.optimizer = 'adam'");
    await expect(runs.columnHeader('Run name')).toHaveAttribute('aria-sort', 'ascending');
    await expect(runs.columnHeader('lr')).toBeVisible();
    await expect(runs.runLink('fold-2')).toBeVisible();
    await expect.poll(() => runs.shownNames()).toEqual(before);
    expect(page.url()).toBe(url);
  });

  test('keyboard: / focuses search, j/k move, x selects, Enter opens', async ({ page }) => {
    const runs = new RunsTablePage(page);
    await runs.goto();
    await page.locator('body').press('/');
    await expect(runs.filter).toBeFocused();
    await runs.filter.press('Escape');
    await runs.filter.press('Escape');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('x');
    await expect(page.getByText('1 run selected')).toBeVisible();
    const first = (await runs.shownNames())[0];
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/experiments\/1\/runs\/[0-9a-f]{32}$/);
    expect(first).toBeTruthy();
  });

  test('after a scroll, the rows are in the DOM in the order they are shown', async ({ page }) => {
    // While the table scrolls, reused row elements stay where they are in the DOM; once it
    // rests they go back to the order Tab and screen readers follow.
    const runs = new RunsTablePage(page);
    await runs.goto();
    const rowIndexes = () =>
      runs.table
        .getByRole('row')
        .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('aria-rowindex'))));
    await expect.poll(async () => (await rowIndexes()).length).toBeGreaterThan(10);
    await runs.table.hover();
    for (let k = 0; k < 8; k++) {
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(30);
    }
    // scrolled far enough that rows which left were reused by rows which entered
    await expect.poll(async () => Math.min(...(await rowIndexes()).slice(1))).toBeGreaterThan(60);
    await expect
      .poll(async () => {
        const shown = await rowIndexes();
        return shown.every((v, k) => k === 0 || v > (shown[k - 1] ?? Infinity));
      })
      .toBe(true);
  });

  test('renders failed runs with NaN and infinite metrics', async ({ page }) => {
    const runs = new RunsTablePage(page);
    await runs.goto('?st=failed');
    await expect(runs.table.getByRole('cell', { name: 'NaN' }).first()).toBeVisible();
    await expect(runs.table.getByRole('cell', { name: '∞' }).first()).toBeVisible();
  });

  test('renders the edge-case experiment (unicode, 10,000-character params)', async ({ page }) => {
    await page.goto('/experiments/14');
    const table = page.getByRole('table', { name: 'Runs' });
    await expect(table.getByRole('row').nth(1)).toBeVisible();
  });
});
