/**
 * Issue #18, items 4, 5 and 8: editing an experiment, several experiments at
 * once, and the flows that should land somewhere (create, delete with Undo).
 */
import { demoIds } from '../mocks/seed/ids';
import { expect, test } from './fixtures';

const EXP = demoIds.EXP_SWEEP;

test("4: an experiment's description and tags are edited in place", async ({ page }) => {
  await page.goto(`/experiments/${EXP}`);
  await page.getByRole('button', { name: /^(Edit|Add a) description$/ }).click();
  await page.getByLabel('Description (markdown)').fill('Sweep of **learning rates**.');
  await page.getByRole('button', { name: 'Save description' }).click();
  await expect(
    page
      .getByRole('banner')
      .or(page.getByRole('main'))
      .getByText('learning rates', { exact: true }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Add tag' }).click();
  const add = page.getByRole('form', { name: 'Add tag' });
  await add.getByLabel('Tag key').fill('owner');
  await add.getByLabel('Tag value').fill('alice');
  await add.getByRole('button', { name: 'Add tag' }).click();
  const chips = page.getByRole('main').getByRole('list', { name: 'Tags' });
  await expect(chips.getByText('alice')).toBeVisible();

  await chips.getByRole('button', { name: 'Edit tag owner' }).click();
  const edit = page.getByRole('form', { name: 'Edit tag owner' });
  await edit.getByLabel('New value').fill('bob');
  await edit.getByRole('button', { name: 'Save tag' }).click();
  await expect(chips.getByText('bob')).toBeVisible();

  // after a reload the server's copy says the same
  await page.reload();
  await expect(
    page.getByRole('main').getByRole('list', { name: 'Tags' }).getByText('bob'),
  ).toBeVisible();
  await expect(page.getByText('learning rates', { exact: true })).toBeVisible();
});

test('4: a description the server refuses keeps the draft and says why', async ({ page }) => {
  await page.goto(`/experiments/${EXP}`);
  await page.route('**/experiments/set-experiment-tag', (route) =>
    route.fulfill({
      status: 403,
      contentType: 'application/json',
      body: JSON.stringify({ error_code: 'PERMISSION_DENIED', message: 'Permission denied' }),
    }),
  );
  await page.getByRole('button', { name: /^(Edit|Add a) description$/ }).click();
  await page.getByLabel('Description (markdown)').fill('my draft');
  await page.getByRole('button', { name: 'Save description' }).click();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'Could not save the description: Permission denied' }),
  ).toBeVisible();
  await expect(page.getByLabel('Description (markdown)')).toHaveValue('my draft');
});

test('5: select experiments in the list and compare their runs, with an Experiment column', async ({
  page,
  experimentsPage,
}) => {
  await experimentsPage.goto();
  const table = page.getByRole('table', { name: 'Experiments' });
  await table.getByRole('checkbox', { name: 'Select experiment model-training' }).check();
  await table.getByRole('checkbox', { name: 'Select experiment churn' }).check();
  await page.getByRole('link', { name: 'Compare runs (2)' }).click();
  await expect(page).toHaveURL(
    new RegExp(
      `/experiments/(${demoIds.EXP_MODEL},${demoIds.EXP_CHURN}|${demoIds.EXP_CHURN},${demoIds.EXP_MODEL})$`,
    ),
  );
  const runs = page.getByRole('table', { name: 'Runs' });
  await expect(runs.getByRole('columnheader', { name: 'Experiment', exact: true })).toBeVisible();
  await expect(
    runs.getByRole('cell', { name: 'model-training', exact: true }).first(),
  ).toBeVisible();
  await expect(runs.getByRole('cell', { name: 'churn', exact: true }).first()).toBeVisible();
});

test('5: one experiment shows no Experiment column', async ({ page }) => {
  await page.goto(`/experiments/${EXP}`);
  const runs = page.getByRole('table', { name: 'Runs' });
  await expect(runs.getByRole('columnheader').first()).toBeVisible();
  await expect(runs.getByRole('columnheader', { name: 'Experiment', exact: true })).toHaveCount(0);
});

test('8: creating an experiment opens it', async ({ page, experimentsPage, demo }) => {
  await experimentsPage.goto();
  await page.getByRole('button', { name: 'Create experiment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create experiment' });
  const name = `fresh-${demo.id}`;
  await dialog.getByLabel('Experiment name').fill(name);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/experiments\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).toHaveTitle(`${name} · Runlens`);
});

test('8: deleted runs come back with Undo in the toast', async ({ page }) => {
  await page.goto(`/experiments/${EXP}`);
  const runs = page.getByRole('table', { name: 'Runs' });
  const boxes = runs.getByRole('checkbox', { name: /^Select run / });
  const names = [
    (await boxes.nth(0).getAttribute('aria-label'))!,
    (await boxes.nth(1).getAttribute('aria-label'))!,
  ].map((l) => l.replace('Select run ', ''));
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Delete 2 runs?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  for (const n of names)
    await expect(runs.getByRole('link', { name: n, exact: true })).toHaveCount(0);
  await page
    .getByRole('status')
    .filter({ hasText: 'Deleted 2 runs' })
    .getByRole('button', { name: 'Undo' })
    .click();
  for (const n of names)
    await expect(runs.getByRole('link', { name: n, exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Restored 2 runs' })).toBeVisible();
});
