/**
 * Column explosion (mlflow#11927 crashed on it): an experiment whose runs log
 * 12,000 distinct metric keys. Runlens starts its own demo server with the
 * RUNLENS_DEMO_WIDE knob (createApp, as `npm run serve` would), and the page
 * must render, pick a column among 12,000 and stay free of page errors
 * (the fixtures fail a test on any uncaught exception).
 */
import { createApp } from '../server/app';
import { makeConfig } from '../server/config';
import { listen, type RunningServer } from '../server/listen';
import { memoryLogger } from '../server/log';
import { expect, test } from './fixtures';

const EXP_WIDE = '19';
let server: RunningServer | undefined;

test.beforeAll(async () => {
  const app = await createApp(makeConfig({ tracking: null }), {
    log: memoryLogger(),
    env: { RUNLENS_DEMO_WIDE: '12000', RUNLENS_DEMO_EDGE_CASES: '0' },
  });
  server = await listen(app, '127.0.0.1', 0);
});

test.afterAll(async () => {
  await server?.close();
});

test('an experiment with 12,000 metric keys renders and a column can be picked', async ({
  page,
}) => {
  await page.goto(`${server!.url}/experiments/${EXP_WIDE}`);
  const table = page.getByRole('table', { name: 'Runs' });
  await expect(table.getByRole('link', { name: 'probe-ckpt-029', exact: true })).toBeVisible();
  await expect(page.getByText('12,000 distinct metric keys')).toBeVisible();

  // Only a bounded number of header cells exist at once: columns are virtualized.
  expect(await table.getByRole('columnheader').count()).toBeLessThan(200);

  await page.getByRole('button', { name: 'Columns' }).click();
  const picker = page.getByRole('dialog', { name: 'Columns' });
  await picker.getByRole('searchbox', { name: 'Search columns' }).fill('layer_47/head_03');
  const box = picker.getByRole('checkbox', { name: /layer_47\/head_03/ }).first();
  await box.click();
  await expect(box).toBeChecked();
  await picker.getByRole('button', { name: 'Done' }).click();
  await expect(page).toHaveURL(/layer_47/);
  expect(page.url().length).toBeLessThan(2000);
});
