import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

/**
 * Hostile strings must show as text: any alert() they ran would open a
 * dialog, and an injected `<img src=x>` would be an element. Call in a
 * describe block; it fails the test on either.
 */
export function failOnInjectedHtml(): void {
  let dialogs: string[] = [];
  test.beforeEach(({ page }) => {
    dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  test.afterEach(async ({ page }) => {
    expect(dialogs, 'dialogs opened by hostile content').toEqual([]);
    expect(await page.locator('img[src="x"]').count(), 'injected <img>').toBe(0);
    expect(await page.getByRole('main').locator('script').count(), 'injected <script>').toBe(0);
  });
}

/** Wait for the app shell, so a page error or a blank page fails early. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('main')).toBeVisible();
}
