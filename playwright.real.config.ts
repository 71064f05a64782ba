/**
 * End-to-end tests against real MLflow servers (`npx playwright test -c
 * playwright.real.config.ts`): e2e/real/global-setup.ts ensures the venvs, starts one
 * `mlflow server` per line, logs tools/workload into it and puts Runlens (proxy mode) in
 * front; one project per line runs every spec of e2e/real/ against it. Needs dist/
 * (npm run build) and Python 3 with venv and pip.
 */
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/browser';
import { REAL_LINES } from './e2e/real/lines';

const CI = !!process.env.CI;

export default defineConfig({
  testDir: 'e2e/real',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/real',
  globalSetup: './e2e/real/global-setup.ts',
  // The workload for both lines runs in global setup.
  globalTimeout: 25 * 60_000,
  fullyParallel: false,
  forbidOnly: CI,
  workers: 2,
  retries: CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: REAL_LINES.map((version) => ({
    name: `mlflow-${version}`,
    metadata: { mlflowVersion: version },
    // What MLflow 3 adds has no counterpart on 2.x: that spec runs on the 3.x lines only.
    testIgnore: version.startsWith('3.') ? [] : ['**/mlflow3.spec.ts'],
    use: {
      browserName: 'chromium' as const,
      viewport: { width: 1280, height: 800 },
      launchOptions: { ...chromiumLaunchOptions, args: [...chromiumLaunchOptions.args] },
    },
  })),
});
