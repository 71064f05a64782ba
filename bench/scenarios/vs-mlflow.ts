/**
 * `npm run bench -- vs-mlflow`: Runlens against MLflow's own UI, side by side,
 * on the same real `mlflow server` (2.17.0 and 3.18.0, from the project venvs)
 * holding the same workload (tools/workload, logged through the real client).
 *
 * For every page, each UI loads it in a cold browser context (empty cache),
 * alternating which goes first, and is timed from navigation start to the
 * first frame in which the page's key content is visible: texts taken from the
 * workload (an experiment's name, a run's name and a metric key, a span's
 * name, ...), the same texts for both UIs. It prints per page MLflow's time,
 * Runlens's time, the ratio, and the JavaScript bytes each loaded (as sent:
 * compressed where the server compresses), and a table at the end.
 *
 * Set VS_MLFLOW_LINES=2.17.0 (or 3.18.0) for one line. Not part of npm test:
 * it installs the venvs when missing and logs the workload, a few minutes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createApp } from '../../server/app';
import { makeConfig, parseTrackingUri } from '../../server/config';
import { listen } from '../../server/listen';
import { silentLogger } from '../../server/log';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mlflowProcessEnv, mlflowVenv, startMlflowServer } from '../../tools/mlflow-server';
import { defineScenario, figure, median, round, type Figure, type ScenarioContext } from '../lib';

/** The ids tools/workload/run.py wrote (only what this bench reads). */
interface WorkloadManifest {
  experiments: { sweep: string; traces: string };
  runs: { trial: string };
  traces: { big: string };
  models: { registered: string; champion: string };
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** The venv of one line, installed by scripts/mlflow-env.mjs when missing or stale (idempotent). */
async function ensureVenv(version: string): Promise<void> {
  await run(process.execPath, [path.join(ROOT, 'scripts/mlflow-env.mjs'), version], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
}

async function runWorkload(p: {
  version: string;
  trackingUri: string;
  manifestFile: string;
}): Promise<WorkloadManifest> {
  try {
    await run(
      mlflowVenv(p.version).python,
      [
        path.join(ROOT, 'tools/workload/run.py'),
        '--tracking-uri',
        p.trackingUri,
        '--manifest',
        p.manifestFile,
      ],
      { cwd: ROOT, env: mlflowProcessEnv(), maxBuffer: 64 * 1024 * 1024 },
    );
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr ?? '';
    throw new Error(
      `the workload failed on MLflow ${p.version}:\n${stderr.split('\n').slice(-15).join('\n')}`,
    );
  }
  return JSON.parse(fs.readFileSync(p.manifestFile, 'utf8')) as WorkloadManifest;
}

interface PagePair {
  name: string;
  mlflow: string;
  runlens: string;
  /** Every text must be visible (in an element with a box) for the page to count as ready. */
  ready: string[];
  /**
   * MLflow's own texts where its UI cannot show `ready` (3.x): chosen so that
   * MLflow's page counts as ready no later than when it shows the same content.
   */
  mlflowReady?: string[];
}

/** Texts and ids the pages are checked with, read from the server itself. */
async function pagesFor(mlflowUrl: string, line: 2 | 3, m: WorkloadManifest): Promise<PagePair[]> {
  const api = async (p: string, body?: unknown): Promise<Record<string, unknown>> => {
    const res = await fetch(
      mlflowUrl + p,
      body
        ? {
            method: 'POST',
            body: JSON.stringify(body),
            headers: { 'Content-Type': 'application/json' },
          }
        : {},
    );
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const sweep = m.experiments.sweep;
  const tracesExp = m.experiments.traces;
  const sweepName = (
    (await api(`/api/2.0/mlflow/experiments/get?experiment_id=${sweep}`)).experiment as {
      name: string;
    }
  ).name;
  const newest = (
    (
      await api('/api/2.0/mlflow/runs/search', {
        experiment_ids: [sweep],
        max_results: 50,
        order_by: ['attributes.start_time DESC'],
      })
    ).runs as {
      info: { run_id: string; run_name: string };
      data?: { tags?: { key: string; value: string }[] };
    }[]
  )
    // Both tables fold child runs under their parents: the newest top-level run is the one in view.
    .filter((r) => !r.data?.tags?.some((t) => t.key === 'mlflow.parentRunId'))
    .map((r) => r.info);
  const trialId = m.runs.trial;
  const trial = (
    (await api(`/api/2.0/mlflow/runs/get?run_id=${trialId}`)).run as { info: { run_name: string } }
  ).info;
  const bigTrace = m.traces.big;
  const bigSpans = (await (
    await fetch(`${mlflowUrl}/ajax-api/2.0/mlflow/get-trace-artifact?request_id=${bigTrace}`)
  ).json()) as {
    spans: { name: string; parent_id?: string | null; parent_span_id?: string | null }[];
  };
  const root = bigSpans.spans.find((s) => !s.parent_id && !s.parent_span_id)?.name ?? 'root';
  const model = m.models.registered;
  const version = m.models.champion;
  const hash = line === 3;
  const runIds = newest.slice(0, 10).map((r) => r.run_id);
  return [
    {
      name: 'experiments',
      mlflow: hash ? '/#/experiments' : '/#/',
      runlens: '/',
      ready: [sweepName],
    },
    {
      name: 'runs-table',
      mlflow: hash ? `/#/experiments/${sweep}/runs` : `/#/experiments/${sweep}`,
      runlens: `/experiments/${sweep}`,
      ready: [newest[0]?.run_name ?? ''],
    },
    {
      name: 'run-page',
      mlflow: `/#/experiments/${sweep}/runs/${trialId}`,
      runlens: `/experiments/${sweep}/runs/${trialId}`,
      ready: [trial.run_name, 'val/accuracy'],
    },
    {
      name: 'charts',
      mlflow: hash
        ? `/#/experiments/${sweep}/runs?compareRunsMode=CHART`
        : `/#/experiments/${sweep}?compareRunsMode=CHART`,
      runlens: `/compare?runs=${runIds.join(',')}&experiments=${sweep}`,
      ready: ['val/loss'],
      // 3.x renders only the chart cards in view, and at the bench's 1440x900
      // the val/* section is below the fold; its first chart title in view
      // ("best/val_loss", drawn with its chart) counts for it.
      mlflowReady: hash ? ['best/val_loss'] : undefined,
    },
    {
      name: 'traces-list',
      mlflow: hash
        ? `/#/experiments/${tracesExp}/traces`
        : `/#/experiments/${tracesExp}?compareRunsMode=TRACES`,
      runlens: `/experiments/${tracesExp}/traces`,
      ready: [bigTrace.slice(0, 12)],
      // 3.x lists traces by time, input and output, without their ids: both
      // UIs show the big trace's output (tools/workload/traces.py sets it).
      // (The texts go into an XPath string literal: no double quotes.)
      mlflowReady: hash ? ['processed'] : undefined,
    },
    {
      name: 'trace-5k',
      mlflow: hash
        ? `/#/experiments/${tracesExp}/traces?selectedEvaluationId=${bigTrace}`
        : `/#/experiments/${tracesExp}?compareRunsMode=TRACES&selectedTraceId=${bigTrace}`,
      runlens: `/experiments/${tracesExp}/traces/${bigTrace}`,
      ready: [root],
    },
    { name: 'models-list', mlflow: '/#/models', runlens: '/models', ready: [model] },
    {
      name: 'model-version',
      mlflow: `/#/models/${encodeURIComponent(model)}/versions/${version}`,
      runlens: `/models/${encodeURIComponent(model)}/versions/${version}`,
      // MLflow titles it "Version 2", Runlens "<model> version 2": the case-blind part of both.
      ready: [model, `ersion ${version}`],
    },
  ];
}

/**
 * An init script: from navigation start, on every DOM change (at most once a
 * frame), look for text nodes holding each wanted text inside an element with
 * a box; when all are there, record the frame's time. The same check for both
 * UIs, so its own cost is shared.
 */
function watchForTexts(texts: string[]): void {
  const w = window as unknown as { __vsReady?: number };
  let scheduled = false;
  const check = () => {
    scheduled = false;
    if (w.__vsReady !== undefined || !document.body) return;
    // Cheap first: all texts somewhere in the document (no layout).
    const all = document.body.textContent ?? '';
    if (!texts.every((t) => all.includes(t))) return;
    // Then the deepest element whose text (its descendants' joined) holds each one, with a box.
    for (const t of texts) {
      const q = `//body//*[contains(., ${JSON.stringify(t)})][not(*[contains(., ${JSON.stringify(t)})])]`;
      const hit = document.evaluate(
        q,
        document,
        null,
        XPathResult.ORDERED_NODE_ITERATOR_TYPE,
        null,
      );
      let shown = false;
      for (let el = hit.iterateNext(); el && !shown; el = hit.iterateNext()) {
        const r = (el as Element).getBoundingClientRect();
        shown = r.width > 0 && r.height > 0;
      }
      if (!shown) return;
    }
    w.__vsReady = performance.now();
    observer.disconnect();
  };
  const observer = new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(check);
    }
  });
  observer.observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
  });
}

