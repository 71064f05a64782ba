import type { AttributeValue, Span, SpanStatus } from '../../../api';
import type { SpanTree } from './tree';

export type SearchMode = 'filter' | 'highlight';

export interface SpanFilterSpec {
  text: string;
  mode: SearchMode;
  /** Span types to show; empty = all. */
  types: readonly string[];
  statuses: readonly SpanStatus[];
}

function attrText(v: AttributeValue): string {
  if (!v.ok) return v.raw;
  if (typeof v.value === 'string') return v.value;
  try {
    return JSON.stringify(v.value) ?? '';
  } catch {
    return '';
  }
}

/** Lower-cased name + attribute keys and values, built once per span and cached. */
const searchTextCache = new WeakMap<Span, string>();
export function spanSearchText(s: Span): string {
  let t = searchTextCache.get(s);
  if (t === undefined) {
    const parts = [s.name, s.spanType, s.statusMessage];
    for (const [k, v] of Object.entries(s.attributes)) parts.push(k, attrText(v));
    t = parts.join('\n').toLowerCase();
    searchTextCache.set(s, t);
  }
  return t;
}

export function textMatches(tree: SpanTree, text: string): Uint8Array | null {
  const q = text.trim().toLowerCase();
  if (!q) return null;
  const out = new Uint8Array(tree.spans.length);
  tree.spans.forEach((s, i) => {
    if (spanSearchText(s).includes(q)) out[i] = 1;
  });
  return out;
}

/**
 * Turn the user's filters into the two masks the row builder takes: type and
 * status always filter; the text filters or only highlights, as chosen.
 */
export function buildRowFilter(
  tree: SpanTree,
  spec: SpanFilterSpec,
): { match: Uint8Array | null; highlight: Uint8Array | null } {
  const text = textMatches(tree, spec.text);
  const types = spec.types.length ? new Set(spec.types) : null;
  const statuses = spec.statuses.length ? new Set(spec.statuses) : null;
  const filterText = spec.mode === 'filter' ? text : null;
  if (!types && !statuses && !filterText)
    return { match: null, highlight: spec.mode === 'highlight' ? text : null };
  const match = new Uint8Array(tree.spans.length);
  tree.spans.forEach((s, i) => {
    if (types && !types.has(s.spanType)) return;
    if (statuses && !statuses.has(s.status)) return;
    if (filterText && !filterText[i]) return;
    match[i] = 1;
  });
  return { match, highlight: spec.mode === 'highlight' ? text : null };
}

export function countMatches(mask: Uint8Array | null): number {
  if (!mask) return 0;
  let c = 0;
  for (let i = 0; i < mask.length; i++) c += mask[i] as number;
  return c;
}
