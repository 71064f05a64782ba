/**
 * `npm run bench:ab -- <ref> [scenario...] [--rounds N] [--runs N]`
 *
 * This build against an older one, alternately in the same minutes: this VM's
 * speed swings twofold within an hour, so two benches run an hour apart say
 * little. The older commit is checked out (detached) into
 * <tmpdir>/runlens-ab-<sha>, with its own `npm ci` and build (not under
 * .runlens-tmp: older servers refuse to serve files from a dot-folder path); then, round after
 * round, each tree runs its own `bench/run.ts` for the named scenarios (its own
 * server and page code: what that commit shipped), alternating which tree goes
 * first. It prints, per figure, the median of each side over the rounds and
 * the ratio (this build / the older one), plus the machine line of each run.
 *
 * The scenarios must exist in both trees. Not part of `npm test`.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Args {
  ref: string;
  scenarios: string[];
  rounds: number;
  runs: number;
}

function parseArgs(argv: string[]): Args {
  const rest: string[] = [];
  let rounds = 3;
  let runs = 3;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const value = (name: string): number => {
      const raw = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer`);
      return n;
    };
    if (a === '--rounds' || a.startsWith('--rounds=')) rounds = value('--rounds');
    else if (a === '--runs' || a.startsWith('--runs=')) runs = value('--runs');
    else rest.push(a);
  }
  const [ref, ...scenarios] = rest;
  if (!ref)
    throw new Error('usage: npm run bench:ab -- <git ref> [scenario...] [--rounds N] [--runs N]');
  return { ref, scenarios, rounds, runs };
}

const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

/** A detached checkout of `ref` with its own node_modules (its lockfile may differ). */
function prepareTree(ref: string): string {
  const sha = git('rev-parse', '--verify', `${ref}^{commit}`);
  // Outside any dot-folder: an older server's static files (express `send`) answer 403 under one.
  const dir = path.join(os.tmpdir(), `runlens-ab-${sha.slice(0, 10)}`);
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    git('worktree', 'add', '--force', '--detach', dir, sha);
  }
  if (!fs.existsSync(path.join(dir, 'node_modules'))) {
    console.error(`ab: npm ci in ${path.relative(ROOT, dir)}`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  }
  return dir;
}

/** One `bench/run.ts` in a tree; its figure lines as `scenario figure -> value`. */
function benchOnce(
  dir: string,
  scenarios: string[],
  runs: number,
): Promise<Map<string, { value: number; unit: string }>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/run.ts', ...scenarios, '--runs', String(runs)],
      { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const figures = new Map<string, { value: number; unit: string }>();
      for (const line of out.split('\n')) {
        const m = /^(\S+)\s+(\S+)\s+(-?[\d.]+|NaN)\s+(\S+)\s*$/.exec(line);
        if (m?.[1] && m[2] && m[3] && m[4])
          figures.set(`${m[1]} ${m[2]}`, { value: Number(m[3]), unit: m[4] });
        else if (/ ERROR /.test(line)) console.error(`ab: ${path.basename(dir)}: ${line}`);
      }
      resolve(figures);
    });
  });
}

function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const base = prepareTree(args.ref);
  const trees = [
    { label: 'base', dir: base },
    { label: 'this', dir: ROOT },
  ];
  const seen: Record<string, Map<string, number[]>> = { base: new Map(), this: new Map() };
  const units = new Map<string, string>();
  for (let round = 0; round < args.rounds; round++) {
    const order = round % 2 === 0 ? trees : [...trees].reverse();
    for (const t of order) {
      console.error(`ab: round ${round + 1}/${args.rounds}, ${t.label} (${t.dir})`);
      const figures = await benchOnce(t.dir, args.scenarios, args.runs);
      for (const [k, f] of figures) {
        units.set(k, f.unit);
        const list = seen[t.label]?.get(k) ?? [];
        list.push(f.value);
        seen[t.label]?.set(k, list);
      }
    }
  }
  const baseSha = git('rev-parse', '--short', args.ref);
  const thisSha = git('rev-parse', '--short', 'HEAD');
  console.log(
    `\n${'figure'.padEnd(52)} ${baseSha.padStart(10)} ${thisSha.padStart(10)}  ratio  (medians of ${args.rounds} rounds, alternating)`,
  );
  const keys = [...new Set([...(seen.base?.keys() ?? []), ...(seen.this?.keys() ?? [])])];
  for (const k of keys) {
    const a = median(seen.base?.get(k) ?? []);
    const b = median(seen.this?.get(k) ?? []);
    const ratio = b / a;
    console.log(
      `${k.padEnd(52)} ${String(Math.round(a * 10) / 10).padStart(10)} ${String(Math.round(b * 10) / 10).padStart(10)}  ${Number.isFinite(ratio) ? ratio.toFixed(2) : '  - '}x ${units.get(k) ?? ''}`,
    );
  }
}

main().catch((e: unknown) => {
  console.error((e as Error).stack ?? String(e));
  process.exit(1);
});
