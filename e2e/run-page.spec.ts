import type { Page } from '@playwright/test';
import { demoIds } from '../mocks/seed/ids';
import { expect, test } from './fixtures';

/** The run page on the demo workspace: every section and every preview kind. */
const VISION = `/experiments/${demoIds.EXP_VISION}/runs/${demoIds.R_VISION}`;
const MODEL_RUN = `/experiments/${demoIds.EXP_MODEL}/runs/${demoIds.R_MODEL}`;

const openArtifact = (page: Page, path: string, base = VISION) =>
  page.goto(`${base}?artifact=${encodeURIComponent(path)}`);
const preview = (page: Page) => page.getByRole('region', { name: /^Preview of / });

test.describe('run page', () => {
  test('shows header, params, metrics, tags and datasets', async ({ page }) => {
    await page.goto(VISION);
    await expect(page.getByRole('heading', { level: 1, name: 'cnn-cifar-demo' })).toBeVisible();
    await expect(page.getByText(demoIds.R_VISION, { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Copy run ID' })).toBeVisible();
    const params = page.getByRole('table', { name: /Parameters/ });
    await expect(params.getByRole('row').filter({ hasText: 'arch' })).toContainText('cnn-small');
    await page.getByRole('searchbox', { name: 'Search parameters' }).fill('img');
    await expect(params.getByRole('row').filter({ hasText: 'arch' })).toHaveCount(0);
    const metrics = page.getByRole('table', { name: /Metrics/ });
    const loss = metrics.getByRole('row').filter({ hasText: 'train/loss' });
    await expect(loss.getByRole('cell').nth(1)).toHaveText('0.3');
    await expect(loss.getByRole('cell').nth(4)).toHaveText('5'); // steps, from the history
    await expect(
      page
        .getByRole('table', { name: 'Schema of iris-train' })
        .getByRole('cell', { name: 'sepal length (cm)' }),
    ).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Profile of iris-eval' }).getByRole('cell', { name: '30' }),
    ).toBeVisible();
    await expect(
      page.getByRole('article', { name: 'Dataset iris-eval' }).getByText('eval', { exact: true }),
    ).toBeVisible();
  });

  test('previews images, SVG, text, JSON, YAML, tables, markdown, HTML and PDF', async ({
    page,
  }) => {
    for (const path of [
      'images/gradient_gray.png',
      'images/photo.jpg',
      'images/spinner.gif',
      'plots/confusion_matrix.svg',
    ]) {
      await openArtifact(page, path);
      const img = preview(page).getByRole('img');
      await expect(img).toBeVisible();
      await expect
        .poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth), { message: path })
        .toBeGreaterThan(0);
    }
    await preview(page).getByRole('button', { name: 'Zoom in' }).click();
    await expect(preview(page).getByText('200%')).toBeVisible();

    await openArtifact(page, 'logs/train.log');
    await expect(preview(page).getByText('epoch 3 loss=0.2500')).toBeVisible();

    await openArtifact(page, 'config/classes.json');
    const tree = preview(page).getByRole('tree');
    await expect(tree.getByRole('treeitem', { name: 'classes: [4]' })).toBeVisible();
    await expect(tree.getByRole('treeitem', { name: '1: "dog"' })).toBeVisible();
    await tree.getByRole('treeitem', { name: 'classes: [4]' }).click();
    await expect(tree.getByRole('treeitem', { name: '1: "dog"' })).toHaveCount(0);

    await openArtifact(page, 'config/config.yaml');
    await expect(preview(page).getByRole('treeitem', { name: 'arch: "cnn-small"' })).toBeVisible();

    await openArtifact(page, 'metrics_summary.csv');
    await expect(preview(page).getByRole('cell', { name: '0.75' })).toBeVisible();
    await openArtifact(page, 'data/processed/features.tsv');
    await expect(preview(page).getByRole('cell', { name: 'img_0000' })).toBeVisible();
    await openArtifact(page, 'tables/predictions.json');
    const table = preview(page).getByRole('table');
    await expect(table.getByRole('cell', { name: 'img_019' })).toBeVisible();
    // Sortable: confidence descending puts img_010 (0.9551) first.
    await table.getByRole('button', { name: 'confidence' }).click();
    await table.getByRole('button', { name: 'confidence' }).click();
    await expect(table.getByRole('row').nth(1)).toContainText('img_010');

    await openArtifact(page, 'notes/README.md');
    await expect(preview(page).getByRole('heading', { name: 'Notes' })).toBeVisible();

    await openArtifact(page, 'notes/report.html');
    const frame = page.frameLocator('iframe[title="HTML preview of report.html"]');
    await expect(frame.getByRole('heading', { name: 'Evaluation report' })).toBeVisible();
    await expect(page.locator('iframe[title="HTML preview of report.html"]')).toHaveAttribute(
      'sandbox',
      '',
    );

    await openArtifact(page, 'notes/summary.pdf');
    await expect(preview(page).getByLabel('PDF preview of summary.pdf')).toHaveAttribute(
      'data',
      /^blob:/,
    );
  });

  test('shows an MLmodel file as a model card', async ({ page }) => {
    await openArtifact(page, 'model/MLmodel', MODEL_RUN);
    await expect(preview(page).getByText('sklearn', { exact: true })).toBeVisible();
    await expect(
      preview(page).getByRole('cell', { name: 'sepal length (cm)' }).first(),
    ).toBeVisible();
    await expect(preview(page).getByText(/int64/).first()).toBeVisible();
  });

  test('the step slider moves through images logged with key and step', async ({ page }) => {
    await page.goto(VISION);
    await page.getByRole('treeitem', { name: 'images' }).click();
    await page.getByRole('treeitem', { name: 'samples · step 0' }).click();
    const slider = page.getByRole('slider', { name: /Step for samples/ });
    await expect(slider).toHaveAttribute('aria-valuetext', 'step 0');
    const img = preview(page).getByRole('img', { name: 'samples at step 0' });
    await expect(img).toBeVisible();
    const before = await img.getAttribute('src');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveAttribute('aria-valuetext', 'step 100');
    const after = preview(page).getByRole('img', { name: 'samples at step 100' });
    await expect(after).toBeVisible();
    expect(await after.getAttribute('src')).not.toBe(before);
    await expect(page).toHaveURL(/artifact=images%2Fsamples%25step%25100%25/);
  });

  test('arrow keys move through the artifact tree', async ({ page }) => {
    await openArtifact(page, 'eval_results_table.json');
    const tree = page.getByRole('tree', { name: 'Artifacts' });
    await tree.getByRole('treeitem', { name: 'eval_results_table.json' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(tree.getByRole('treeitem', { name: 'metrics_summary.csv' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(preview(page).getByRole('cell', { name: '0.75' })).toBeVisible();
    await page.keyboard.press('ArrowUp');
    await expect(tree.getByRole('treeitem', { name: 'eval_results_table.json' })).toBeFocused();
    await expect(page).toHaveURL(/artifact=eval_results_table\.json/);
  });

  test('edits the description and a tag, and they survive a reload', async ({ page }) => {
    await page.goto(VISION);
    await page.getByRole('button', { name: 'Edit description' }).click();
    await page.getByLabel('Description (markdown)').fill('## Edited by e2e\n\nSome **bold** text.');
    await page.getByRole('button', { name: 'Save description' }).click();
    await expect(page.getByRole('heading', { name: 'Edited by e2e' })).toBeVisible();

    await page.getByLabel('Tag key').fill('e2e-tag');
    await page.getByLabel('Tag value').fill('first');
    await page.getByRole('button', { name: 'Add tag' }).click();
    const tags = page.getByRole('table', { name: /^Tags/ });
    await expect(tags.getByRole('row').filter({ hasText: 'e2e-tag' })).toContainText('first');
    await tags.getByRole('button', { name: 'Edit tag e2e-tag' }).click();
    await page.getByLabel('New value').fill('second');
    await page.getByRole('button', { name: 'Save tag' }).click();
    await expect(tags.getByRole('row').filter({ hasText: 'e2e-tag' })).toContainText('second');

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Edited by e2e' })).toBeVisible();
    await expect(
      page.getByRole('table', { name: /^Tags/ }).getByRole('row').filter({ hasText: 'e2e-tag' }),
    ).toContainText('second');
  });

  test('registers the model folder and lists the new version', async ({ page }) => {
    await page.goto(MODEL_RUN);
    await page.getByRole('button', { name: 'Register model' }).click();
    await page.getByLabel('Model name').fill('e2e-from-run');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    const link = page.getByRole('link', { name: 'e2e-from-run v1' });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('href', '/models/e2e-from-run/versions/1');
  });

  test('metric charts: small charts, the full chart with axis, smoothing and log scale', async ({
    page,
  }) => {
    await page.goto(VISION);
    const charts = page.getByRole('region', { name: 'Metric charts' });
    await charts.scrollIntoViewIfNeeded(); // charts mount when they come into view
    await expect(charts.locator('.recharts-line-curve').first()).toBeVisible();
    await page
      .getByRole('table', { name: /Metrics/ })
      .getByRole('link', { name: 'train/loss' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Metric train/loss' });
    await expect(dialog.locator('.recharts-line-curve')).toBeVisible();
    await dialog.getByRole('button', { name: 'Relative time' }).click();
    await expect(dialog.getByRole('button', { name: 'Relative time' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await dialog.getByLabel('Log scale').check();
    await expect(dialog.locator('.recharts-line-curve')).toBeVisible();
    await expect(page).toHaveURL(/metric=train%2Floss/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
  });

  test('lists traces logged in the run, linked to the trace page', async ({ page }) => {
    await page.goto(`/experiments/${demoIds.EXP_LLM}/runs/${demoIds.R_AGENT}`);
    const traces = page.getByRole('region', { name: 'Traces' });
    // On a 3.x demo the trace's id is `tr-` + its 2.17 id.
    await expect(traces.getByRole('link').first()).toHaveAttribute(
      'href',
      new RegExp(`^/experiments/${demoIds.EXP_LLM}/traces/(tr-)?${demoIds.TRACE_IN_RUN}$`),
    );
  });

  test('deletes and restores the run', async ({ page }) => {
    await page.goto(VISION);
    await page.getByRole('button', { name: 'Delete run' }).click();
    await page
      .getByRole('dialog', { name: 'Delete this run?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect(page.getByText('deleted', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Restore run' }).click();
    await expect(page.getByRole('button', { name: 'Delete run' })).toBeVisible();
    await expect(page.getByText('deleted', { exact: true })).toHaveCount(0);
  });
});
