/**
 * One options builder per query key (STYLE.md, "Learned in this project"): two
 * builders once wrote a `Page<Run>` and a `Run[]` under `runKeys.children`, and
 * expanding a parent in the runs table, then opening it, crashed the run page.
 *
 * Every exported `*QueryOptions` builder is called with marker arguments; the
 * leading literal part of its key (its "kind": `runs/children`, `metrics/history`)
 * must belong to that builder alone. A new builder without sample arguments
 * below fails the test, so none escapes the check.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Builder = (...args: never[]) => { queryKey: readonly unknown[] };

const modules = import.meta.glob<Record<string, unknown>>(
  ['./features/*/queries.ts', './lib/shared-queries.ts'],
  { eager: true },
);

const S = (n: number) => `ARG:${n}`;
/** Arguments for each builder; strings starting with `ARG:` mark the variable parts of a key. */
const samples: Record<string, unknown[]> = {
  experimentQueryOptions: [S(1)],
  experimentListQueryOptions: [{ viewType: 'ACTIVE_ONLY', orderBy: [] }],
  runQueryOptions: [S(1)],
  runListQueryOptions: [{ experimentIds: [S(1)], viewType: 'ACTIVE_ONLY', orderBy: [] }],
  runChildrenQueryOptions: [S(1), [S(2)]],
  compareRunsQueryOptions: [[S(1)], [S(2)], 0],
  metricHistoryQueryOptions: [S(1), S(2)],
  sampledMetricQueryOptions: [S(1), S(2)],
  sampledSeriesQueryOptions: [{ runIds: [S(1)], key: S(2), maxResults: 10 }],
  fullSeriesQueryOptions: [S(1), S(2)],
  artifactListQueryOptions: [S(1), S(2)],
  artifactTextQueryOptions: [S(1), S(2)],
  artifactBlobQueryOptions: [S(1), S(2)],
  registeredModelQueryOptions: [S(1)],
  modelListQueryOptions: [{ orderBy: [] }],
  modelVersionQueryOptions: [S(1), S(2)],
  modelVersionsQueryOptions: [S(1)],
  modelVersionByAliasQueryOptions: [S(1), S(2)],
  modelVersionFileQueryOptions: [S(1), S(2), S(3)],
  runModelVersionsQueryOptions: [S(1)],
  runTracesQueryOptions: [S(1), S(2)],
  traceListQueryOptions: [{ experimentId: S(1), filter: '', orderBy: [] }],
  traceInfoQueryOptions: [S(1)],
  traceDataQueryOptions: [S(1)],
  serverInfoQueryOptions: [],
  loggedModelQueryOptions: [S(1)],
  serverLineQueryOptions: [],
  evaluationTracesQueryOptions: [S(1), S(2)],
  evaluationRunsQueryOptions: [S(1)],
  promptListQueryOptions: [S(1)],
  promptQueryOptions: [S(1)],
  promptVersionsQueryOptions: [S(1)],
  promptRunsQueryOptions: [S(1), [S(2)]],
  sessionListQueryOptions: [S(1)],
  sessionTracesQueryOptions: [S(1), S(2)],
  loggedModelVersionsQueryOptions: [S(1), S(2)],
  loggedModelUsersQueryOptions: [S(1), S(2)],
  loggedModelListQueryOptions: [{ experimentId: S(1), filter: '', orderBy: [] }],
};

/** Every builder once (re-exports of a shared builder are the same function). */
function builders(): Map<Builder, string> {
  const out = new Map<Builder, string>();
  for (const mod of Object.values(modules))
    for (const [name, value] of Object.entries(mod))
      if (name.endsWith('QueryOptions') && typeof value === 'function')
        out.set(value as Builder, name);
  return out;
}

/** The key's literal head: elements up to the first argument-dependent one. */
function kindOf(key: readonly unknown[]): string {
  const head: string[] = [];
  for (const part of key) {
    if (typeof part !== 'string' || part.startsWith('ARG:')) break;
    head.push(part);
  }
  return head.join('/');
}

describe('query options builders', () => {
  it('every builder is listed here with sample arguments', () => {
    const missing = [...builders().values()].filter((name) => !(name in samples));
    expect(missing).toEqual([]);
    expect(builders().size).toBeGreaterThan(20);
  });

  it('no two builders write under the same key kind', () => {
    const byKind = new Map<string, string[]>();
    for (const [build, name] of builders()) {
      const args = samples[name] ?? [];
      const kind = kindOf(
        (build as (...a: unknown[]) => { queryKey: readonly unknown[] })(...args).queryKey,
      );
      byKind.set(kind, [...(byKind.get(kind) ?? []), name]);
    }
    const shared = [...byKind].filter(([, names]) => names.length > 1);
    expect(shared).toEqual([]);
    // a kind is at least resource + what: `runs` alone would hide lists and details together
    for (const kind of byKind.keys())
      expect(kind.split('/').length, kind).toBeGreaterThanOrEqual(2);
  });

  it('fetchers are written only in queries modules (no inline queryFn elsewhere)', () => {
    const root = path.dirname(new URL(import.meta.url).pathname);
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (
          /\.tsx?$/.test(e.name) &&
          !/\.test\.tsx?$/.test(e.name) &&
          !/queries\.ts$/.test(e.name)
        )
          if (/\bqueryFn\b/.test(fs.readFileSync(p, 'utf8')))
            offenders.push(path.relative(root, p));
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
