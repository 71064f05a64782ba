/**
 * Suggestions for MLflow's run filter language at the cursor: entity prefixes
 * (`metrics.` ...) at the start of a word, then the keys of that entity found
 * in the loaded runs. Keys that need it are back-quoted on insert.
 */
import { quoteKey } from '../../../lib/format';
import type { RunKeys } from './keys';

export const ENTITIES = ['metrics', 'params', 'tags', 'attributes', 'datasets'] as const;
export type Entity = (typeof ENTITIES)[number];

export const ATTRIBUTE_KEYS = [
  'run_id',
  'run_name',
  'status',
  'user_id',
  'start_time',
  'end_time',
  'artifact_uri',
];
export const DATASET_KEYS = ['name', 'digest', 'context'];

export interface Suggestion {
  /** What the list shows. */
  label: string;
  /** The text that replaces [from, to). */
  insert: string;
}

export interface Suggestions {
  from: number;
  to: number;
  items: Suggestion[];
}

const MAX = 50;

/** The word being typed ends at the cursor; it may contain one back-quoted key. */
const WORD = /(?:^|[\s(,])((?:[A-Za-z_]+)(?:\.(?:`[^`]*`?|[^\s`=<>!(),']*))?)$/;

export function suggest(text: string, cursor: number, keys: RunKeys): Suggestions | null {
  const before = text.slice(0, cursor);
  const m = WORD.exec(before);
  const word = m?.[1];
  if (word === undefined) return null; // WORD's group is not optional: only when nothing matched
  const from = cursor - word.length;
  // the end of the word under the cursor (so a suggestion replaces it whole)
  const afterMatch = /^[^\s=<>!(),']*/.exec(text.slice(cursor));
  const to = cursor + (afterMatch ? afterMatch[0].length : 0);
  const dot = word.indexOf('.');
  if (dot < 0) {
    const lower = word.toLowerCase();
    const items = ENTITIES.filter((e) => e.startsWith(lower) && e !== lower).map((e) => ({
      label: `${e}.`,
      insert: `${e}.`,
    }));
    // a full comparison operator follows a key, not an entity; nothing more to offer
    return items.length ? { from, to, items } : null;
  }
  const entity = word.slice(0, dot).toLowerCase() as Entity;
  if (!ENTITIES.includes(entity)) return null;
  const partial = word
    .slice(dot + 1)
    .replace(/^`/, '')
    .replace(/`$/, '')
    .toLowerCase();
  const pool = keysOf(entity, keys);
  const starts: string[] = [];
  const contains: string[] = [];
  for (const k of pool) {
    const lk = k.toLowerCase();
    if (lk === partial && word.endsWith(quoteKey(k))) continue; // already complete
    if (lk.startsWith(partial)) starts.push(k);
    else if (partial && lk.includes(partial)) contains.push(k);
    if (starts.length >= MAX) break;
  }
  const items = [...starts, ...contains]
    .slice(0, MAX)
    .map((k) => ({ label: `${entity}.${k}`, insert: `${entity}.${quoteKey(k)} ` }));
  return items.length ? { from, to, items } : null;
}

function keysOf(entity: Entity, keys: RunKeys): string[] {
  switch (entity) {
    case 'metrics':
      return keys.metrics;
    case 'params':
      return keys.params;
    case 'tags':
      return keys.tags;
    case 'attributes':
      return ATTRIBUTE_KEYS;
    case 'datasets':
      return DATASET_KEYS;
  }
}

export function applySuggestion(
  text: string,
  s: Pick<Suggestions, 'from' | 'to'>,
  item: Suggestion,
): { text: string; cursor: number } {
  const next =
    text.slice(0, s.from) +
    item.insert +
    text.slice(s.to).replace(/^ /, item.insert.endsWith(' ') ? '' : ' ');
  return { text: next, cursor: s.from + item.insert.length };
}

/** Most recent first, without duplicates, at most `max`. */
export function pushHistory(history: readonly string[], entry: string, max = 10): string[] {
  const e = entry.trim();
  if (!e) return [...history];
  return [e, ...history.filter((h) => h !== e)].slice(0, max);
}
