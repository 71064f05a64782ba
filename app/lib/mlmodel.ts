/**
 * Parse an MLflow `MLmodel` file (YAML) into what a model card shows.
 * The signature's inputs/outputs/params are JSON documents inside YAML strings
 * (that is how MLflow writes them), so they are parsed a second time here.
 * Garbage never throws: the caller gets `{ ok: false, error }` with a message
 * worth showing, or a model whose `signatureError` explains the broken part.
 */
import { parse as parseYaml } from 'yaml';
import { maxOf } from './extent';

/** A named (or unnamed) column of a column-based schema. */
export interface ColumnSpec {
  kind: 'column';
  name: string | null;
  /** 'double', 'string', ... or a described compound type ('array<string>'). */
  type: string;
  required: boolean;
}

/** A tensor of a tensor-based schema. */
export interface TensorSpec {
  kind: 'tensor';
  name: string | null;
  dtype: string;
  /** -1 marks a variable dimension. */
  shape: number[];
  required: boolean;
}

export type SchemaField = ColumnSpec | TensorSpec;

export interface ParamSpec {
  name: string;
  type: string;
  /** The default value as JSON text ('0.5', '"greedy"', 'null'). */
  defaultValue: string;
  shape: number[] | null;
}

export interface ModelSignature {
  inputs: SchemaField[];
  outputs: SchemaField[];
  params: ParamSpec[];
}

export interface ModelFlavor {
  name: string;
  details: Record<string, unknown>;
}

export interface InputExampleInfo {
  /** Relative to the model folder, e.g. `input_example.json`. */
  path: string;
  type: string;
  pandasOrient: string | null;
  servingInputPath: string | null;
}

export interface MlModel {
  artifactPath: string | null;
  flavors: ModelFlavor[];
  /** null when the model was logged without a signature. */
  signature: ModelSignature | null;
  /** Set when a signature exists but could not be read; the rest stays usable. */
  signatureError: string | null;
  inputExample: InputExampleInfo | null;
  runId: string | null;
  modelUuid: string | null;
  utcTimeCreated: string | null;
  mlflowVersion: string | null;
  modelSizeBytes: number | null;
  /** The whole parsed document, for a raw view. */
  raw: Record<string, unknown>;
}

export type MlModelResult = { ok: true; model: MlModel } | { ok: false; error: string };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;

