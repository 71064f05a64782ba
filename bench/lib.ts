/**
 * The helper API of Runlens's benchmarks. A scenario (bench/scenarios/*.ts)
 * default-exports `defineScenario({...})`; bench/run.ts starts a demo server
 * seeded with the scenario's RUNLENS_DEMO_* knobs and hands it a context:
 *
 *   export default defineScenario({
 *     name: 'runs-table-10k',
 *     description: '10,000 runs in one experiment: first rows visible, scrolling',
 *     demoEnv: { RUNLENS_DEMO_RUNS: '10000' },
 *     async run(ctx) {
 *       const { page, close } = await ctx.newPage();
 *       const nav = await measureNavigation(page, ctx.url('/experiments/1'), 'table tbody tr');
 *       const frames = await scrollFrames(page, '[data-scroller]', { frames: 180, dy: 80 });
 *       await close();
 *       return [figure('first-rows-visible-ms', nav.readyMs, 'ms'), ...frameFigures('scroll', frames)];
 *     },
 *   });
 *
 * Figures are plain numbers with units; repeat a timing with `repeat()` and
 * report its median (the samples go to bench/results.json).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { BrowserContext, Page } from '@playwright/test';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Every sample behind `value` (a median), when repeated. */
  samples?: number[];
}

export interface ScenarioContext {
  /** Origin of the Runlens server (demo mode, this scenario's data). */
  baseUrl: string;
  url(pathname: string): string;
  /** The built UI being measured. */
  distDir: string;
  /** How many times to repeat timings (--runs, default 5). */
  runs: number;
  /** A cold page: a fresh browser context (empty cache, no storage). */
  newPage(): Promise<{ page: Page; context: BrowserContext; close(): Promise<void> }>;
  log(line: string): void;
}

export interface Scenario {
  name: string;
  description: string;
  /** RUNLENS_DEMO_* scale knobs for the demo db (mocks/seed/README.md). */
  demoEnv?: Record<string, string>;
  run(ctx: ScenarioContext): Promise<Figure[]>;
}

export function defineScenario(s: Scenario): Scenario {
  return s;
}

export function figure(name: string, value: number, unit: string, samples?: number[]): Figure {
  return samples ? { name, value, unit, samples } : { name, value, unit };
}

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  const upper = s[m] as number; // 0 <= m < length (not empty)
  return s.length % 2 ? upper : ((s[m - 1] as number) + upper) / 2; // m >= 1 when the length is even
}

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

export const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Run `measure` n times; a figure with the median and all samples. */
export async function repeat(
  n: number,
  name: string,
  unit: string,
  measure: (i: number) => Promise<number>,
): Promise<Figure> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) samples.push(round(await measure(i), 1));
  return figure(name, round(median(samples), 1), unit, samples);
}

// ---------------------------------------------------------------------------
// Navigation

declare global {
  interface Window {
    __benchReady?: { domMs: number; readyMs: number };
    __benchFrames?: number[];
  }
}

export interface NavigationTiming {
  /** Navigation start -> first frame in which `readySelector` is in the DOM and has a box. */
  readyMs: number;
  /** Navigation start -> the DOM mutation that made it appear. */
  domMs: number;
  /** From the Navigation Timing API. */
  responseEndMs: number;
  domContentLoadedMs: number;
}

/**
 * Go to `url` and time how long until `readySelector` is visible, measured in
 * the page against navigation start (performance.now()), so Playwright's own
 * round trips do not count.
 */
