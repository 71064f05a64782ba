import type { Page } from '@playwright/test';
import { demoIds } from '../mocks/seed/ids';
import { expect, test } from './fixtures';

/** Hostile content on the run page is shown as text or contained; nothing of it runs. */
const VISION = `/experiments/${demoIds.EXP_VISION}/runs/${demoIds.R_VISION}`;
const SCRIPT = `<script>window.__pwned = 'script'</script><img src=x onerror="window.__pwned='img'">`;

const openArtifact = (page: Page, path: string) =>
  page.goto(`${VISION}?artifact=${encodeURIComponent(path)}`);
const preview = (page: Page) => page.getByRole('region', { name: /^Preview of / });

test.describe('hostile run content', () => {
  // alert() from any payload would open a dialog: record and dismiss, then fail the test.
  let dialogs: string[] = [];
  test.beforeEach(async ({ page }) => {
    dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  test.afterEach(() => {
    expect(dialogs, 'dialogs opened by hostile content').toEqual([]);
  });

  test('script in params, tags and description is text', async ({ page, request }) => {
    const api = '/api/2.0/mlflow';
    const run_id = demoIds.R_VISION;
    for (const [path, body] of [
      ['runs/log-parameter', { run_id, key: 'evil_param', value: SCRIPT }],
      ['runs/set-tag', { run_id, key: 'evil_tag', value: SCRIPT }],
      [
        'runs/set-tag',
        {
          run_id,
          key: 'mlflow.note.content',
          value: `# Notes\n\n${SCRIPT}\n\n[click](javascript:window.__pwned='link')`,
        },
      ],
    ] as const) {
      const res = await request.post(`${api}/${path}`, { data: body });
      expect(res.ok(), path).toBeTruthy();
    }
    await page.goto(VISION);
    const params = page.getByRole('table', { name: /Parameters/ });
    await expect(params.getByRole('row').filter({ hasText: 'evil_param' })).toContainText(
      '<script>',
    );
    const tags = page.getByRole('table', { name: /^Tags/ });
    await expect(tags.getByRole('row').filter({ hasText: 'evil_tag' })).toContainText('onerror');
    await expect(page.getByRole('heading', { name: 'Notes', level: 1 })).toBeVisible();
    const link = page.getByRole('link', { name: 'click' });
    if (await link.count()) expect(await link.getAttribute('href')).not.toMatch(/^javascript:/i);
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
  });

  test('the seeded hostile run shows its payloads as text, long values folded', async ({
    page,
  }) => {
    await page.goto(`/experiments/${demoIds.EXP_EDGE}/runs/${demoIds.R_EDGE}`);
    await expect(page.getByRole('heading', { level: 1, name: 'hostile-strings' })).toBeVisible();
    const params = page.getByRole('table', { name: /Parameters/ });
    await expect(params.getByRole('row').filter({ hasText: /^script/ })).toContainText(
      '<script>alert(1)</script>',
    );
    await expect(params.getByRole('row').filter({ hasText: /^img/ })).toContainText(
      '<img src=x onerror=alert(1)>',
    );
    const long = params.getByRole('row').filter({ hasText: 'long_value' });
    await long.getByRole('button', { name: /Show all \(10,000 chars\)/ }).click();
    await expect(long.getByRole('button', { name: 'Show less' })).toBeVisible();
    await expect(
      page.getByRole('table', { name: /^Tags/ }).getByRole('row').filter({ hasText: 'xss_script' }),
    ).toContainText('<script>');
    await expect(page.getByText('Markdown', { exact: true })).toBeVisible(); // bold rendered from the description
    await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  });

  test('an HTML artifact cannot reach the page', async ({ page }) => {
    await openArtifact(page, 'notes/report.html');
    const frame = page.frameLocator('iframe[title="HTML preview of report.html"]');
    await expect(frame.getByRole('heading', { name: 'Evaluation report' })).toBeVisible();
    // Scripts do not run at all in an empty sandbox: not even the catch branch.
    await expect(frame.locator('#sandbox-ok')).toHaveCount(0);
    await expect(page.getByText('pwned by an artifact')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: 'cnn-cifar-demo' })).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('runlens-xss'))).toBeNull();
    await expect(page).toHaveURL(new RegExp(demoIds.R_VISION));
  });

  test('an SVG with script is an image only', async ({ page }) => {
    await openArtifact(page, 'notes/architecture.svg');
    const img = preview(page).getByRole('img', { name: 'architecture.svg' });
    await expect(img).toBeVisible();
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth))
      .toBeGreaterThan(0);
    expect(await page.locator('svg script').count()).toBe(0);
  });

  test('a 50 MB JSON file is not previewed and offers the download', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await openArtifact(page, 'data/large/predictions_full.json');
    await expect(preview(page).getByText(/too large to preview/)).toBeVisible();
    await expect(
      preview(page).getByRole('link', { name: 'Download predictions_full.json' }),
    ).toHaveAttribute('href', /get-artifact/);
    expect(
      requests.filter((u) => u.includes('get-artifact') && u.includes('predictions_full')),
    ).toEqual([]);
  });

  test('a missing file shows its own error and the page keeps working', async ({ page }) => {
    await openArtifact(page, 'nope/missing.txt');
    await expect(preview(page).getByRole('alert')).toContainText(/Could not load missing\.txt/);
    await expect(page.getByRole('table', { name: /Parameters/ })).toBeVisible();
    await page.getByRole('treeitem', { name: 'metrics_summary.csv' }).click();
    await expect(preview(page).getByRole('cell', { name: '0.75' })).toBeVisible();
  });

  test('a binary file named .txt is not shown as text', async ({ page }) => {
    await openArtifact(page, 'data/raw/shard-0/labels.txt');
    await expect(preview(page).getByText(/holds binary data/)).toBeVisible();
    await expect(page.getByRole('treeitem', { name: 'labels.txt' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  test('a 2.17 step image that answers 400 fails in its own panel', async ({ page }) => {
    await page.goto(VISION);
    await page.getByRole('treeitem', { name: 'images' }).click();
    await page.getByRole('treeitem', { name: 'predictions · step 5' }).click();
    await expect(preview(page).getByRole('alert')).toContainText('Bad Request');
    await expect(page.getByRole('slider', { name: /Step for predictions/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'cnn-cifar-demo' })).toBeVisible();
  });
});
