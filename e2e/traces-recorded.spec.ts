/**
 * The trace pages against the replayed MLflow 2.17.0 server: the recorded
 * artifacts, with their real nanosecond times and JSON-in-string attributes.
 */
import path from 'node:path';
import { createApp } from '../server/app';
import { makeConfig, parseTrackingUri } from '../server/config';
import { listen } from '../server/listen';
import { memoryLogger } from '../server/log';
import { exchangesDir, startReplayServer } from '../tools/replay';
import { expect, test } from './fixtures';
import { TraceView } from './traces-support';

const dir = exchangesDir();
const TRACE_BIG = '9f15bc7966a8400c872984a97c0bdd41';
const TRACE_ERROR = '3c5a1afe90404de6a0886f2976d717d6';

const stops: (() => Promise<void>)[] = [];
test.afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

async function runlensAgainstReplay(): Promise<string> {
  const replay = await startReplayServer({ dir });
  stops.push(replay.close);
  // RUNLENS_DIST_DIR lets a local run serve its own build instead of dist/.
  const distDir = process.env.RUNLENS_DIST_DIR
    ? { distDir: path.resolve(process.env.RUNLENS_DIST_DIR) }
    : {};
  const app = await createApp(
    makeConfig({ tracking: parseTrackingUri(replay.url), connectTimeoutMs: 3000, ...distDir }),
    { log: memoryLogger() },
  );
  const running = await listen(app, '127.0.0.1', 0);
  stops.push(running.close);
  return running.url;
}

test.describe('recorded MLflow 2.17 traces', () => {
  test('opens the 300-span trace', async ({ page }) => {
    const base = await runlensAgainstReplay();
    const trace = new TraceView(page);
    await page.goto(`${base}/experiments/5/traces/${TRACE_BIG}`);
    await expect(trace.shownCount).toHaveText('300 of 300 spans');
    await expect(trace.span('batch_embedding_job')).toHaveAttribute('aria-expanded', 'true');
    await trace.typeFilter('CHAIN').click();
    await expect(trace.spans).toHaveCount(1);
  });

  test('opens the failing trace: stack trace, chat messages, selection in the URL', async ({
    page,
  }) => {
    const base = await runlensAgainstReplay();
    const trace = new TraceView(page);
    await page.goto(`${base}/experiments/5/traces/${TRACE_ERROR}?span=0x3eeacdd894e00e07`);
    await expect(trace.span('calculator')).toHaveAttribute('aria-selected', 'true');
    await expect(trace.detail.getByLabel('Stack trace')).toContainText('line 324, in calculator');
    await trace.span('call_llm').click();
    await expect(trace.detail.getByRole('list', { name: 'Outputs conversation' })).toContainText(
      'The answer is 42.',
    );
    await expect(page).toHaveURL(/span=0xc983cf9b4debc327/);
  });

  test('lists the traces of a run with the filter the server accepts', async ({ page }) => {
    const base = await runlensAgainstReplay();
    await page.goto(`${base}/experiments/5/traces?run=084435f233184ac99a64c132ce5972bb`);
    const table = page.getByRole('table', { name: 'Traces' });
    await expect(table.getByRole('link', { name: 'agent', exact: true })).toHaveCount(1);
  });
});
