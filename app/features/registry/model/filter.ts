/**
 * Models list and versions table: search text -> server filter, sort -> order_by,
 * and the client-side filters of a model's versions (by stage and alias).
 */
import type { ModelVersion, RegisteredModel } from '../../../api';
import { containsPattern, quoteFilterValue } from '../../../lib/filter-quote';
import { compareText } from '../../../lib/compare-text';

/** Plain words search names case-insensitively; expressions go as written so the server's message comes back. */
const EXPRESSION = /(^|\s)(name\s*(=|!=|\bLIKE\b|\bILIKE\b)|tags\.|`?tags)/i;

export function modelSearchFilter(text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (EXPRESSION.test(t)) return t;
  return `name ILIKE ${containsPattern(t)}`;
}

export type ModelSort = 'name' | 'updated';

export function modelOrderBy(sort: ModelSort, desc: boolean): string[] {
  // One clause: the server adds `name ASC` as its own tie-breaker, which keeps paging stable.
  return [`${sort === 'name' ? 'name' : 'last_updated_timestamp'} ${desc ? 'DESC' : 'ASC'}`];
}

/** The versions filter in a model version search: names quoted as the server parses them. */
export function versionsOfModelFilter(name: string): string {
  return `name = ${quoteFilterValue(name)}`;
}

export const STAGES = ['None', 'Staging', 'Production', 'Archived'] as const;

/**
 * Version search results carry no aliases in 2.17 (only `get` does); the
 * model's alias map is the source of truth, so versions get theirs from it.
 */
export function withAliases(
  versions: ModelVersion[],
  aliases: Record<string, string>,
): ModelVersion[] {
  const byVersion = new Map<string, string[]>();
  for (const [alias, v] of Object.entries(aliases))
    byVersion.set(v, [...(byVersion.get(v) ?? []), alias]);
  return versions.map((mv) => {
    const a = (byVersion.get(mv.version) ?? []).sort();
    return sameList(a, mv.aliases) ? mv : { ...mv, aliases: a };
  });
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export interface VersionFilter {
  /** '' for any stage. */
  stage: string;
  /** '' for any; '*' for versions with at least one alias. */
  alias: string;
}

export function filterVersions(versions: ModelVersion[], f: VersionFilter): ModelVersion[] {
  return versions.filter(
    (v) =>
      (!f.stage || v.currentStage === f.stage) &&
      (!f.alias || (f.alias === '*' ? v.aliases.length > 0 : v.aliases.includes(f.alias))),
  );
}

/** Newest first, numerically (version "10" after "9"). */
export function sortVersionsDesc(versions: ModelVersion[]): ModelVersion[] {
  return [...versions].sort((a, b) => Number(b.version) - Number(a.version));
}

/** The latest version per stage, from `latest_versions` (one per stage), in stage order; 'None' last. */
export function latestPerStage(model: RegisteredModel): { stage: string; version: string }[] {
  const order = ['Production', 'Staging', 'Archived', 'None'];
  const best = new Map<string, string>();
  for (const v of model.latestVersions) {
    const cur = best.get(v.currentStage);
    if (!cur || Number(v.version) > Number(cur)) best.set(v.currentStage, v.version);
  }
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
  return [...best.entries()]
    .map(([stage, version]) => ({ stage, version }))
    .sort((a, b) => rank(a.stage) - rank(b.stage));
}

/** Aliases as `[alias, version]`, sorted by alias. */
export function aliasEntries(aliases: Record<string, string>): [string, string][] {
  return Object.entries(aliases).sort(([a], [b]) => compareText(a, b));
}

/** A short one-line excerpt of a markdown description. */
export function excerpt(markdown: string, max = 80): string {
  const line = markdown
    .replace(/[#>*_`[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > max ? line.slice(0, max - 1) + '…' : line;
}
