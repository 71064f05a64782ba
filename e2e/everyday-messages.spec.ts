/**
 * Issue #18, items 9-10: messages when something is not there. The tracking
 * server down, a page's code gone after a redeploy, a missing experiment or run.
 */
import { demoIds } from '../mocks/seed/ids';
import { expect, test } from './fixtures';

test('9: with the tracking server down, the page says so once, in one banner', async ({
  page,
  shell,
}) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'hyperparam-sweep', exact: true })).toBeVisible();
  // from now on every API request fails as if the network were gone
  await page.route('**/api/2.0/**', (route) => route.abort('connectionrefused'));
  await page.route('**/ajax-api/2.0/**', (route) => route.abort('connectionrefused'));
  await page.getByRole('link', { name: 'Models', exact: true }).click();
  await expect(shell.unreachableBanner).toBeVisible();
  await expect(page.getByText(/Cannot reach the tracking server/)).toHaveCount(1);
  await expect(page.getByText(/reach the tracking server/)).toHaveCount(1);
  await expect(page.getByText(/dynamically imported module/)).toHaveCount(0);
});

test('9: a page whose code is gone after a redeploy reloads onto the new build', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'hyperparam-sweep', exact: true })).toBeVisible();
  // the old build's chunk for the models page answers 404 once, as after a redeploy
  let failed = 0;
  await page.route(/\/assets\/models-[^/]*\.js$/, async (route) => {
    if (failed++ === 0) await route.fulfill({ status: 404, body: 'Not found' });
    else await route.continue();
  });
  await page.getByRole('link', { name: 'Models', exact: true }).click();
  await expect(page.getByRole('link', { name: 'iris-classifier', exact: true })).toBeVisible();
  await expect(page.getByText(/dynamically imported module/)).toHaveCount(0);
  expect(failed).toBeGreaterThanOrEqual(2);
});

test('9: when the code stays missing, the page offers to reload instead of a raw error', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'hyperparam-sweep', exact: true })).toBeVisible();
  await page.route(/\/assets\/models-[^/]*\.js$/, (route) =>
    route.fulfill({ status: 404, body: 'Not found' }),
  );
  await page.getByRole('link', { name: 'Models', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'This page could not be loaded' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(page.getByText(/dynamically imported module/)).toHaveCount(0);
});

test('10: a missing experiment says so, with a way back and no empty toolbar', async ({ page }) => {
  await page.goto('/experiments/123');
  await expect(
    page.getByRole('heading', { name: 'Experiment 123 does not exist (or was deleted)' }),
  ).toBeVisible();
  await expect(page.getByText('RESOURCE_DOES_NOT_EXIST')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Filter runs' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Runs' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to experiments' }).click();
  await expect(page.getByRole('link', { name: 'hyperparam-sweep', exact: true })).toBeVisible();
});

test('10: a missing run says so, with a way back to its experiment', async ({ page }) => {
  await page.goto(`/experiments/${demoIds.EXP_SWEEP}/runs/0123456789abcdef0123456789abcdef`);
  await expect(
    page.getByRole('heading', {
      name: 'Run 0123456789abcdef0123456789abcdef does not exist (or was deleted)',
    }),
  ).toBeVisible();
  await expect(page.getByText('RESOURCE_DOES_NOT_EXIST')).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to hyperparam-sweep' }).click();
  await expect(page).toHaveURL(new RegExp(`/experiments/${demoIds.EXP_SWEEP}$`));
});
