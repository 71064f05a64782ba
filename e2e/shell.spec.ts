/** The shell around every page: not-found page, theme, header navigation. */
import { expect, test } from './fixtures';

test.describe('shell', () => {
  test('an unknown URL shows the not-found page', async ({ page, notFoundPage }) => {
    await page.goto('/this/page/does-not-exist');
    await expect(notFoundPage.heading).toBeVisible();
  });

  test('the theme toggle switches between light and dark and remembers the choice', async ({
    page,
    shell,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await shell.goto('/');
    const toDark = page.getByRole('button', { name: 'Switch to dark theme' });
    await expect(toDark).toBeVisible();
    expect(await shell.theme()).toBe('light');

    await toDark.click();
    await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
    expect(await shell.theme()).toBe('dark');

    await page.reload();
    await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
    expect(await shell.theme()).toBe('dark');
  });

  test('the header links to Experiments and Models', async ({ page, shell }) => {
    await shell.goto('/');
    await expect(shell.navLink('Experiments')).toBeVisible();
    await expect(shell.navLink('Models')).toBeVisible();

    await shell.navLink('Models').click();
    await expect(page).toHaveURL(/\/models\/?$/);
    await shell.navLink('Experiments').click();
    await expect(page).toHaveURL(/:\d+\/$/);
  });

  test('the demo server says it is a demo', async ({ shell }) => {
    await shell.goto('/');
    await expect(shell.demoBadge).toBeVisible();
  });
});

test.describe('demo workspace per test (e2e/fixtures.ts)', () => {
  test("a test's writes stay in its own workspace, and demo.reset() re-seeds it", async ({
    page,
    request,
    demo,
    baseURL,
    experimentsPage,
  }) => {
    const name = `isolation-${demo.id}`;
    const created = await request.post('/api/2.0/mlflow/experiments/create', { data: { name } });
    expect(created.ok()).toBe(true);
    const byName = (ctx: typeof request) =>
      ctx.get('/api/2.0/mlflow/experiments/get-by-name', { params: { experiment_name: name } });

    // The page of this test sees it...
    await experimentsPage.goto();
    await expect(experimentsPage.experimentLink(name)).toBeVisible();
    // ...a client without this test's workspace does not (plain fetch: Playwright's own
    // request contexts would inherit the test's headers)...
    const outsider = await fetch(
      `${baseURL}/api/2.0/mlflow/experiments/get-by-name?experiment_name=${encodeURIComponent(name)}`,
    );
    expect(outsider.status).toBe(404);
    // ...and a reset brings back the seed.
    await demo.reset();
    expect((await byName(request)).status()).toBe(404);
    await page.reload();
    await expect(experimentsPage.experimentLink('hyperparam-sweep')).toBeVisible();
    await expect(experimentsPage.experimentLink(name)).toHaveCount(0);
  });
});
