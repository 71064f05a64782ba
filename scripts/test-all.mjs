#!/usr/bin/env node
/**
 * `npm test`: the whole suite, in order, on a machine that has only Node and
 * npm (plus apt, for Chromium):
 *
 *   chromium   /usr/bin/chromium, installed with apt-get when missing
 *   typecheck  tsc --noEmit                          counts as 1 check
 *   lint       eslint .                              counts as 1 check
 *   format     prettier --check .                    counts as 1 check
 *   unit       vitest run (JSON report)              counts its tests
 *   build      vite build                            counts as 1 check
 *   e2e        playwright test (JSON report)         counts its tests
 *   venvs      scripts/mlflow-env.mjs                counts as 1 check
 *   e2e-real   playwright -c playwright.real.config.ts: real MLflow servers
 *              of each line (JSON report)            counts its tests
 *
 * Every step runs even when an earlier one failed (except e2e, which needs a
 * build and a browser), so one run shows everything that is wrong. Output is
 * streamed; the very last line is `N passed, N failed[, N skipped]`, and the
 * exit code is non-zero when anything failed. Plain Node, no dependencies.
 */
import { spawn, spawnSync } from 'node:child_process';
import console from 'node:console';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = path.join(root, '.runlens-tmp');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const MIN = 60_000;

const totals = { passed: 0, failed: 0, skipped: 0 };
/** The step running now, so Ctrl-C stops it (it runs in its own process group). */
let current = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) {
      try {
        process.kill(-current.pid, signal);
      } catch {
        /* already gone */
      }
    }
    process.exit(130);
  });
}

/** @type {{ step: string, passed: number, failed: number, skipped: number, seconds: number, note?: string }[]} */
const summary = [];

function banner(text) {
  const line = '='.repeat(Math.max(20, 78 - text.length - 4));
  console.log(`\n== ${text} ${line}`);
}

/**
 * Run a command with its output streamed; resolve with its exit code.
 * A step that outlives its time limit is killed (with its children) and fails.
 */
function run(cmd, args, { env = {}, timeoutMs } = {}) {
  return new Promise((resolve) => {
    console.log(`$ ${[cmd, ...args].join(' ')}`);
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1', ...env },
      detached: true,
    });
    current = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(
        `\n!! ${cmd} ${args[0] ?? ''} exceeded ${Math.round(timeoutMs / MIN)} min: stopping it`,
      );
      try {
        process.kill(-child.pid, 'SIGTERM');
        setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            /* already gone */
          }
        }, 10_000).unref();
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      console.error(`!! could not start ${cmd}: ${e.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      current = null;
      resolve(timedOut ? 124 : (code ?? (signal ? 128 : 1)));
    });
  });
}

function record(step, counts, started, note) {
  const row = {
    step,
    passed: counts.passed ?? 0,
    failed: counts.failed ?? 0,
    skipped: counts.skipped ?? 0,
    seconds: Math.round((Date.now() - started) / 1000),
    note,
  };
  summary.push(row);
  totals.passed += row.passed;
  totals.failed += row.failed;
  totals.skipped += row.skipped;
}

/** typecheck, lint, format, build: one check each. */
async function checkStep(step, cmd, args, timeoutMs) {
  banner(step);
  const started = Date.now();
  const code = await run(cmd, args, { timeoutMs });
  record(
    step,
    code === 0 ? { passed: 1 } : { failed: 1 },
    started,
    code === 0 ? undefined : `exit ${code}`,
  );
  return code === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Vitest's JSON report (jest-compatible): tests, plus files that failed before any test ran. */
function countVitest(report) {
  const failedFiles = (report.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  );
  for (const f of failedFiles) {
    console.log(
      `!! ${path.relative(root, f.name)} failed to run: ${(f.message ?? '').split('\n')[0]}`,
    );
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + failedFiles.length,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** Playwright's JSON report: flaky tests passed on retry; global errors (web server, config) count as failures. */
function countPlaywright(report) {
  const s = report.stats ?? {};
  const errors = report.errors ?? [];
  for (const e of errors) console.log(`!! playwright: ${(e.message ?? '').split('\n')[0]}`);
  if (s.flaky) console.log(`!! ${s.flaky} end-to-end test(s) passed only on retry (flaky)`);
  return {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: (s.unexpected ?? 0) + errors.length,
    skipped: s.skipped ?? 0,
  };
}

async function reportStep(step, cmd, args, { file, count, env, timeoutMs }) {
  banner(step);
  const started = Date.now();
  fs.rmSync(file, { force: true });
  const code = await run(cmd, args, { env, timeoutMs });
  const report = readJson(file);
  if (!report) {
    record(step, { failed: 1 }, started, `exit ${code}, no report at ${path.relative(root, file)}`);
    return;
  }
  const counts = count(report);
  let note;
  if (code !== 0 && counts.failed === 0) {
    // e.g. unhandled errors between tests: the run failed even if every test passed.
    counts.failed = 1;
    note = `exit ${code} with no failed test: see the output above`;
  }
  record(step, counts, started, note);
}

/** Chromium for Playwright and the benchmarks; CI machines start without it. */
function ensureChromium() {
  banner('chromium');
  if (fs.existsSync(CHROMIUM)) {
    console.log(`Using ${CHROMIUM}`);
    return true;
  }
  if (CHROMIUM !== '/usr/bin/chromium') {
    console.error(`!! CHROMIUM_PATH=${CHROMIUM} does not exist`);
    return false;
  }
  console.log(`${CHROMIUM} not found: installing Debian's chromium with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    console.log(`$ apt-get ${args.join(' ')}`);
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env, timeout: 15 * MIN });
    if (r.error || r.status !== 0) {
      console.error(
        `!! apt-get ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}); are we root?`,
      );
      return false;
    }
  }
  return fs.existsSync(CHROMIUM);
}

