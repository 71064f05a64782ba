/**
 * Build dist/ when it is missing (or older than the sources): for the
 * Playwright web server and the benchmarks, which must not test a stale UI.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './config';

const SOURCES = ['app', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];

function newestMtime(p: string): number {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/** Why dist/ needs a build, or null when it is up to date. */
export function buildReason(distDir: string, root = REPO_ROOT): string | null {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) return `${path.relative(root, index) || index} is missing`;
  const built = fs.statSync(index).mtimeMs;
  const changed = SOURCES.find((s) => newestMtime(path.join(root, s)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

export function ensureBuilt(
  distDir: string,
  opts: { log?: (line: string) => void; root?: string } = {},
): void {
  const root = opts.root ?? REPO_ROOT;
  const reason = buildReason(distDir, root);
  if (!reason) return;
  opts.log?.(`Building the UI (${reason}): npx vite build`);
  const r = spawnSync(
    'npx',
    ['--no', '--', 'vite', 'build', '--outDir', distDir, '--emptyOutDir'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status ?? r.signal})`);
}
