import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The model registry on the demo workspace (iris-classifier: v1 Archived,
 * v2 Production @champion, v3 Staging @challenger; churn-model; empty-model).
 * Each test has its own demo db (fixtures.ts), re-seeded before it runs.
 */

function versionsTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Versions' });
}

function versionRow(page: Page, version: string): Locator {
  return versionsTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: `Version ${version}`, exact: true }) });
}

/** The Stage column of a version's row (third cell: select, version, stage). */
function stageCell(page: Page, version: string): Locator {
  return versionRow(page, version).getByRole('cell').nth(2);
}

test.describe('model registry', () => {
  // Workspaces outlive a run when the server is reused: start every test from the seed.
  test.beforeEach(async ({ demo }) => {
    await demo.reset();
  });

  test('find a model by name', async ({ page }) => {
    await page.goto('/models');
    const table = page.getByRole('table', { name: 'Registered models' });
    await expect(table.getByRole('link', { name: 'churn-model' })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search models' }).fill('iris');
    await expect(table.getByRole('link', { name: 'churn-model' })).toHaveCount(0);
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'iris-classifier' }) });
    await expect(row).toBeVisible();
    await expect(row.getByText('@champion → v2')).toBeVisible();
    await expect(row.getByRole('link', { name: 'Production: v2' })).toBeVisible();
    await expect(page).toHaveURL(/q=iris/);
    await row.getByRole('link', { name: 'iris-classifier' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'iris-classifier' })).toBeVisible();
  });

  test('move the champion alias to another version, then see it in the versions table', async ({
    page,
  }) => {
    await page.goto('/models/iris-classifier');
    await expect(versionRow(page, '2')).toContainText('@champion');

    await page.getByLabel('Alias', { exact: true }).fill('champion');
    await page.getByLabel('Alias version').selectOption('3');
    await page.getByRole('button', { name: 'Set alias' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move alias?' });
    await expect(dialog).toContainText('points to version 2 now');
    await expect(dialog).toContainText('will point to version 3');
    await dialog.getByRole('button', { name: 'Move alias' }).click();

    await expect(versionRow(page, '3')).toContainText('@champion');
    await expect(versionRow(page, '3')).toContainText('@challenger');
    await expect(versionRow(page, '2')).not.toContainText('@champion');
    // The alias filter shows only the version it points to.
    await page.getByLabel('Filter by alias').selectOption('champion');
    await expect(versionsTable(page).getByRole('link', { name: /^Version \d+$/ })).toHaveText([
      'Version 3',
    ]);
    // And the alias resolves through the URL.
    await page.goto('/models/iris-classifier/versions/@champion');
    await expect(
      page.getByRole('heading', { level: 1, name: 'iris-classifier version 3' }),
    ).toBeVisible();
  });

  test('transition a version to Production archiving the existing one', async ({ page }) => {
    await page.goto('/models/iris-classifier/versions/3');
    await page.getByLabel('Transition to').selectOption('Production');
    await page.getByLabel('Archive existing versions in Production').check();
    await page.getByRole('button', { name: 'Transition' }).click();
    await expect(page.getByRole('definition').filter({ hasText: /^Production$/ })).toBeVisible();

    await page.getByRole('link', { name: 'iris-classifier', exact: true }).click();
    await expect(stageCell(page, '3')).toHaveText('Production');
    await expect(stageCell(page, '2')).toHaveText('Archived');
    await expect(stageCell(page, '1')).toHaveText('Archived');
    await page.getByLabel('Filter by stage').selectOption('Archived');
    await expect(versionsTable(page).getByRole('link', { name: /^Version \d+$/ })).toHaveText([
      'Version 2',
      'Version 1',
    ]);
  });

  test('edit and then clear a description', async ({ page }) => {
    await page.goto('/models/iris-classifier');
    const section = page.getByRole('region', { name: 'Description' });
    await section.getByRole('button', { name: 'Edit description' }).click();
    await section.getByLabel('Description').fill('Served by **team-e2e**.');
    await section.getByRole('button', { name: 'Save description' }).click();
    await expect(section.getByText('team-e2e', { exact: true })).toBeVisible();
    await expect(section.locator('strong')).toHaveText('team-e2e');

    await section.getByRole('button', { name: 'Edit description' }).click();
    await section.getByRole('button', { name: 'Clear text' }).click();
    await section.getByRole('button', { name: 'Save description' }).click();
    await expect(section.getByText('No description.')).toBeVisible();
    await page.reload();
    await expect(
      page.getByRole('region', { name: 'Description' }).getByText('No description.'),
    ).toBeVisible();
  });

  test('add and delete a tag', async ({ page }) => {
    await page.goto('/models/iris-classifier');
    const section = page.getByRole('region', { name: 'Tags' });
    await section.getByLabel('Tag key').fill('owner');
    await section.getByLabel('Tag value').fill('e2e-team');
    await section.getByRole('button', { name: 'Add tag' }).click();
    const row = section.getByRole('row').filter({ hasText: 'owner' });
    await expect(row).toContainText('e2e-team');

    await section.getByRole('button', { name: 'Delete tag owner' }).click();
    await expect(section.getByRole('row').filter({ hasText: 'owner' })).toHaveCount(0);
    await expect(section.getByRole('row').filter({ hasText: 'team' }).first()).toBeVisible();
  });

  test('compare two versions', async ({ page }) => {
    await page.goto('/models/iris-classifier');
    await page.getByRole('checkbox', { name: 'Select version 1' }).check();
    await page.getByRole('checkbox', { name: 'Select version 2' }).check();
    await page.getByRole('link', { name: 'Compare selected (2)' }).click();
    await expect(page).toHaveURL(/\/models\/iris-classifier\/compare\?versions=1,2/);
    await expect(
      page.getByRole('heading', { name: 'Compare versions of iris-classifier' }),
    ).toBeVisible();
    const params = page.getByRole('table', { name: 'Parameters' });
    await expect(params.getByRole('columnheader', { name: 'Version 1' })).toBeVisible();
    await expect(params.getByRole('columnheader', { name: 'Version 2' })).toBeVisible();
    await expect(params.getByRole('rowheader').first()).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Metrics' }).getByRole('rowheader').first(),
    ).toBeVisible();
    await expect(
      page
        .getByRole('table', { name: 'Signature' })
        .getByRole('rowheader', { name: /sepal length \(cm\)/ }),
    ).toBeVisible();
  });

  test("open a version's model card and see its signature", async ({ page }) => {
    await page.goto('/models/iris-classifier/versions/2');
    const card = page.getByRole('region', { name: 'Model card' });
    const inputs = card.getByRole('table', { name: 'Inputs' });
    const first = inputs.getByRole('row').filter({ hasText: 'sepal length (cm)' });
    await expect(first.getByRole('cell')).toHaveText(['sepal length (cm)', 'double', 'yes']);
    await expect(inputs.getByRole('row')).toHaveCount(5);
    await expect(card.getByRole('table', { name: 'Outputs' })).toContainText('tensor int64 [-1]');
    await expect(card.getByText('sklearn', { exact: true })).toBeVisible();
  });

  test('register a model from a run and see the new version', async ({ page }) => {
    await page.goto('/models/iris-classifier');
    // The source run of version 2, through its link in the versions table (Source run column).
    await versionRow(page, '2').getByRole('cell').nth(6).getByRole('link').click();
    await expect(page).toHaveURL(/\/experiments\/3\/runs\//);
    await page.getByRole('button', { name: 'Register model' }).click();
    await page.getByLabel('Model name').fill('iris-classifier');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.goto('/models/iris-classifier');
    await expect(versionRow(page, '4')).toBeVisible();
    await expect(stageCell(page, '4')).toHaveText('None');
  });

  test('a failed write shows the server message and changes nothing', async ({ page }) => {
    await page.goto('/models');
    await page.getByRole('button', { name: 'Create model' }).click();
    await page.getByLabel('Model name').fill('iris-classifier');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.getByRole('dialog').getByRole('alert')).toContainText(/already exists/i);
    await expect(page.getByLabel('Model name')).toHaveValue('iris-classifier');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(
      page
        .getByRole('table', { name: 'Registered models' })
        .getByRole('link', { name: 'iris-classifier' }),
    ).toHaveCount(1);
  });

  test('missing model, missing version, missing alias and a model with no versions', async ({
    page,
  }) => {
    await page.goto('/models/no-such-model');
    await expect(page.getByRole('heading', { name: 'Model not found' })).toBeVisible();
    await page.goto('/models/iris-classifier/versions/99');
    await expect(page.getByRole('heading', { name: 'Version not found' })).toBeVisible();
    await page.goto('/models/iris-classifier/versions/@nope');
    await expect(page.getByRole('heading', { name: 'Alias not found' })).toBeVisible();
    await page.goto('/models/empty-model');
    await expect(page.getByText('This model has no versions yet.')).toBeVisible();
    await expect(page.getByText('registered but no versions yet')).toBeVisible();
  });
});