export function parseMlModel(text: string): MlModelResult {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    return {
      ok: false,
      error: `MLmodel is not valid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
    };
  }
  if (!isObj(doc))
    return {
      ok: false,
      error: 'MLmodel is not a YAML mapping (expected keys such as flavors and run_id).',
    };

  const flavors: ModelFlavor[] = isObj(doc.flavors)
    ? Object.entries(doc.flavors).map(([name, details]) => ({
        name,
        details: isObj(details) ? details : {},
      }))
    : [];

  let signature: ModelSignature | null = null;
  let signatureError: string | null = null;
  if (isObj(doc.signature)) {
    try {
      signature = parseSignature(doc.signature);
    } catch (e) {
      signatureError = e instanceof Error ? e.message : String(e);
    }
  } else if (doc.signature !== undefined && doc.signature !== null) {
    signatureError = 'signature is not a mapping';
  }

  const ex = doc.saved_input_example_info;
  const inputExample: InputExampleInfo | null =
    isObj(ex) && typeof ex.artifact_path === 'string'
      ? {
          path: ex.artifact_path,
          type: str(ex.type) ?? 'unknown',
          pandasOrient: str(ex.pandas_orient),
          servingInputPath: str(ex.serving_input_path),
        }
      : null;

  return {
    ok: true,
    model: {
      artifactPath: str(doc.artifact_path),
      flavors,
      signature,
      signatureError,
      inputExample,
      runId: str(doc.run_id),
      modelUuid: str(doc.model_uuid),
      utcTimeCreated: str(doc.utc_time_created),
      mlflowVersion: str(doc.mlflow_version),
      modelSizeBytes: typeof doc.model_size_bytes === 'number' ? doc.model_size_bytes : null,
      raw: doc,
    },
  };
}

function parseSignature(sig: Obj): ModelSignature {
  return {
    inputs: parseSchema(sig.inputs, 'inputs'),
    outputs: parseSchema(sig.outputs, 'outputs'),
    params: parseParams(sig.params),
  };
}

/** A YAML string holding JSON (the normal case), or already-structured YAML. */
function jsonField(v: unknown, label: string): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    throw new Error(`signature ${label} is not valid JSON`);
  }
}

function parseSchema(v: unknown, label: string): SchemaField[] {
  const list = jsonField(v, label);
  if (list === null) return [];
  if (!Array.isArray(list)) throw new Error(`signature ${label} is not a list`);
  return list.map((item, i) => {
    if (!isObj(item)) throw new Error(`signature ${label}[${i}] is not an object`);
    const name = str(item.name);
    const required = item.required !== false;
    if (item.type === 'tensor') {
      const spec = isObj(item['tensor-spec']) ? item['tensor-spec'] : {};
      return {
        kind: 'tensor',
        name,
        dtype: str(spec.dtype) ?? 'unknown',
        shape: numList(spec.shape) ?? [],
        required,
      };
    }
    return { kind: 'column', name, type: describeType(item), required };
  });
}

/** 'double'; array -> 'array<items>'; object -> 'object{a: long, b: string}'; map -> 'map<values>'. */
export function describeType(t: unknown): string {
  if (typeof t === 'string') return t;
  if (!isObj(t)) return 'unknown';
  if (t.type === 'array') return `array<${describeType(t.items)}>`;
  if (t.type === 'map') return `map<${describeType(t.values)}>`;
  if (t.type === 'object' && isObj(t.properties)) {
    const props = Object.entries(t.properties).map(([k, p]) => `${k}: ${describeType(p)}`);
    return `object{${props.join(', ')}}`;
  }
  return str(t.type) ?? 'unknown';
}

function parseParams(v: unknown): ParamSpec[] {
  const list = jsonField(v, 'params');
  if (list === null) return [];
  if (!Array.isArray(list)) throw new Error('signature params is not a list');
  return list.map((p, i) => {
    if (!isObj(p)) throw new Error(`signature params[${i}] is not an object`);
    return {
      name: str(p.name) ?? `#${i}`,
      type: str(p.type) ?? 'unknown',
      defaultValue: JSON.stringify(p.default ?? null),
      shape: numList(p.shape),
    };
  });
}

function numList(v: unknown): number[] | null {
  return Array.isArray(v) && v.every((n) => typeof n === 'number') ? (v as number[]) : null;
}

/** requirements.txt -> requirement lines (comments, blanks and pip options dropped). */
export function parseRequirements(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('-'));
}

export interface ExampleTable {
  columns: string[];
  rows: unknown[][];
}

/**
 * An input example as a table when it has a tabular shape: pandas `split`
 * (`{columns, data}`, also wrapped as `dataframe_split`), `records` (a list of
 * flat objects), or `inputs` as a list of lists. Otherwise null (show JSON).
 */
export function inputExampleTable(example: unknown): ExampleTable | null {
  const v = isObj(example) && isObj(example.dataframe_split) ? example.dataframe_split : example;
  if (isObj(v) && Array.isArray(v.data)) {
    const rows = v.data.filter(Array.isArray) as unknown[][];
    const width = maxOf(
      rows.map((r) => r.length),
      0,
    );
    const columns = Array.isArray(v.columns)
      ? v.columns.map((c) => String(c))
      : Array.from({ length: width }, (_, i) => String(i));
    return rows.length === v.data.length ? { columns, rows } : null;
  }
  const records =
    isObj(example) && Array.isArray(example.dataframe_records) ? example.dataframe_records : v;
  if (Array.isArray(records) && records.length && records.every(isObj)) {
    const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
    return { columns, rows: records.map((r) => columns.map((c) => r[c])) };
  }
  return null;
}

/** A schema field's name for display: tensors and columns may be unnamed. */
export function fieldName(f: SchemaField, index: number): string {
  return f.name ?? `#${index}`;
}

/** A field's type for display: 'double' or 'tensor int64 [-1, 4]'. */
export function fieldType(f: SchemaField): string {
  return f.kind === 'tensor' ? `tensor ${f.dtype} [${f.shape.join(', ')}]` : f.type;
}
