/**
 * Start and stop a real `mlflow server` from a project venv
 * (scripts/mlflow-env.mjs), for the real-server tests, the recordings and the
 * benchmarks:
 *
 *   const server = await startMlflowServer({ version: '3.18.0' });
 *   // server.url = http://127.0.0.1:<free port>
 *   await server.stop();
 *
 * It binds 127.0.0.1 on a free port, keeps SQLite and served artifacts
 * (`--serve-artifacts --artifacts-destination`) in a temp folder, waits for
 * `/health`, and runs in its own process group so stop() ends gunicorn's or
 * uvicorn's workers too. Every server still running when this process exits
 * (normally, on an uncaught error, on Ctrl-C or SIGTERM) is killed; the data
 * folder is removed unless the caller passed its own.
 *
 * MLflow 3.x's security middleware: the Host header must be localhost or a
 * private IP unless `--allowed-hosts` says otherwise, and a POST/PATCH/DELETE
 * under /api or /ajax-api whose Origin is not localhost is a 403 "Cross-origin
 * request blocked" unless `--cors-allowed-origins` allows it. A proxy in front
 * of it must therefore send the target's Host (changeOrigin) and must not pass
 * a foreign browser Origin through. Options below let tests opt in to either.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface MlflowServerOptions {
  /** An MLflow line of scripts/mlflow-env.mjs, e.g. '2.17.0' or '3.18.0'. */
  version: string;
  /** Where the SQLite db and artifacts live; a fresh temp folder (removed at stop) by default. */
  dataDir?: string;
  /** Worker processes (MLflow's default is 4; 2 suits a small machine). */
  workers?: number;
  /** `--allowed-hosts` (3.x only). */
  allowedHosts?: string;
  /** `--cors-allowed-origins` (3.x only). */
  corsAllowedOrigins?: string;
  /** How long to wait for /health. */
  startTimeoutMs?: number;
  /** Where the server's output goes; a file in dataDir by default. */
  logFile?: string;
}

export interface MlflowServer {
  version: string;
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  logFile: string;
  stop(): Promise<void>;
}

/** The venv's paths for one line (the venv is made by scripts/mlflow-env.mjs). */
export function mlflowVenv(version: string) {
  const dir = path.join(ROOT, '.venvs', `mlflow-${version}`);
  return { dir, python: path.join(dir, 'bin', 'python'), mlflow: path.join(dir, 'bin', 'mlflow') };
}

/** Environment for MLflow processes: no telemetry, no network, no stray tracking URI. */
export function mlflowProcessEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MLFLOW_DISABLE_TELEMETRY: 'true',
    DO_NOT_TRACK: 'true',
    PYTHONUNBUFFERED: '1',
    PYTHONDONTWRITEBYTECODE: '1',
    GIT_PYTHON_REFRESH: 'quiet',
    ...extra,
  };
  delete env.MLFLOW_TRACKING_URI;
  return env;
}

/** A port the OS calls free right now (bind 0, read it, release it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

let hooked = false;
/** Last-resort cleanup: nothing outlives this process. */
function hookExit() {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const child of running) killGroup(child, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const child of running) killGroup(child, 'SIGKILL');
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, logFile: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `mlflow server exited (${child.exitCode ?? child.signalCode}) before /health answered:\n${tail(logFile)}`,
      );
    }
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(250);
  }
  throw new Error(
    `mlflow server at ${url} did not answer /health within ${timeoutMs / 1000}s:\n${tail(logFile)}`,
  );
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export async function startMlflowServer(opts: MlflowServerOptions): Promise<MlflowServer> {
  const venv = mlflowVenv(opts.version);
  if (!fs.existsSync(venv.mlflow)) {
    throw new Error(
      `No MLflow ${opts.version} venv at ${venv.dir}: run \`node scripts/mlflow-env.mjs ${opts.version}\``,
    );
  }
  const ownDir = !opts.dataDir;
  const dataDir =
    opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `runlens-mlflow-${opts.version}-`));
  fs.mkdirSync(path.join(dataDir, 'artifacts'), { recursive: true });
  const logFile = opts.logFile ?? path.join(dataDir, 'server.log');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [
    'server',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--backend-store-uri',
    `sqlite:///${path.join(dataDir, 'mlflow.db')}`,
    '--serve-artifacts',
    '--artifacts-destination',
    path.join(dataDir, 'artifacts'),
    '--workers',
    String(opts.workers ?? 2),
  ];
  if (opts.allowedHosts) args.push('--allowed-hosts', opts.allowedHosts);
  if (opts.corsAllowedOrigins) args.push('--cors-allowed-origins', opts.corsAllowedOrigins);

  hookExit();
  const out = fs.openSync(logFile, 'a');
  const child = spawn(venv.mlflow, args, {
    cwd: dataDir,
    env: mlflowProcessEnv(),
    stdio: ['ignore', out, out],
    detached: true,
  });
  fs.closeSync(out);
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => running.delete(child));

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        killGroup(child, 'SIGTERM');
        const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
        if (!done) {
          killGroup(child, 'SIGKILL');
          await exited;
        }
      }
      // Workers may outlive the master by a moment: make sure the group is gone.
      killGroup(child, 'SIGKILL');
      if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
    })());

  try {
    await waitForHealth(url, child, opts.startTimeoutMs ?? 90_000, logFile);
  } catch (e) {
    await stop();
    throw e;
  }
  return { version: opts.version, url, port, pid: child.pid ?? -1, dataDir, logFile, stop };
}