/** The median of the loads that finished (a load that never showed its text is NaN). */
const finiteMedian = (xs: number[]): number => median(xs.filter(Number.isFinite));

interface Load {
  ms: number;
  jsBytes: number;
}

async function timeLoad(ctx: ScenarioContext, url: string, ready: string[]): Promise<Load> {
  const { page, close } = await ctx.newPage();
  try {
    await page.addInitScript(watchForTexts, ready);
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => (window as unknown as { __vsReady?: number }).__vsReady,
      null,
      {
        timeout: 60_000,
        polling: 100,
      },
    );
    const ms = (await handle.jsonValue()) as number;
    return { ms, jsBytes: await scriptBytes(page) };
  } finally {
    await close();
  }
}

/** JavaScript bytes as they came over the wire (encodedBodySize), workers included. */
function scriptBytes(page: Page): Promise<number> {
  return page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => r.initiatorType === 'script' || /\.m?js(\?|$)/.test(new URL(r.name).pathname))
      .reduce((sum, r) => sum + (r.encodedBodySize || r.transferSize || 0), 0),
  );
}

async function benchLine(
  ctx: ScenarioContext,
  version: string,
): Promise<{ figures: Figure[]; rows: string[] }> {
  const line = Number(version.split('.')[0]) >= 3 ? 3 : 2;
  await ensureVenv(version);
  const server = await startMlflowServer({ version, workers: 2 });
  const runlens = await listen(
    await createApp(makeConfig({ distDir: ctx.distDir, tracking: parseTrackingUri(server.url) }), {
      log: silentLogger,
    }),
    '127.0.0.1',
    0,
  );
  const figures: Figure[] = [];
  const rows: string[] = [];
  try {
    ctx.log(`MLflow ${version} at ${server.url}: logging the workload`);
    const manifest = await runWorkload({
      version,
      trackingUri: server.url,
      manifestFile: path.join(
        fs.mkdtempSync(path.join(os.tmpdir(), 'vs-mlflow-')),
        'manifest.json',
      ),
    });
    const pages = await pagesFor(server.url, line, manifest);
    for (const p of pages) {
      const ml: Load[] = [];
      const rl: Load[] = [];
      for (let i = 0; i < ctx.runs; i++) {
        // Alternate which UI goes first, so neither always meets a warmer server.
        const order = i % 2 === 0 ? ['mlflow', 'runlens'] : ['runlens', 'mlflow'];
        for (const who of order) {
          const url = who === 'mlflow' ? server.url + p.mlflow : runlens.url + p.runlens;
          const ready = who === 'mlflow' ? (p.mlflowReady ?? p.ready) : p.ready;
          const load = await timeLoad(ctx, url, ready).catch((e: unknown) => {
            // One page that never shows its text must not hide the others' figures.
            ctx.log(
              `${version} ${p.name}: ${who} never showed ${JSON.stringify(ready)} at ${url}: ${(e as Error).message.split('\n')[0]}`,
            );
            return { ms: NaN, jsBytes: NaN };
          });
          (who === 'mlflow' ? ml : rl).push(load);
        }
      }
      const mlMs = round(finiteMedian(ml.map((l) => l.ms)));
      const rlMs = round(finiteMedian(rl.map((l) => l.ms)));
      const ratio = round(rlMs / mlMs, 2);
      const mlKb = round(finiteMedian(ml.map((l) => l.jsBytes)) / 1024);
      const rlKb = round(finiteMedian(rl.map((l) => l.jsBytes)) / 1024);
      const prefix = `${version}-${p.name}`;
      ctx.log(`${version} ${p.name}: MLflow ${mlMs} ms, Runlens ${rlMs} ms (${ratio}x)`);
      figures.push(
        figure(
          `${prefix}-mlflow-ms`,
          mlMs,
          'ms',
          ml.map((l) => round(l.ms)),
        ),
        figure(
          `${prefix}-runlens-ms`,
          rlMs,
          'ms',
          rl.map((l) => round(l.ms)),
        ),
        figure(`${prefix}-ratio`, ratio, 'x'),
        figure(`${prefix}-mlflow-js-kb`, mlKb, 'KB'),
        figure(`${prefix}-runlens-js-kb`, rlKb, 'KB'),
      );
      rows.push(
        `${version.padEnd(8)} ${p.name.padEnd(14)} ${String(mlMs).padStart(8)} ${String(rlMs).padStart(8)} ${ratio.toFixed(2).padStart(6)}x ${String(mlKb).padStart(8)} ${String(rlKb).padStart(8)}`,
      );
    }
  } finally {
    await runlens.close();
    await server.stop();
  }
  return { figures, rows };
}

export default defineScenario({
  name: 'vs-mlflow',
  description:
    "Runlens vs MLflow's own UI on real 2.17.0 and 3.18.0 servers with the same workload (cold loads, alternating)",
  async run(ctx) {
    const lines = (process.env.VS_MLFLOW_LINES ?? '2.17.0,3.18.0')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const figures: Figure[] = [];
    const rows: string[] = [];
    for (const version of lines) {
      const r = await benchLine(ctx, version);
      figures.push(...r.figures);
      rows.push(...r.rows);
    }
    // The table, after the figures.
    console.log(
      `\n${'line'.padEnd(8)} ${'page'.padEnd(14)} ${'MLflow'.padStart(8)} ${'Runlens'.padStart(8)} ${'ratio'.padStart(7)} ${'ML JS KB'.padStart(8)} ${'RL JS KB'.padStart(8)}`,
    );
    for (const r of rows) console.log(r);
    return figures;
  },
});
