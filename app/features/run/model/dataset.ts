/** A dataset's schema and profile (JSON strings on the wire, parsed by app/api) as table rows. */

export interface SchemaRow {
  name: string;
  type: string;
  required: string;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** `{"mlflow_colspec": [...]}`, `{"mlflow_tensorspec": ...}` or a bare list of fields; null when not a schema. */
export function schemaRows(schema: unknown): SchemaRow[] | null {
  let list: unknown = schema;
  if (isObj(schema)) {
    const spec =
      schema.mlflow_colspec ?? schema.mlflow_tensorspec ?? schema.fields ?? schema.columns;
    list = typeof spec === 'string' ? safeJson(spec) : spec;
    if (isObj(list) && Array.isArray(list.features)) list = list.features;
  }
  if (!Array.isArray(list)) return null;
  return list.map((f, i) => {
    if (!isObj(f)) return { name: `#${i}`, type: text(f), required: '' };
    const tensor = isObj(f['tensor-spec']) ? f['tensor-spec'] : null;
    const type = tensor ? `tensor ${text(tensor.dtype)} ${text(tensor.shape)}` : text(f.type);
    return {
      name: text(f.name) || `#${i}`,
      type,
      required: f.required === undefined ? '' : f.required ? 'yes' : 'no',
    };
  });
}

/** A flat profile (`{num_rows: 150}`) as key/value rows; nested values as JSON text. */
export function profileRows(profile: unknown): [string, string][] | null {
  if (!isObj(profile)) return null;
  return Object.entries(profile).map(([k, v]) => [k, text(v)]);
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return null;
  }
}
