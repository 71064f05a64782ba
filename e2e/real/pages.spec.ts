/**
 * Every page of Runlens in proxy mode against a real MLflow server (one project per
 * line), showing what tools/workload logged through the real Python client.
 */
import { expect, test } from './stacks';

test.describe('pages against a real MLflow server', () => {
  test('experiments list, with the server version and no demo badge', async ({
    page,
    stack,
    dialogs,
  }) => {
    await page.goto(stack.url('/'));
    const main = page.getByRole('main');
    for (const name of [
      'hyperparam-sweep',
      'vision-demo',
      'nlp/sentiment-classification',
      'llm-agent',
    ]) {
      await expect(main.getByRole('link', { name, exact: true })).toBeVisible();
    }
    await expect(main.getByRole('link', { name: 'old-experiment-deleted' })).toHaveCount(0);
    await expect(page.getByRole('banner').getByText(`MLflow ${stack.version}`)).toBeVisible();
    await expect(page.getByRole('banner').getByText('Demo workspace')).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });

  test('runs table of the sweep: newest trial, the parent, no deleted run', async ({
    page,
    stack,
  }) => {
    await page.goto(stack.url(`/experiments/${stack.manifest.experiments.sweep}`));
    const table = page.getByRole('table', { name: 'Runs' });
    await expect(table.getByRole('link', { name: 'trial-099', exact: true })).toBeVisible();
    await expect(table.getByRole('link', { name: 'parent-search', exact: true })).toBeVisible();
    await expect(table.getByRole('link', { name: 'deleted-run' })).toHaveCount(0);
  });

  test('run page of a trial: params and its 1,000-step metrics', async ({ page, stack }) => {
    const runId = String(stack.manifest.runs.trial);
    await page.goto(stack.url(`/experiments/${stack.manifest.experiments.sweep}/runs/${runId}`));
    await expect(page.getByRole('heading', { level: 1, name: 'trial-000' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'val/loss' }).first()).toBeVisible();
    await expect(page.getByText('optimizer', { exact: true }).first()).toBeVisible();
  });

  test('run page with artifacts: the tree and a preview', async ({ page, stack }) => {
    const runId = String(stack.manifest.runs.artifacts);
    await page.goto(
      stack.url(`/experiments/${stack.manifest.experiments.artifacts}/runs/${runId}`),
    );
    await expect(page.getByRole('heading', { level: 1, name: 'artifacts-showcase' })).toBeVisible();
    await page.getByRole('link', { name: 'Artifacts', exact: true }).click();
    const tree = page.getByRole('tree');
    await expect(tree.getByRole('treeitem', { name: 'notes' })).toBeVisible();
    await tree.getByRole('treeitem', { name: 'notes' }).click();
    await tree.getByRole('treeitem', { name: 'hostile.txt' }).click();
    await expect(page.getByText('<script>alert(1)</script>').first()).toBeVisible();
  });

  test('registry: models list, a model, a version', async ({ page, stack }) => {
    await page.goto(stack.url('/models'));
    const table = page.getByRole('table', { name: 'Registered models' });
    await expect(table.getByRole('link', { name: 'iris-classifier' })).toBeVisible();
    await expect(table.getByRole('link', { name: 'empty-model' })).toBeVisible();
    await table.getByRole('link', { name: 'iris-classifier' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'iris-classifier' })).toBeVisible();
    await page.getByRole('link', { name: 'Version 2', exact: true }).click();
    await expect(page).toHaveURL(/\/models\/iris-classifier\/versions\/2/);
    await expect(page.getByText('champion').first()).toBeVisible();
  });

  test('traces list and the 5,000-span trace', async ({ page, stack }) => {
    const exp = stack.manifest.experiments.traces;
    await page.goto(stack.url(`/experiments/${exp}/traces`));
    await expect(page.getByRole('link', { name: 'agent', exact: true }).first()).toBeVisible();
    await page.goto(stack.url(`/experiments/${exp}/traces/${String(stack.manifest.traces.big)}`));
    await expect(page.getByRole('treeitem', { name: /batch-pipeline/ }).first()).toBeVisible();
    await expect(page.getByText(/5,?000 spans/).first()).toBeVisible();
  });
});
