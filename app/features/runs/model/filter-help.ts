/**
 * The filter box past the keys: values to offer after `params.x =`, and keys a
 * filter names that no loaded run has (with the close matches to offer).
 */
import type { Run, RunStatus } from '../../../api';
import { quoteFilterValue } from '../../../lib/filter-quote';
import { quoteKey } from '../../../lib/format';
import type { Suggestions } from './autocomplete';
import type { RunKeys } from './keys';
import { compareText } from '../../../lib/compare-text';

const STATUSES: RunStatus[] = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'];
const MAX = 50;

/** A key compared with `=`, `!=`, LIKE, ILIKE or IN, the cursor in (or before) its value. */
const VALUE_AT =
  /(?:^|[\s(])(params|tags|attributes)\.(`[^`]+`|[^\s`=<>!(),']+)\s*(?:=|!=|like|ilike|in\s*\()\s*(['"][^'"]*)?$/i;

/** Distinct values seen in the runs for a param, a tag, or the status and run-name attributes. */
export function valuesFor(runs: readonly Run[], entity: string, key: string): string[] {
  if (entity === 'attributes' && key === 'status') return STATUSES;
  const seen = new Set<string>();
  for (const r of runs) {
    const v =
      entity === 'params'
        ? r.params[key]
        : entity === 'tags'
          ? r.tags[key]
          : key === 'run_name'
            ? r.info.name
            : undefined;
    // long values (notes, JSON) are not worth typing into a filter
    if (v !== undefined && v.length <= 200) seen.add(v);
    if (seen.size >= 500) break;
  }
  return [...seen].sort((a, b) => compareText(a, b));
}

/** Values to offer at the cursor, quoted for the filter; null when the cursor is not at a value. */
export function suggestValues(
  text: string,
  cursor: number,
  values: (entity: string, key: string) => string[],
): Suggestions | null {
  const m = VALUE_AT.exec(text.slice(0, cursor));
  if (!m || m[1] === undefined || m[2] === undefined) return null; // groups 1, 2 are set on a match
  const entity = m[1].toLowerCase();
  const key = m[2].replace(/^`|`$/g, '');
  const partial = m[3] ?? '';
  const typed = partial.slice(1).toLowerCase();
  const items = [];
  for (const v of values(entity, key)) {
    if (typed && !v.toLowerCase().startsWith(typed)) continue;
    let quoted: string;
    try {
      quoted = quoteFilterValue(v);
    } catch {
      continue; // a value holding both kinds of quote cannot be written
    }
    items.push({ label: quoted, insert: `${quoted} ` });
    if (items.length >= MAX) break;
  }
  return items.length ? { from: cursor - partial.length, to: cursor, items } : null;
}

export interface UnknownKey {
  entity: 'metrics' | 'params' | 'tags';
  key: string;
  /** Known keys that look like it, best first: `entity.key` as written in a filter. */
  matches: { label: string; insert: string }[];
}

const KEY_REF = /(?:^|[\s(])(metrics|params|tags)\.(`[^`]+`|[^\s`=<>!(),']+)/gi;

/** Keys the filter names that none of the known keys are, each with up to three close matches. */
export function unknownKeys(filter: string, keys: RunKeys): UnknownKey[] {
  const out: UnknownKey[] = [];
  for (const [, rawEntity, rawKey] of filter.matchAll(KEY_REF)) {
    if (rawEntity === undefined || rawKey === undefined) continue; // both groups are set on a match
    const entity = rawEntity.toLowerCase() as UnknownKey['entity'];
    const key = rawKey.replace(/^`|`$/g, '');
    const pool =
      entity === 'metrics' ? keys.metrics : entity === 'params' ? keys.params : keys.tags;
    if (!pool.length || pool.includes(key) || out.some((u) => u.entity === entity && u.key === key))
      continue;
    const matches = closeMatches(key, pool).map((k) => ({
      label: `${entity}.${k}`,
      insert: `${entity}.${quoteKey(k)}`,
    }));
    out.push({ entity, key, matches });
  }
  return out;
}

/** Keys that contain the typed one (or its last path part), then those a couple of edits away. */
export function closeMatches(key: string, pool: readonly string[], max = 3): string[] {
  const k = key.toLowerCase();
  const scored: [string, number][] = [];
  for (const p of pool) {
    const l = p.toLowerCase();
    const last = l.slice(l.lastIndexOf('/') + 1);
    if (l.includes(k) || k.includes(last)) scored.push([p, Math.abs(l.length - k.length)]);
    else {
      const d = editDistance(k, last);
      if (d <= 2) scored.push([p, 100 + d]);
    }
  }
  return scored
    .sort((a, b) => a[1] - b[1] || compareText(a[0], b[0]))
    .slice(0, max)
    .map(([p]) => p);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  // Two rows of b.length + 1 cells: every j read below is in [0, b.length].
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/** The filter with one key reference replaced by another (`metrics.accuracy` -> metrics.`val/accuracy`). */
export function replaceKey(
  filter: string,
  u: Pick<UnknownKey, 'entity' | 'key'>,
  insert: string,
): string {
  const written = new RegExp(
    `(^|[\\s(])${u.entity}\\.(\`${escapeRe(u.key)}\`|${escapeRe(u.key)})(?![^\\s=<>!(),'])`,
    'gi',
  );
  return filter.replace(written, (_m, lead: string) => `${lead}${insert}`);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