export async function measureNavigation(
  page: Page,
  url: string,
  readySelector: string,
  opts: { timeoutMs?: number } = {},
): Promise<NavigationTiming> {
  await page.addInitScript((selector: string) => {
    const visible = () => {
      const el = document.querySelector(selector);
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const found = () => {
      const domMs = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => {
        window.__benchReady = { domMs, readyMs: performance.now() };
      });
    };
    const observer = new MutationObserver(() => {
      if (visible()) found();
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  }, readySelector);
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(() => window.__benchReady, null, {
    timeout: opts.timeoutMs ?? 60_000,
    polling: 50,
  });
  const ready = (await handle.jsonValue()) as { domMs: number; readyMs: number };
  const nav = await page.evaluate(() => {
    const e = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    return { responseEnd: e?.responseEnd ?? NaN, dcl: e?.domContentLoadedEventEnd ?? NaN };
  });
  return {
    readyMs: ready.readyMs,
    domMs: ready.domMs,
    responseEndMs: nav.responseEnd,
    domContentLoadedMs: nav.dcl,
  };
}

// ---------------------------------------------------------------------------
// Frames

export interface FrameStats {
  frames: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Frames longer than 50 ms (visible jank). */
  longFrames: number;
  /** Frames that missed at least one 60 Hz vsync (over 25 ms: a delta of 16.6-16.8 ms is one frame, timer jitter). */
  droppedFrames: number;
  fps: number;
}

export function frameStats(deltas: number[]): FrameStats {
  const total = deltas.reduce((a, b) => a + b, 0);
  return {
    frames: deltas.length,
    p50Ms: round(percentile(deltas, 50), 1),
    p95Ms: round(percentile(deltas, 95), 1),
    maxMs: round(Math.max(0, ...deltas), 1),
    longFrames: deltas.filter((d) => d > 50).length,
    droppedFrames: deltas.filter((d) => d > 25).length,
    fps: total > 0 ? round((deltas.length * 1000) / total, 1) : 0,
  };
}

/**
 * Scroll `scrollerSelector` (or the page when null) by `dy` pixels every
 * animation frame for `frames` frames, and record each frame's duration with
 * requestAnimationFrame: the frame times a person scrolling would get.
 */
export async function scrollFrames(
  page: Page,
  scrollerSelector: string | null,
  opts: { frames?: number; dy?: number } = {},
): Promise<FrameStats> {
  const deltas = await page.evaluate(
    ({ selector, frames, dy }) =>
      new Promise<number[]>((resolve, reject) => {
        const el = selector ? document.querySelector(selector) : document.scrollingElement;
        if (!el) return reject(new Error(`no scroller ${selector}`));
        const out: number[] = [];
        let last = -1;
        let n = 0;
        const tick = (t: number) => {
          if (last >= 0) out.push(t - last);
          last = t;
          if (n++ >= frames) return resolve(out);
          el.scrollTop += dy;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { selector: scrollerSelector, frames: opts.frames ?? 120, dy: opts.dy ?? 100 },
  );
  return frameStats(deltas);
}

/** Frame times while `action` runs (clicks, typing, a chart redraw). */
export async function sampleFrames(page: Page, action: () => Promise<void>): Promise<FrameStats> {
  await page.evaluate(() => {
    window.__benchFrames = [];
    let last = -1;
    const tick = (t: number) => {
      if (!window.__benchFrames) return;
      if (last >= 0) window.__benchFrames.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await action();
  const deltas = await page.evaluate(() => {
    const d = window.__benchFrames ?? [];
    window.__benchFrames = undefined;
    return d;
  });
  return frameStats(deltas);
}

/**
 * How long each frame took to produce on the main thread: from the frame's
 * start (its requestAnimationFrame timestamp, the vsync) to the end of its
 * rendering, caught by a message posted from the frame's rAF callback (a task
 * runs only after the frame's style, layout and paint). It counts whatever
 * the main thread did in between: a late start behind earlier work, the
 * scroll handlers and React's render, the bench's own rAF code, and tasks
 * queued before the message (React's passive effects). Under 16.7 ms, the
 * main thread had the frame done within its 60 Hz budget. The frame deltas
 * cannot show that: they are quantized to the vsync (16.6-16.8 ms when on
 * time), and a main frame that starts late still gets its vsync's timestamp.
 */
export function workFigures(prefix: string, work: number[]): Figure[] {
  return [
    figure(`${prefix}-frame-work-p50-ms`, round(percentile(work, 50), 1), 'ms'),
    figure(`${prefix}-frame-work-p95-ms`, round(percentile(work, 95), 1), 'ms'),
    figure(`${prefix}-frame-work-max-ms`, round(Math.max(0, ...work), 1), 'ms'),
  ];
}

export function frameFigures(prefix: string, s: FrameStats): Figure[] {
  return [
    figure(`${prefix}-frame-p50-ms`, s.p50Ms, 'ms'),
    figure(`${prefix}-frame-p95-ms`, s.p95Ms, 'ms'),
    figure(`${prefix}-frame-max-ms`, s.maxMs, 'ms'),
    figure(`${prefix}-long-frames`, s.longFrames, 'frames'),
    figure(`${prefix}-dropped-frames`, s.droppedFrames, 'frames'),
    figure(`${prefix}-frames`, s.frames, 'frames'),
  ];
}

// ---------------------------------------------------------------------------
// DOM and bytes

export function countDomNodes(page: Page): Promise<number> {
  return page.evaluate(() => document.getElementsByTagName('*').length);
}

export interface ScriptResource {
  pathname: string;
  /** Bytes on the wire for the body, as the server encoded it (br or gzip). */
  encodedBytes: number;
  decodedBytes: number;
}

/** The JavaScript files the page has loaded so far (entry, preloads and lazy chunks). */
export async function loadedScripts(page: Page): Promise<ScriptResource[]> {
  const entries = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
      name: e.name,
      encodedBytes: e.encodedBodySize,
      decodedBytes: e.decodedBodySize,
    })),
  );
  const origin = new URL(page.url()).origin;
  const seen = new Map<string, ScriptResource>();
  for (const e of entries) {
    const u = new URL(e.name);
    if (u.origin !== origin || !u.pathname.endsWith('.js')) continue;
    seen.set(u.pathname, {
      pathname: u.pathname,
      encodedBytes: e.encodedBytes,
      decodedBytes: e.decodedBytes,
    });
  }
  return [...seen.values()];
}

/** gzip size at zlib's default level (what the compression middleware sends when gzip is asked for). */
export function gzipBytes(data: Buffer | string): number {
  return zlib.gzipSync(data).length;
}

/** Gzipped size of built files, by URL path (e.g. /assets/index-abc.js). */
export function distGzipBytes(distDir: string, pathnames: string[]): number {
  let total = 0;
  for (const p of new Set(pathnames)) {
    const file = path.join(distDir, decodeURIComponent(p).replace(/^\/+/, ''));
    if (!file.startsWith(path.resolve(distDir))) continue;
    total += gzipBytes(fs.readFileSync(file));
  }
  return total;
}

/** The JS index.html loads before any route runs: its module script and modulepreloads. */
export function entryScripts(distDir: string): string[] {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const out: string[] = [];
  for (const [, src = ''] of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+\.js)"/g))
    out.push(src);
  for (const [, href = ''] of html.matchAll(
    /<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g,
  ))
    out.push(href);
  return out.map((u) => new URL(u, 'http://x/').pathname);
}
