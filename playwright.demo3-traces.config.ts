/**
 * End-to-end tests of the GenAI side of a 3.x demo (issue #16: assessments,
 * sessions, evaluation runs) against Runlens's demo server mirroring MLflow
 * 3.18.0 (RUNLENS_DEMO_MLFLOW=3.18.0). Specs in e2e/demo3-traces/; the main
 * config (2.17 demo) leaves them out. Its own port: RUNLENS_E2E_PORT + 50.
 *
 *   npx playwright test -c playwright.demo3-traces.config.ts
 */
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

const PORT = Number(process.env.RUNLENS_E2E_PORT || 5199) + 50;
const EXTERNAL = process.env.E2E_BASE_URL;

export default defineConfig({
  ...base,
  testDir: 'e2e/demo3-traces',
  testMatch: '**/*.spec.ts',
  testIgnore: [],
  outputDir: 'test-results/demo3-traces',
  use: { ...base.use, baseURL: EXTERNAL || `http://127.0.0.1:${PORT}` },
  webServer: EXTERNAL
    ? undefined
    : {
        command: 'node --import tsx server/main.ts --build-if-stale',
        url: `http://127.0.0.1:${PORT}/runlens/info`,
        reuseExistingServer: !process.env.CI,
        timeout: 240_000,
        stdout: 'pipe',
        stderr: 'pipe',
        env: {
          HOST: '127.0.0.1',
          PORT: String(PORT),
          MLFLOW_TRACKING_URI: '',
          RUNLENS_DEMO_WORKSPACES: '1',
          RUNLENS_DEMO_MLFLOW: '3.18.0',
        },
      },
});
