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
 * The demo server on PORT mirrors MLflow 3.18, the default line users get:
 * the general specs (`chromium`) and the specs in e2e/mlflow3/ (logged models,
 * prompts, assessments, sessions, evaluation runs; `chromium-mlflow3`) run
 * against it. A second demo server on PORT + 1 mirrors MLflow 2.17
 * (RUNLENS_DEMO_MLFLOW=2.17.0): the general specs run against it too
 * (`chromium-mlflow2`), so both supported lines stay covered.
 */
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/browser';

const PORT = Number(process.env.RUNLENS_E2E_PORT || 5199);
const PORT2 = PORT + 1;
const CI = !!process.env.CI;
// Point the specs at a server you started yourself (no webServer is started then).
const EXTERNAL = process.env.E2E_BASE_URL;
const general = {
  browserName: 'chromium' as const,
  viewport: { width: 1280, height: 800 },
  launchOptions: { ...chromiumLaunchOptions, args: [...chromiumLaunchOptions.args] },
};

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // e2e/real/ runs against real MLflow servers: playwright.real.config.ts;
  // e2e/mlflow3/ against the 3.18 demo (the chromium-mlflow3 project below).
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
    { name: 'chromium', use: general },
    {
      name: 'chromium-mlflow3',
      testDir: 'e2e/mlflow3',
      testIgnore: [],
      use: {
        ...general,
        baseURL: process.env.E2E_BASE_URL_MLFLOW3 || EXTERNAL || `http://127.0.0.1:${PORT}`,
      },
    },
    {
      name: 'chromium-mlflow2',
      use: { ...general, baseURL: process.env.E2E_BASE_URL_MLFLOW2 || `http://127.0.0.1:${PORT2}` },
    },
  ],
  webServer: EXTERNAL ? undefined : [demoServer(PORT, '3.18.0'), demoServer(PORT2, '2.17.0')],
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
