/**
 * Compare runs (issue #5) on the demo workspace: hyperparam-sweep (experiment 1),
 * its two 5000-step runs and a FAILED run whose loss diverges to NaN/+inf.
 */
import type { Locator, Page } from '@playwright/test';
import { demoIds } from '../mocks/seed/ids';
import { expect, test } from './fixtures';

const EXP = demoIds.EXP_SWEEP;
const RUNS: string[] = [demoIds.R_5000, demoIds.R_5000_B, demoIds.R_FAILED];
const compareUrl = (runs: string[] = RUNS, extra = '') =>
  `/compare?runs=${runs.join(',')}&experiments=${EXP}${extra}`;

const chart = (page: Page, key: string) => page.getByRole('figure', { name: `${key} chart` });

async function expectMetricCharts(page: Page) {
  for (const key of ['train/loss', 'val/loss', 'val/accuracy'])
    await expect(chart(page, key)).toBeVisible();
}

/** Full histories are in when a chart no longer says "sampled". */
async function waitFullData(fig: Locator) {
  await expect(fig.getByText(/min\/max of|full resolution/)).toBeVisible({ timeout: 30_000 });
}

async function dragAcross(page: Page, fig: Locator, fromFrac: number, toFrac: number) {
  const box = (await fig.locator('.chart-overlay').boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * fromFrac, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((fromFrac + toFrac) / 2), y, { steps: 3 });
  await page.mouse.move(box.x + box.width * toFrac, y, { steps: 3 });
  await page.mouse.up();
}

test('select runs from the runs table, open the compare view, one chart per metric', async ({
  page,
}) => {
  await page.goto(`/experiments/${EXP}`);
  const boxes = page.getByRole('checkbox', { name: /^Select run / });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole('link', { name: 'Compare', exact: true }).click();
  await expect(page).toHaveURL(/\/compare\?.*runs=/);
  await expect(page.getByRole('heading', { name: 'Compare 2 runs' })).toBeVisible();
  // whichever runs the table lists first: each of their metrics gets a chart with a status
  const first = page.getByRole('figure', { name: / chart$/ }).first();
  await expect(
    first.getByText(/sampled: [\d,]+ of [\d,]+ points|min\/max of|full resolution/),
  ).toBeVisible();
});

test('compare from a URL: one chart per metric, sampled first then full fidelity', async ({
  page,
}) => {
  await page.goto(compareUrl());
  await expect(page.getByRole('heading', { name: 'Compare 3 runs' })).toBeVisible();
  await expectMetricCharts(page);
  await waitFullData(chart(page, 'train/loss'));
  // hovering a legend entry highlights that run in every chart
  await page.getByRole('list', { name: 'Legend' }).getByRole('listitem').first().hover();
  await expect(chart(page, 'train/loss').locator('.highlight-line')).toBeAttached();
});

test('x axis relative time, smoothing and log scale', async ({ page }) => {
  await page.goto(compareUrl());
  await expectMetricCharts(page);
  await page.getByLabel('X axis').selectOption({ label: 'Relative time' });
  await expect(page).toHaveURL(/x=relative/);
  await page.getByLabel('Smoothing').fill('0.8');
  await expect(page).toHaveURL(/smooth=0\.8/);
  await page.getByLabel('Log scale').click(); // controlled by the URL: checked once the navigation lands
  await expect(page.getByLabel('Log scale')).toBeChecked();
  await expect(page).toHaveURL(/log=1/);
  const fig = chart(page, 'train/loss');
  await expect(fig.getByText(/sampled|min\/max of|full resolution/)).toBeVisible();
  // relative time ticks are durations
  await expect(fig.getByText(/^\d+(\.\d)?s$|^\d+m \d+s$/).first()).toBeVisible();
});

test('drag to zoom reaches full resolution; double-click resets', async ({ page }) => {
  await page.goto(compareUrl([demoIds.R_5000, demoIds.R_5000_B]));
  const fig = chart(page, 'train/loss');
  await waitFullData(fig);
  await dragAcross(page, fig, 0.45, 0.52);
  await expect(page).toHaveURL(/zoom=/);
  await expect(fig.getByText('full resolution')).toBeVisible();
  await fig.locator('.chart-overlay').dblclick();
  await expect(page).not.toHaveURL(/zoom=/);
});

