/**
 * The specs' view of the real stacks started by global-setup.ts: a fixture `stack` with
 * the Runlens URL of this project's MLflow line and the workload's manifest.
 */
import fs from 'node:fs';
import { expect, test as base, type Page } from '@playwright/test';
import type { WorkloadManifest } from '../../tools/workload-runner';
import { STATE_FILE } from './lines';

export interface Stack {
  version: string;
  mlflowUrl: string;
  runlensUrl: string;
  manifest: WorkloadManifest;
  /** A Runlens URL of this stack. */
  url(pathname: string): string;
}

export const test = base.extend<{ stack: Stack; dialogs: string[] }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as an object pattern
  stack: async ({}, provide, testInfo) => {
    const version = String(testInfo.project.metadata.mlflowVersion);
    const state = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as Record<
      string,
      Omit<Stack, 'version' | 'url'>
    >;
    const s = state[version];
    if (!s) throw new Error(`no real stack for MLflow ${version} in ${STATE_FILE}`);
    await provide({ ...s, version, url: (p) => `${s.runlensUrl}${p}` });
  },
  // Any alert() from injected markup would land here; every test ends checking it is empty.
  dialogs: async ({ page }, provide) => {
    const seen: string[] = [];
    page.on('dialog', (d) => {
      seen.push(d.message());
      void d.dismiss();
    });
    await provide(seen);
    expect(seen, 'no dialog opened: hostile strings never execute').toEqual([]);
  },
});

/**
 * No element came from the workload's hostile strings: no `<img src=x>`, no script
 * carrying `alert(1)`. (A dialog would land in the `dialogs` fixture.)
 */
export async function expectNothingInjected(page: Page): Promise<void> {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(
    await page
      .locator('script')
      .evaluateAll((s) => s.filter((e) => e.textContent?.includes('alert(1)')).length),
  ).toBe(0);
}

export { expect };
