/**
 * Issue #18, items 6 and 7: the filter box past the keys, default params, and
 * a CSV export that can take everything.
 */
import fs from 'node:fs';
import Papa from 'papaparse';
import { demoIds } from '../mocks/seed/ids';
import { expect, test } from './fixtures';

const EXP = demoIds.EXP_SWEEP;

test('6: after `params.optimizer =` the filter box offers the values seen', async ({ page }) => {
  await page.goto(`/experiments/${EXP}`);
  const box = page.getByRole('combobox', { name: 'Filter runs' });
  await expect(page.getByRole('table', { name: 'Runs' })).toBeVisible();
  await box.fill('params.optimizer = ');
  const list = page.getByRole('listbox', { name: 'Suggestions' });
  await expect(list.getByRole('option', { name: "'adam'" })).toBeVisible();
  await list.getByRole('option', { name: "'adam'" }).click();
  await expect(box).toHaveValue("params.optimizer = 'adam' ");

  await box.fill('attributes.status = ');
  await expect(list.getByRole('option', { name: "'FAILED'" })).toBeVisible();
});

test('6: an unknown key is named, with the close matches to pick', async ({ page }) => {
  await page.goto(`/experiments/${EXP}`);
  const box = page.getByRole('combobox', { name: 'Filter runs' });
  await expect(page.getByRole('table', { name: 'Runs' })).toBeVisible();
  await box.fill('metrics.accuracy > 0.9');
  await box.press('Enter');
  const warning = page
    .getByRole('status')
    .filter({ hasText: 'No loaded run has metrics.accuracy' });
  await expect(warning).toBeVisible();
  await warning.getByRole('button', { name: 'metrics.val/accuracy' }).click();
  await expect(box).toHaveValue('metrics.`val/accuracy` > 0.9');
  await expect(page).toHaveURL(/val%2Faccuracy/);
  await expect(page.getByRole('table', { name: 'Runs' })).toBeVisible();
});

test('6: after a malformed filter the status line says the old rows are shown, and why', async ({
  page,
}) => {
  await page.goto(`/experiments/${EXP}`);
  const box = page.getByRole('combobox', { name: 'Filter runs' });
  await expect(page.getByRole('table', { name: 'Runs' })).toBeVisible();
  await box.fill('metrics.x >>> 3');
  await box.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: /./ }).first()).toBeVisible();
  const status = page.locator('.runs-progress');
  await expect(status).toHaveText(
    /Showing the \d+ runs of the last filter that worked: this one has an error \(see above\)/,
  );
  await expect(status).not.toHaveText(/of more runs loaded/);
});

test('7: params show by default; the CSV export can take every column', async ({ page }) => {
  await page.goto(`/experiments/${EXP}`);
  const table = page.getByRole('table', { name: 'Runs' });
  await expect(table.getByRole('columnheader', { name: 'optimizer', exact: true })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'lr', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Export CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export runs as CSV' });
  await dialog.getByLabel('Every param, metric and tag').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export' }).click(),
  ]);
  const header = Papa.parse<string[]>(fs.readFileSync((await download.path())!, 'utf8').trim())
    .data[0];
  expect(header).toContain('params.optimizer');
  expect(header).toContain('metrics.train/loss');
  expect(header).toContain('tags.mlflow.user');

  await page.getByRole('button', { name: 'Export CSV' }).click();
  await dialog.getByLabel('The columns shown').check();
  const [shown] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export' }).click(),
  ]);
  const shownHeader = Papa.parse<string[]>(fs.readFileSync((await shown.path())!, 'utf8').trim())
    .data[0];
  expect(shownHeader).toContain('params.optimizer');
  expect(shownHeader).not.toContain('tags.mlflow.user');
});