test('group by a param draws mean lines with bands, and a group expands into its runs', async ({
  page,
}) => {
  await page.goto(compareUrl());
  await expectMetricCharts(page);
  await page.getByLabel('Group by').selectOption({ label: 'Param: optimizer' });
  await expect(page).toHaveURL(/group=param%3Aoptimizer|group=param:optimizer/);
  const fig = chart(page, 'val/loss');
  // uPlot draws on canvas: the figure says how many group bands and run lines it holds.
  await expect(fig).toHaveAttribute('data-bands', /^[1-9]/);
  await expect(fig).toHaveAttribute('data-lines', '0');
  await expect(fig.locator('.chart-canvas canvas').first()).toBeAttached();
  await page.getByLabel('Band').selectOption({ label: 'Std dev' });
  await expect(page).toHaveURL(/band=std/);
  const expand = page.getByRole('button', { name: /^Expand group optimizer=/ }).first();
  await expand.click();
  await expect(
    page.getByRole('button', { name: /^Collapse group optimizer=/ }).first(),
  ).toBeVisible();
  await expect(fig).toHaveAttribute('data-lines', /^[1-9]/);
});

test('parallel coordinates: brushing an axis filters runs', async ({ page }) => {
  const many = [
    demoIds.R_5000,
    demoIds.R_5000_B,
    demoIds.R_FAILED,
    demoIds.R_FAILED_B,
    demoIds.R_TRIAL_00,
    demoIds.R_NO_ARTIFACTS,
  ];
  await page.goto(compareUrl(many, '&tab=parallel'));
  const axis = page.getByRole('group', { name: 'lr axis' });
  await expect(axis).toBeVisible();
  await expect(page.getByText('6 of 6 runs in brush')).toBeVisible();
  // The axis group's box runs from its hit area (left) to its tick labels (right): aim at the axis line.
  const box = (await axis.boundingBox())!;
  await page.mouse.move(box.x + 18, box.y + box.height * 0.15);
  await page.mouse.down();
  await page.mouse.move(box.x + 18, box.y + box.height * 0.6, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByText(/^[0-5] of 6 runs in brush$/)).toBeVisible();
});

test('reload from the URL gives the same view', async ({ page }) => {
  await page.goto(compareUrl());
  await expectMetricCharts(page);
  await page.getByLabel('X axis').selectOption({ label: 'Relative time' });
  await page.getByLabel('Log scale').click(); // controlled by the URL: checked once the navigation lands
  await expect(page.getByLabel('Log scale')).toBeChecked();
  await page.getByLabel('Ignore outliers').click(); // controlled by the URL: checked once the navigation lands
  await expect(page.getByLabel('Ignore outliers')).toBeChecked();
  await page.getByLabel('Chart filter (regex)').fill('loss$');
  await expect(chart(page, 'val/accuracy')).toHaveCount(0);
  await expect(page).toHaveURL(/outliers=1/);
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.getByLabel('X axis')).toHaveValue('relative');
  await expect(page.getByLabel('Log scale')).toBeChecked();
  await expect(page.getByLabel('Ignore outliers')).toBeChecked();
  await expect(page.getByLabel('Chart filter (regex)')).toHaveValue('loss$');
  await expect(chart(page, 'train/loss')).toBeVisible();
  await expect(chart(page, 'val/accuracy')).toHaveCount(0);
});

test('an old MLflow metric link opens its chart', async ({ page }) => {
  await page.goto(`/compare?runs=${demoIds.R_5000}&experiments=${EXP}&charts=val/loss`);
  await expect(chart(page, 'val/loss')).toBeVisible();
  await expect(chart(page, 'train/loss')).toHaveCount(0);
});

test('a run whose loss diverges to NaN/inf draws without breaking the chart', async ({ page }) => {
  await page.goto(compareUrl([demoIds.R_FAILED, demoIds.R_5000]));
  for (const key of ['train/loss', 'val/loss']) {
    const fig = chart(page, key);
    await waitFullData(fig);
    await expect(fig.getByText(/NaN\/inf marked/)).toBeVisible();
    await expect(fig).toHaveAttribute('data-lines', '2');
    await expect(fig.locator('.chart-canvas canvas').first()).toBeAttached();
  }
  // the hover tooltip still lists values
  const fig = chart(page, 'train/loss');
  await fig.scrollIntoViewIfNeeded();
  const box = (await fig.locator('.chart-overlay').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  const tip = page.getByRole('tooltip');
  await expect(tip).toBeVisible();
  // one row per run, highest value first
  await expect(tip.getByRole('listitem')).toHaveCount(2);
  const values = (await tip.locator('.num').allTextContents()).map(Number);
  expect(values.filter(Number.isFinite)).toEqual(
    [...values.filter(Number.isFinite)].sort((a, b) => b - a),
  );
  await page.mouse.move(box.x + box.width * 0.3, box.y - 40);
  await expect(tip).toBeHidden();
});

test('run diff highlights differing rows and hides equal ones', async ({ page }) => {
  await page.goto(compareUrl(RUNS, '&tab=diff'));
  const table = page.getByRole('table', { name: 'Run diff' });
  await expect(table.getByRole('row', { name: /param lr \(differs\)/ })).toBeVisible();
  const before = await table.getByRole('row').count();
  await page.getByLabel('Hide equal rows').check();
  await expect.poll(() => table.getByRole('row').count()).toBeLessThanOrEqual(before);
});
