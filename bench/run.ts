/**
 * `npm run bench [scenario...] [--runs N] [--list]`
 *
 * For each scenario of bench/scenarios/*.ts: start Runlens's server (demo
 * mode, in this process, on a free port) seeded with the scenario's
 * RUNLENS_DEMO_* knobs, drive headless Chromium through it, print one line
 * per figure (`scenario  figure  value unit`) and write bench/results.json.
 * The first and last lines (`machine ...`) time a fixed piece of work, so
 * figures from runs on a machine whose speed drifts can be compared.
 * dist/ is built first when missing or older than the sources. Not part of
 * `npm test`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/browser';
import { createApp } from '../server/app';
import { ensureBuilt } from '../server/build';
import { DEFAULT_DIST_DIR, makeConfig } from '../server/config';
import { loadDemoBackend } from '../server/demo';
import { listen } from '../server/listen';
import type { Logger } from '../server/log';
import { median, type Figure, type Scenario, type ScenarioContext } from './lib';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const scenariosDir = path.join(benchDir, 'scenarios');
const resultsFile = path.join(benchDir, 'results.json');

/**
 * tsx compiles this process's code with esbuild's keepNames, which wraps inner
 * functions in `__name(fn, "name")`. Functions handed to page.evaluate() are
 * sent as source text and would throw "__name is not defined" in the page.
 */
const TSX_NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

interface Args {
  names: string[];
  runs: number;
  list: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { names: [], runs: Number(process.env.BENCH_RUNS || 5), list: false };
  const rest = [...argv];
  for (let a = rest.shift(); a !== undefined; a = rest.shift()) {
    if (a === '--runs')
      args.runs = Number(rest.shift()); // a missing value is NaN: refused below
    else if (a.startsWith('--runs=')) args.runs = Number(a.slice(7));
    else if (a === '--list') args.list = true;
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else args.names.push(a);
  }
  if (!Number.isInteger(args.runs) || args.runs < 1)
    throw new Error('--runs must be a positive integer');
  return args;
}

/** Every bench/scenarios/*.ts default-exporting a scenario; files starting with _ are helpers. */
async function loadScenarios(): Promise<Scenario[]> {
  const files = fs
    .readdirSync(scenariosDir)
    .filter((f) => f.endsWith('.ts') && !f.startsWith('_') && !f.endsWith('.test.ts'))
    .sort();
  const out: Scenario[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(scenariosDir, f)).href)) as {
      default?: Scenario;
    };
    if (!mod.default?.name || typeof mod.default.run !== 'function') {
      throw new Error(
        `bench/scenarios/${f} must default-export defineScenario({ name, description, run })`,
      );
    }
    out.push(mod.default);
  }
  return out;
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: benchDir,
      encoding: 'utf8',
    }).trim();
  } catch {
    return null;
  }
}

/** Server logs go to stderr with the scenario name, so stdout holds only figures. */
function scenarioLogger(name: string): Logger {
  return {
    info: (l) => console.error(`  [${name}] ${l}`),
    warn: (l) => console.error(`  [${name}] WARNING: ${l}`),
    error: (l) => console.error(`  [${name}] ERROR: ${l}`),
  };
}

async function runScenario(s: Scenario, browser: Browser, runs: number): Promise<Figure[]> {
  const log = scenarioLogger(s.name);
  const env = { ...process.env, ...s.demoEnv };
  const demo = await loadDemoBackend(env, { workspaces: false, log });
  const app = await createApp(makeConfig({ distDir: DEFAULT_DIST_DIR }), { demo, log });
  const server = await listen(app, '127.0.0.1', 0);
  const ctx: ScenarioContext = {
    baseUrl: server.url,
    url: (p) => new URL(p, server.url + '/').toString(),
    distDir: DEFAULT_DIST_DIR,
    runs,
    log: (l) => log.info(l),
    async newPage() {
      const context = await browser.newContext({
        baseURL: server.url,
        viewport: { width: 1440, height: 900 },
      });
      await context.addInitScript({ content: TSX_NAME_SHIM });
      const page = await context.newPage();
      return { page, context, close: () => context.close() };
    },
  };
  try {
    return await s.run(ctx);
  } finally {
    await server.close();
  }
}

