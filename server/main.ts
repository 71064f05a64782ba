/**
 * `npm start` / `npm run serve`: Runlens's production server.
 *
 *   MLFLOW_TRACKING_URI=http://127.0.0.1:5000 npm start   proxy to a tracking server
 *   npm start                                             demo workspace (in-memory)
 *
 * Flags: --build-if-stale  build dist/ first when missing or older than app/.
 */
import { createApp } from './app';
import { ensureBuilt } from './build';
import { ConfigError, readConfig } from './config';
import { listen } from './listen';
import { consoleLogger as log } from './log';
import { probeTrackingServer } from './probe';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  if (process.argv.includes('--build-if-stale')) ensureBuilt(config.distDir, { log: log.info });

  const app = await createApp(config, { log });
  const running = await listen(app, config.host, config.port);
  const mode = config.tracking
    ? `proxying MLflow at ${config.tracking.displayUri}`
    : 'demo workspace';
  log.info(`Runlens listening on ${running.url} (${mode})`);
  if (!config.tracking) {
    log.info('Set MLFLOW_TRACKING_URI=http://host:5000 to use a real tracking server.');
  }

  if (config.tracking) {
    const probe = await probeTrackingServer(config.tracking, {
      verifyTls: config.verifyTls,
      timeoutMs: config.connectTimeoutMs,
    });
    if (probe.ok) {
      log.info(
        `Tracking server ${config.tracking.displayUri} is up${probe.version ? ` (MLflow ${probe.version})` : ''}.`,
      );
    } else {
      log.warn(
        `Cannot reach the MLflow tracking server at ${config.tracking.displayUri}: ${probe.reason}. ` +
          'Runlens keeps serving the UI, which shows a banner until the server answers.',
      );
    }
  }

  const stop = (signal: string) => {
    log.info(`${signal}: shutting down`);
    running.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  const err = e as NodeJS.ErrnoException;
  if (e instanceof ConfigError) {
    log.error(e.message);
  } else if (err.code === 'EADDRINUSE') {
    log.error(
      `Port already in use (${err.message}). Set PORT to another port, e.g. PORT=5174 npm start`,
    );
  } else if (err.code === 'EACCES') {
    log.error(`Not allowed to listen there (${err.message}). Use a port above 1024.`);
  } else {
    log.error(err.stack ?? String(e));
  }
  process.exit(1);
});
