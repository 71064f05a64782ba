/**
 * One real MLflow line behind Runlens: `mlflow server` (tools/mlflow-server.ts) with the
 * workload logged into it (tools/workload), and Runlens's own server in proxy mode
 * (server/app.ts createApp) in front, both on free ports of 127.0.0.1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createApp } from '../server/app';
import { makeConfig, parseTrackingUri } from '../server/config';
import { listen } from '../server/listen';
import { memoryLogger } from '../server/log';
import { startMlflowServer } from './mlflow-server';
import { runWorkload, type WorkloadManifest } from './workload-runner';

export interface RealStack {
  version: string;
  mlflowUrl: string;
  runlensUrl: string;
  manifest: WorkloadManifest;
  workloadSeconds: number;
  stop(): Promise<void>;
}

export async function startRealStack(version: string, workDir: string): Promise<RealStack> {
  const dir = path.join(workDir, `mlflow-${version}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const server = await startMlflowServer({ version, dataDir: path.join(dir, 'server') });
  try {
    const started = Date.now();
    const manifest = await runWorkload({
      version,
      trackingUri: server.url,
      manifestFile: path.join(dir, 'manifest.json'),
      logFile: path.join(dir, 'workload.log'),
    });
    const workloadSeconds = Math.round((Date.now() - started) / 1000);
    const app = await createApp(makeConfig({ tracking: parseTrackingUri(server.url) }), {
      log: memoryLogger(),
    });
    const runlens = await listen(app, '127.0.0.1', 0);
    return {
      version,
      mlflowUrl: server.url,
      runlensUrl: runlens.url,
      manifest,
      workloadSeconds,
      stop: async () => {
        await runlens.close();
        await server.stop();
      },
    };
  } catch (e) {
    await server.stop();
    throw e;
  }
}