/**
 * This machine's speed now, in a fixed piece of browser work: JSON.parse of a
 * 5.7 MB document shaped like span data (median of 9). A shared VM's speed
 * drifts (it varied twofold within an hour here), so every report says how
 * fast the machine was before and after its scenarios; compare figures from
 * different runs through it.
 */
async function calibrate(browser: Browser): Promise<number> {
  const context = await browser.newContext();
  await context.addInitScript({ content: TSX_NAME_SHIM });
  try {
    const page = await context.newPage();
    await page.goto('about:blank');
    // The browser returns the raw times; the median is taken here, because a
    // function passed to page.evaluate cannot use this module's imports.
    const times = await page.evaluate(() => {
      const span = (i: number) =>
        `{"name":"span_${i}","context":{"span_id":"0x${((i * 2654435761) % 4294967296).toString(16).padStart(16, '0')}"},` +
        `"start_time":${1795809100003000000 + i * 1000},"attributes":{"mlflow.spanType":"\\"LLM\\"","mlflow.spanInputs":"{\\"q\\": \\"${'x'.repeat(300)}\\"}"}}`;
      const text = `{"spans":[${Array.from({ length: 12000 }, (_, i) => span(i)).join(',')}]}`;
      const times: number[] = [];
      for (let r = 0; r < 9; r++) {
        const t0 = performance.now();
        JSON.parse(text);
        times.push(performance.now() - t0);
      }
      return times;
    });
    return Math.round(median(times) * 10) / 10;
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const all = await loadScenarios();
  if (args.list) {
    for (const s of all) console.log(`${s.name.padEnd(20)} ${s.description}`);
    return;
  }
  const unknown = args.names.filter((n) => !all.some((s) => s.name === n));
  if (unknown.length)
    throw new Error(`unknown scenario(s): ${unknown.join(', ')} (npm run bench -- --list)`);
  const selected = args.names.length ? all.filter((s) => args.names.includes(s.name)) : all;

  ensureBuilt(DEFAULT_DIST_DIR, { log: (l) => console.error(l) });

  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
    args: [...chromiumLaunchOptions.args],
    headless: true,
  });
  const results: Record<
    string,
    { description: string; demoEnv: Record<string, string>; figures: Figure[]; error?: string }
  > = {};
  const chromiumVersion = browser.version();
  let failed = 0;
  const machine = { before: NaN, after: NaN };
  const printMachine = (name: string, ms: number) =>
    console.log(`${'machine'.padEnd(18)} ${name.padEnd(32)} ${String(ms).padStart(10)} ms`);
  try {
    machine.before = await calibrate(browser);
    printMachine('json-parse-5mb-before-ms', machine.before);
    for (const s of selected) {
      console.error(`\n> ${s.name}: ${s.description}`);
      const started = Date.now();
      try {
        const figures = await runScenario(s, browser, args.runs);
        results[s.name] = { description: s.description, demoEnv: s.demoEnv ?? {}, figures };
        for (const f of figures)
          console.log(
            `${s.name.padEnd(18)} ${f.name.padEnd(32)} ${String(f.value).padStart(10)} ${f.unit}`,
          );
      } catch (e) {
        failed += 1;
        const message = (e as Error).message ?? String(e);
        results[s.name] = {
          description: s.description,
          demoEnv: s.demoEnv ?? {},
          figures: [],
          error: message,
        };
        console.log(`${s.name.padEnd(18)} ERROR ${message.split('\n')[0]}`);
      }
      console.error(`  (${Math.round((Date.now() - started) / 1000)}s)`);
    }
    machine.after = await calibrate(browser).catch(() => NaN);
    printMachine('json-parse-5mb-after-ms', machine.after);
  } finally {
    await browser.close();
  }

  const report = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    chromium: chromiumVersion,
    cpus: os.cpus().length,
    machineJsonParse5mbMs: machine,
    runs: args.runs,
    scenarios: results,
  };
  fs.writeFileSync(resultsFile, JSON.stringify(report, null, 2) + '\n');
  console.error(`\nWrote ${path.relative(process.cwd(), resultsFile)}`);
  if (failed) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error((e as Error).stack ?? String(e));
  process.exit(1);
});
