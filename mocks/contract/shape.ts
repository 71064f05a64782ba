/**
 * JSON shape comparison for the contract tests. A schema is learnt from the
 * recorded body; the mock's body must fit it: same value kinds, the same keys
 * on objects (recorded keys present in every sample are required, and no key
 * the recording never had), and array elements that fit the union of the
 * recorded elements. Rules that keep "values may differ" honest:
 * - array elements may be learnt from peer recordings of the same endpoint
 *   too (a run in a search may have datasets even if this search's recorded
 *   runs had none; other recordings show the field);
 * - `attributes` objects (span and event attributes) are open maps: every key allowed,
 *   values of a recorded kind;
 * - a metric `value` of "NaN" (or GraphQL's null for NaN) counts as a number.
 */
export type Kind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export interface Schema {
  kinds: Set<Kind>;
  /** Object keys seen, with the schema of their values. */
  keys: Map<string, Schema>;
  /** Keys present in every object sample. */
  required: Set<string> | null;
  /** Element schema (null when every recorded array was empty). */
  element: Schema | null;
  /** An open map: every key allowed, each value fitting `mapValue`. */
  mapValue: Schema | null;
}

const MAP_KEYS = new Set(['attributes']);

export function kindOf(v: unknown, key?: string): Kind {
  if (key === 'value' && (v === 'NaN' || v === null)) return 'number';
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  if (t === 'boolean' || t === 'number' || t === 'string') return t;
  return 'object';
}

export function learn(samples: unknown[], key?: string): Schema {
  const s: Schema = {
    kinds: new Set(),
    keys: new Map(),
    required: null,
    element: null,
    mapValue: null,
  };
  const objects: Record<string, unknown>[] = [];
  const elements: unknown[] = [];
  for (const v of samples) {
    const k = kindOf(v, key);
    s.kinds.add(k);
    if (k === 'object') objects.push(v as Record<string, unknown>);
    if (k === 'array') elements.push(...(v as unknown[]));
  }
  if (objects.length && key !== undefined && MAP_KEYS.has(key)) {
    s.mapValue = learn(objects.flatMap((o) => Object.values(o)));
  } else if (objects.length) {
    const all = new Set<string>();
    for (const o of objects) for (const k of Object.keys(o)) all.add(k);
    s.required = new Set([...all].filter((k) => objects.every((o) => k in o)));
    for (const k of all)
      s.keys.set(
        k,
        learn(
          objects.filter((o) => k in o).map((o) => o[k]),
          k,
        ),
      );
  }
  if (elements.length) s.element = learn(elements, key);
  return s;
}

/** The exchange's own schema, with array elements (at any depth) widened by the peers' schema. */
export function widen(own: Schema, peers: Schema): Schema {
  const keys = new Map<string, Schema>();
  for (const [k, sub] of own.keys)
    keys.set(k, peers.keys.get(k) ? widen(sub, peers.keys.get(k) as Schema) : sub);
  return { ...own, keys, element: peers.element ?? own.element };
}

/** Differences between a value and a schema, as readable paths. Empty when it fits. */
export function check(value: unknown, schema: Schema, path = '$', key?: string): string[] {
  const k = kindOf(value, key);
  if (!schema.kinds.has(k)) return [`${path}: ${k}, recorded ${[...schema.kinds].join('|')}`];
  const out: string[] = [];
  if (k === 'object' && schema.mapValue) {
    for (const [name, v] of Object.entries(value as Record<string, unknown>))
      out.push(...check(v, schema.mapValue, `${path}.${name}`));
  } else if (k === 'object') {
    const o = value as Record<string, unknown>;
    for (const name of Object.keys(o)) {
      const sub = schema.keys.get(name);
      if (!sub) out.push(`${path}.${name}: not in the recording`);
      else out.push(...check(o[name], sub, `${path}.${name}`, name));
    }
    for (const name of schema.required ?? [])
      if (!(name in o)) out.push(`${path}.${name}: missing`);
  }
  if (k === 'array' && schema.element) {
    (value as unknown[]).forEach((el, i) => {
      if (out.length < 20) out.push(...check(el, schema.element as Schema, `${path}[${i}]`, key));
    });
  }
  return out;
}

/** Shape differences of `actual` against `recorded` (array elements also against `peers`). */
export function shapeDiff(recorded: unknown, actual: unknown, peers: unknown[] = []): string[] {
  const own = learn([recorded]);
  return check(actual, peers.length ? widen(own, learn([recorded, ...peers])) : own);
}
