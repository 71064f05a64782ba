import { expect, test } from './fixtures';

/** The experiments page as a new user meets it, on the demo workspace. */
test.describe('experiments page', () => {
  test('lists the demo experiments with tags and descriptions', async ({ page }) => {
    await page.goto('/');
    const table = page.getByRole('table', { name: 'Experiments' });
    await expect(table.getByRole('link', { name: 'hyperparam-sweep' })).toBeVisible();
    const nlpRow = table
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'nlp/sentiment-classification' }) });
    await expect(nlpRow.getByText('nlp', { exact: true })).toBeVisible();
    await expect(nlpRow.getByText('Sentiment models on product reviews.')).toBeVisible();
  });

  test('searches by name on the server', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search experiments' }).fill('scratch');
    const table = page.getByRole('table', { name: 'Experiments' });
    await expect(table.getByRole('link', { name: 'hyperparam-sweep' })).toHaveCount(0);
    await expect(table.getByRole('link', { name: /^scratch-/ }).first()).toBeVisible();
    await expect(page).toHaveURL(/q=scratch/);
  });

  test('create, rename, delete and restore an experiment', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Create experiment' }).click();
    await page.getByLabel('Experiment name').fill('e2e-created');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    // a new experiment opens (issue #18); the list has it too
    await expect(page.getByRole('heading', { level: 1, name: 'e2e-created' })).toBeVisible();
    await page.getByRole('link', { name: 'Experiments', exact: true }).click();
    const table = page.getByRole('table', { name: 'Experiments' });
    await expect(table.getByRole('link', { name: 'e2e-created' })).toBeVisible();

    // A duplicate name keeps the dialog and the text, and shows the server's message.
    await page.getByRole('button', { name: 'Create experiment' }).click();
    await page.getByLabel('Experiment name').fill('e2e-created');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.getByRole('dialog').getByRole('alert')).toContainText(/already exists/i);
    await expect(page.getByLabel('Experiment name')).toHaveValue('e2e-created');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Rename e2e-created' }).click();
    await page.getByLabel('Experiment name').fill('e2e-renamed');
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect(table.getByRole('link', { name: 'e2e-renamed' })).toBeVisible();
    await expect(table.getByRole('link', { name: 'e2e-created' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Delete e2e-renamed' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(table.getByRole('link', { name: 'e2e-renamed' })).toHaveCount(0);

    await page
      .getByRole('group', { name: 'Lifecycle' })
      .getByRole('button', { name: 'Deleted' })
      .click();
    await page.getByRole('button', { name: 'Restore e2e-renamed' }).click();
    await page
      .getByRole('group', { name: 'Lifecycle' })
      .getByRole('button', { name: 'Active' })
      .click();
    await expect(table.getByRole('link', { name: 'e2e-renamed' })).toBeVisible();
  });

  test('a malformed filter shows the server message beside the box and keeps the list', async ({
    page,
  }) => {
    await page.goto('/');
    const table = page.getByRole('table', { name: 'Experiments' });
    await expect(table.getByRole('link', { name: 'hyperparam-sweep' })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search experiments' }).fill('name = ');
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByRole('alert')).not.toBeEmpty();
    await expect(table.getByRole('link', { name: 'hyperparam-sweep' })).toBeVisible();
  });

  test('a hostile description is shown as text and nothing executes', async ({ page, request }) => {
    const created = await request.post('/api/2.0/mlflow/experiments/create', {
      data: { name: 'hostile-desc' },
    });
    const { experiment_id } = (await created.json()) as { experiment_id: string };
    const hostile =
      'Note <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2">';
    await request.post('/api/2.0/mlflow/experiments/set-experiment-tag', {
      data: { experiment_id, key: 'mlflow.note.content', value: hostile },
    });
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await page.goto(`/experiments/${experiment_id}`);
    await expect(page.getByRole('heading', { name: 'hostile-desc' })).toBeVisible();
    await expect(
      page.getByText('<script>window.__pwned = 1</script>', { exact: false }),
    ).toBeVisible();
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await page.locator('.markdown script, .markdown img[onerror]').count()).toBe(0);
    expect(dialogs).toBe(0);
  });

  test('an old MLflow hash link lands on the Runlens route', async ({ page }) => {
    await page.goto('/#/experiments/1');
    await expect(page).toHaveURL(/\/experiments\/1$/);
    await expect(page.getByRole('heading', { name: 'hyperparam-sweep' })).toBeVisible();
  });
});
