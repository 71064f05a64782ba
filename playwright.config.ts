/**
 * End-to-end tests: Chromium against Runlens's own server in demo mode.
 *
 * The web server is `server/main.ts --build-if-stale`: it builds dist/ first
 * when it is missing or older than app/ (scripts/test-all.mjs builds before
 * this runs, so in CI it starts at once). It runs with
 * RUNLENS_DEMO_WORKSPACES=1 so each test can have a private demo db (see
 * e2e/fixtures.ts). Specs that need another server (proxy mode against the
 * replay stand-in) start their own with createApp on free ports.
 *
 * A second demo server on PORT + 1 mirrors MLflow 3.18 (RUNLENS_DEMO_MLFLOW):
 * the specs in e2e/mlflow3/ (logged models, prompts) run against it as the
 * `chromium-mlflow3` project; the others run against the 2.17 demo.
 */
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/browser';

const PORT = Number(process.env.RUNLENS_E2E_PORT || 5199);
const PORT3 = PORT + 1;
const CI = !!process.env.CI;
// Point the specs at a server you started yourself (no webServer is started then).
const EXTERNAL = process.env.E2E_BASE_URL;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // e2e/real/ runs against real MLflow servers: playwright.real.config.ts.
  testIgnore: ['real/**', 'mlflow3/**'],
  outputDir: 'test-results',
  fullyParallel: false,
  forbidOnly: CI,
  workers: 2,
  retries: CI ? 1 : 0,
  // A 2-core machine shared with a build and a server: be generous.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL: EXTERNAL || `http://127.0.0.1:${PORT}`,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: { ...chromiumLaunchOptions, args: [...chromiumLaunchOptions.args] },
      },
    },
    {
      name: 'chromium-mlflow3',
      testDir: 'e2e/mlflow3',
      testIgnore: [],
      use: {
        browserName: 'chromium',
        baseURL: process.env.E2E_BASE_URL_MLFLOW3 || `http://127.0.0.1:${PORT3}`,
        viewport: { width: 1280, height: 800 },
        launchOptions: { ...chromiumLaunchOptions, args: [...chromiumLaunchOptions.args] },
      },
    },
  ],
  webServer: EXTERNAL ? undefined : [demoServer(PORT, '2.17.0'), demoServer(PORT3, '3.18.0')],
});

/** The demo server on `port`, mirroring one MLflow line. */
function demoServer(port: number, line: string) {
  return {
    // Started one after the other: the first builds dist/ when stale, the second finds it fresh.
    command: 'node --import tsx server/main.ts --build-if-stale',
    url: `http://127.0.0.1:${port}/runlens/info`,
    reuseExistingServer: !CI,
    timeout: 240_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      // Demo mode even when the shell points at a real server.
      MLFLOW_TRACKING_URI: '',
      RUNLENS_DEMO_WORKSPACES: '1',
      RUNLENS_DEMO_MLFLOW: line,
    },
  };
}
