/**
 * Run tools/workload/run.py against a server with the venv of its line and
 * read back the manifest it wrote (the ids of everything it logged).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mlflowProcessEnv, mlflowVenv } from './mlflow-server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WORKLOAD_SCRIPT = path.join(ROOT, 'tools', 'workload', 'run.py');

/** The manifest's shape, loosely: sections by role, ids as strings. */
export interface WorkloadManifest {
  mlflow_version: string;
  line: 2 | 3;
  tracking_uri: string;
  hostile: { script: string; img: string };
  experiments: Record<string, string>;
  runs: Record<string, string | string[]>;
  traces: Record<string, string | string[] | number>;
  models: Record<string, string | string[]>;
  timings_s: Record<string, number>;
  [section: string]: unknown;
}

export function readManifest(file: string): WorkloadManifest {
  const m = JSON.parse(fs.readFileSync(file, 'utf8')) as WorkloadManifest;
  if (!m || typeof m !== 'object' || !m.experiments || !m.runs || !m.traces) {
    throw new Error(`${file} is not a workload manifest`);
  }
  return m;
}

/** Log the workload into `trackingUri`; resolves with the manifest. Output goes to `logFile`. */
export async function runWorkload(opts: {
  version: string;
  trackingUri: string;
  manifestFile: string;
  logFile: string;
  timeoutMs?: number;
}): Promise<WorkloadManifest> {
  const out = fs.openSync(opts.logFile, 'a');
  const child = spawn(
    mlflowVenv(opts.version).python,
    [WORKLOAD_SCRIPT, '--tracking-uri', opts.trackingUri, '--manifest', opts.manifestFile],
    {
      cwd: path.dirname(opts.manifestFile),
      env: mlflowProcessEnv(),
      stdio: ['ignore', out, out],
      detached: true,
    },
  );
  fs.closeSync(out);
  const timer = setTimeout(
    () => {
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL');
      } catch {
        /* gone */
      }
    },
    opts.timeoutMs ?? 15 * 60_000,
  );
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  clearTimeout(timer);
  if (code !== 0) {
    const tail = fs.readFileSync(opts.logFile, 'utf8').trimEnd().split('\n').slice(-25).join('\n');
    throw new Error(`workload on MLflow ${opts.version} failed (exit ${code}):\n${tail}`);
  }
  return readManifest(opts.manifestFile);
}