async function main() {
  const started = Date.now();
  fs.mkdirSync(tmp, { recursive: true });
  const npx = (bin, ...args) => ['npx', ['--no', '--', bin, ...args]];

  const chromiumStarted = Date.now();
  const haveChromium = ensureChromium();
  if (!haveChromium)
    record(
      'chromium',
      { failed: 1 },
      chromiumStarted,
      `${CHROMIUM} missing and could not be installed`,
    );

  await checkStep('typecheck', ...npx('tsc', '--noEmit', '-p', 'tsconfig.json'), 10 * MIN);
  // .runlens-tmp/ is the gitignored scratch folder (throwaway builds live there).
  await checkStep('lint', ...npx('eslint', '.', '--ignore-pattern', '.runlens-tmp/**'), 10 * MIN);
  await checkStep('format', ...npx('prettier', '--check', '.'), 10 * MIN);

  const vitestJson = path.join(tmp, 'vitest.json');
  await reportStep(
    'unit',
    ...npx('vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`),
    {
      file: vitestJson,
      count: countVitest,
      timeoutMs: 10 * MIN,
    },
  );

  const built = await checkStep('build', ...npx('vite', 'build'), 10 * MIN);

  if (!built || !haveChromium) {
    banner('e2e');
    const why = !built ? 'the build failed' : 'Chromium is missing';
    console.log(`!! not running the end-to-end tests: ${why}`);
    record('e2e', { failed: 1 }, Date.now(), `not run: ${why}`);
  } else {
    const playwrightJson = path.join(tmp, 'playwright.json');
    await reportStep('e2e', ...npx('playwright', 'test', '--reporter=list,json'), {
      file: playwrightJson,
      count: countPlaywright,
      env: {
        PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightJson,
        PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
      },
      timeoutMs: 20 * MIN,
    });
  }

  // Real MLflow servers: Python with venv and pip is required; when it is missing
  // the venvs step fails with what to install, and e2e-real fails (never skips).
  const venvsOk = await checkStep('venvs', 'node', ['scripts/mlflow-env.mjs'], 20 * MIN);
  if (!built || !haveChromium || !venvsOk) {
    banner('e2e-real');
    const why = !built
      ? 'the build failed'
      : !haveChromium
        ? 'Chromium is missing'
        : 'no MLflow venvs (see the venvs step)';
    console.log(`!! not running the real-server end-to-end tests: ${why}`);
    record('e2e-real', { failed: 1 }, Date.now(), `not run: ${why}`);
  } else {
    const realJson = path.join(tmp, 'playwright-real.json');
    await reportStep(
      'e2e-real',
      ...npx('playwright', 'test', '-c', 'playwright.real.config.ts', '--reporter=list,json'),
      {
        file: realJson,
        count: countPlaywright,
        env: { PLAYWRIGHT_JSON_OUTPUT_FILE: realJson, PLAYWRIGHT_JSON_OUTPUT_NAME: realJson },
        timeoutMs: 25 * MIN,
      },
    );
  }

  banner('summary');
  for (const r of summary) {
    const counts = `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`;
    console.log(
      `${r.failed ? 'FAIL' : 'ok  '}  ${r.step.padEnd(10)} ${counts.padEnd(34)} ${String(r.seconds).padStart(4)}s${r.note ? `  (${r.note})` : ''}`,
    );
  }
  console.log(`total time ${Math.round((Date.now() - started) / 1000)}s`);
  console.log(
    `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
  );
  process.exitCode = totals.failed > 0 ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  console.log(
    `${totals.passed} passed, ${totals.failed + 1} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
  );
  process.exitCode = 1;
});
