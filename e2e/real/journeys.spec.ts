/**
 * Journeys across pages against a real server, and the hostile strings the workload
 * logged: they show as text, and nothing they carry ever runs.
 */
import { expect, expectNothingInjected, test } from './stacks';

test('expand a parent run in the runs table, then open it', async ({ page, stack, dialogs }) => {
  await page.goto(stack.url(`/experiments/${stack.manifest.experiments.sweep}`));
  const table = page.getByRole('table', { name: 'Runs' });
  const parentRow = table
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'parent-search', exact: true }) });
  await parentRow.getByRole('button', { name: 'Expand parent-search (5 child runs)' }).click();
  await expect(table.getByRole('link', { name: 'child-200', exact: true })).toBeVisible();
  await table.getByRole('link', { name: 'parent-search', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'parent-search' })).toBeVisible();
  expect(dialogs).toEqual([]);
});

test('hostile strings show as text and never execute', async ({ page, stack, dialogs }) => {
  const { script, img } = stack.manifest.hostile;
  await page.goto(stack.url('/'));
  await expect(page.getByRole('link', { name: `hostile ${script}` })).toBeVisible();
  await page.getByRole('link', { name: `hostile ${script}` }).click();
  await expect(page.getByText(img).first()).toBeVisible();
  const hostileRun = String(stack.manifest.runs.hostile);
  await page.goto(stack.url(`/experiments/${stack.manifest.experiments.sweep}/runs/${hostileRun}`));
  await expect(page.getByRole('heading', { level: 1, name: `trial-013 ${script}` })).toBeVisible();
  await expect(page.getByText(img).first()).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('hostile strings in span inputs show as text and never execute', async ({
  page,
  stack,
  dialogs,
}) => {
  const { img } = stack.manifest.hostile;
  await page.goto(
    stack.url(
      `/experiments/${stack.manifest.experiments.traces}/traces/${String(stack.manifest.traces.hostile_span)}`,
    ),
  );
  await expect(page.getByText(img).first()).toBeVisible();
  await expectNothingInjected(page);
  expect(dialogs).toEqual([]);
});
