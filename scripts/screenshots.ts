/**
 * Regenerates the screenshots under docs/: the experiment page, a run page, the
 * compare view and a trace page, in light and dark themes at 1440×900, from the
 * demo workspace. docs/screenshot.png (the README's) is the experiment page in
 * the light theme.
 *
 *   npm run screenshots
 *
 * Starts Runlens's own server on a free port (building dist/ first when it is
 * stale), drives the Chromium the tests use, and stops the server at the end.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { demoIds } from '../mocks/seed/ids';
import { line3TraceId } from '../mocks/seed/trace-v3';
import { chromiumLaunchOptions } from '../e2e/support/browser';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'docs', 'screenshots');
const VIEWPORT = { width: 1440, height: 900 };

interface Shot {
  name: string;
  url: string;
  /** Waits until the page shows what the picture is for. */
  ready: (page: Page) => Promise<void>;
}

const SHOTS: Shot[] = [
  {
    name: 'experiment',
    url: `/experiments/${demoIds.EXP_SWEEP}`,
    ready: async (page) => {
      await page.getByRole('table', { name: 'Runs' }).getByRole('checkbox').first().waitFor();
      // the keyboard cursor on the third run, as issue #18 asked for it to show
      await page.mouse.move(2, 2);
      for (let i = 0; i < 3; i++) await page.keyboard.press('j');
    },
  },
  {
    name: 'run',
    url: `/experiments/${demoIds.EXP_SWEEP}/runs/${demoIds.R_5000}`,
    ready: async (page) => {
      await page.getByRole('navigation', { name: 'Run sections' }).waitFor();
      await page.getByRole('heading', { name: 'Metric charts' }).waitFor();
    },
  },
  {
    name: 'compare',
    url: `/compare?runs=${[demoIds.R_5000, demoIds.R_5000_B, demoIds.R_FAILED].join(',')}&experiments=${demoIds.EXP_SWEEP}`,
    ready: async (page) => {
      const charts = page.getByRole('figure', { name: / chart$/ });
      await charts
        .first()
        .getByText(/min\/max of|full resolution|one value per run/)
        .waitFor({ timeout: 60_000 });
      await page
        .getByRole('list', { name: 'best_val_accuracy per run' })
        .waitFor({ timeout: 60_000 });
    },
  },
  {
    name: 'trace',
    url: `/experiments/${demoIds.EXP_LLM}/traces/${line3TraceId(demoIds.TRACE_TOOL_ERROR)}`,
    ready: async (page) => {
      await page.getByRole('tree', { name: 'Spans' }).getByRole('treeitem').first().waitFor();
    },
  },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitUp(url: string, ms = 240_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Runlens did not answer at ${url}`);
}

async function main(): Promise<void> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', '--build-if-stale'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        MLFLOW_TRACKING_URI: '',
        // The default demo line: its trace ids are tr-<2.17 id> (line3TraceId).
        RUNLENS_DEMO_MLFLOW: '3.18.0',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
    args: [...chromiumLaunchOptions.args],
  });
  try {
    await waitUp(`${base}/runlens/info`);
    await fs.mkdir(OUT, { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        viewport: VIEWPORT,
        colorScheme: theme,
        deviceScaleFactor: 1,
      });
      for (const shot of SHOTS) {
        const page = await context.newPage();
        await page.goto(`${base}${shot.url}`);
        await shot.ready(page);
        await page.waitForTimeout(400); // let the last paint settle
        const file = path.join(OUT, `${shot.name}-${theme}.png`);
        await page.screenshot({ path: file });
        console.log(`wrote ${path.relative(ROOT, file)}`);
        await page.close();
      }
      await context.close();
    }
    await fs.copyFile(
      path.join(OUT, 'experiment-light.png'),
      path.join(ROOT, 'docs', 'screenshot.png'),
    );
    console.log('wrote docs/screenshot.png (experiment-light)');
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
