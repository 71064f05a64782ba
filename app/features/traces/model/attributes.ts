import type { AttributeValue, Span } from '../../../api';

/** How an attribute is shown: a scalar as text, an object as a JSON tree, malformed JSON as its raw text. */
export type AttributeCell =
  | { key: string; kind: 'text'; text: string }
  | { key: string; kind: 'json'; value: unknown }
  | { key: string; kind: 'raw'; text: string };

/** Attributes MLflow uses for its own bookkeeping, shown elsewhere on the page. */
const SHOWN_ELSEWHERE = new Set(['mlflow.spanInputs', 'mlflow.spanOutputs']);

export function attributeCell(key: string, v: AttributeValue): AttributeCell {
  if (!v.ok) return { key, kind: 'raw', text: v.raw };
  const x = v.value;
  if (x === null || typeof x !== 'object')
    return { key, kind: 'text', text: typeof x === 'string' ? x : String(x) };
  return { key, kind: 'json', value: x };
}

export function attributeCells(s: Span): AttributeCell[] {
  return Object.entries(s.attributes)
    .filter(([k]) => !SHOWN_ELSEWHERE.has(k))
    .map(([k, v]) => attributeCell(k, v));
}
