/**
 * Proxy mode against a stand-in MLflow 2.17.0 server that replays recorded
 * exchanges (tools/replay.ts). Each test starts Runlens's server with
 * createApp (as `npm run serve` would) on a free port, pointed at it.
 */
import { createApp } from '../server/app';
import { makeConfig, parseTrackingUri } from '../server/config';
import { listen, type RunningServer } from '../server/listen';
import { memoryLogger } from '../server/log';
import { exchangesDir, startReplayServer, type ReplayServer } from '../tools/replay';
import { closedPort } from '../tools/test-helpers';
import { expect, test } from './fixtures';

const dir = exchangesDir();

const stops: (() => Promise<void>)[] = [];
test.afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

async function startRunlens(
  trackingUri: string,
): Promise<RunningServer & { log: ReturnType<typeof memoryLogger> }> {
  const log = memoryLogger();
  const app = await createApp(
    makeConfig({ tracking: parseTrackingUri(trackingUri), connectTimeoutMs: 3000 }),
    { log },
  );
  const running = await listen(app, '127.0.0.1', 0);
  stops.push(running.close);
  return { ...running, log };
}

async function startReplay(
  opts: Parameters<typeof startReplayServer>[0] = {},
): Promise<ReplayServer> {
  const replay = await startReplayServer({ dir, ...opts });
  stops.push(replay.close);
  return replay;
}

test.describe('against an MLflow tracking server', () => {
  test("lists that server's experiments and shows its version", async ({
    shell,
    experimentsPage,
  }) => {
    const replay = await startReplay();
    const runlens = await startRunlens(replay.url);

    await experimentsPage.goto(runlens.url);
    await expect(experimentsPage.experimentLink('hyperparam-sweep')).toBeVisible();
    await expect(experimentsPage.experimentLink('nlp/sentiment-classification')).toBeVisible();
    await expect(shell.serverVersion).toHaveText(/MLflow 2\.17\.0/);
    await expect(shell.demoBadge).toHaveCount(0);
    expect(replay.requests.some((r) => r.url.includes('/experiments/search'))).toBe(true);
  });

  test('uses the credentials of MLFLOW_TRACKING_URI for a server behind basic auth', async ({
    experimentsPage,
  }) => {
    const replay = await startReplay({ auth: { username: 'ml', password: 's3cret' } });
    const runlens = await startRunlens(replay.url.replace('http://', 'http://ml:s3cret@'));

    await experimentsPage.goto(runlens.url);
    await expect(experimentsPage.experimentLink('hyperparam-sweep')).toBeVisible();
    expect(replay.requests.filter((r) => r.answeredWith === '401')).toEqual([]);
  });

  test('shows a banner with Retry when the server cannot be reached', async ({ page, shell }) => {
    const port = await closedPort();
    const runlens = await startRunlens(`http://127.0.0.1:${port}`);

    await page.goto(`${runlens.url}/`);
    await expect(shell.unreachableBanner).toBeVisible();
    await expect(shell.unreachableBanner.getByRole('button', { name: 'Retry' })).toBeVisible();
    expect(runlens.log.lines.join('\n')).toContain(
      `Cannot reach the MLflow tracking server at http://127.0.0.1:${port}`,
    );
  });

  test('recovers on Retry once the server is up', async ({ page, shell, experimentsPage }) => {
    const port = await closedPort();
    const runlens = await startRunlens(`http://127.0.0.1:${port}`);

    await page.goto(`${runlens.url}/`);
    await expect(shell.unreachableBanner).toBeVisible();

    await startReplay({ port });
    await shell.unreachableBanner.getByRole('button', { name: 'Retry' }).click();
    await expect(experimentsPage.experimentLink('hyperparam-sweep')).toBeVisible();
    await expect(shell.unreachableBanner).toHaveCount(0);
  });
});
