/**
 * Real-server end-to-end tests: make sure the venvs exist (scripts/mlflow-env.mjs), then
 * for each MLflow line start ONE real server, log the workload into it once, and put
 * Runlens in proxy mode in front. The stacks' URLs and manifests go to a state file the
 * specs read (e2e/real/stacks.ts); the returned function stops everything.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
// @ts-expect-error plain .mjs script without types
import { ensureMlflowEnv } from '../../scripts/mlflow-env.mjs';
import { startRealStack, type RealStack } from '../../tools/real-stack';
import { REAL_LINES, STATE_FILE, WORK_DIR } from './lines';

export default async function globalSetup(_config: FullConfig) {
  const stacks: RealStack[] = [];
  const stopAll = async () => {
    await Promise.all(stacks.map((s) => s.stop()));
  };
  try {
    for (const version of REAL_LINES) {
      await ensureMlflowEnv(version);
      const started = Date.now();
      const stack = await startRealStack(version, WORK_DIR);
      stacks.push(stack);
      console.log(
        `real servers: MLflow ${version} at ${stack.mlflowUrl}, Runlens at ${stack.runlensUrl} ` +
          `(workload ${stack.workloadSeconds} s, ready in ${Math.round((Date.now() - started) / 1000)} s)`,
      );
    }
  } catch (e) {
    await stopAll();
    throw e;
  }
  fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  fs.writeFileSync(
    STATE_FILE,
    JSON.stringify(
      Object.fromEntries(
        stacks.map((s) => [
          s.version,
          { mlflowUrl: s.mlflowUrl, runlensUrl: s.runlensUrl, manifest: s.manifest },
        ]),
      ),
    ),
  );
  return stopAll;
}
