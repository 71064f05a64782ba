/**
 * `/graphql` as MLflow 2.17 answers the two queries its own UI sends
 * (mlflowGetRun, mlflowGetExperiment). Runlens does not use GraphQL; this is
 * a minimal selection-set projector so the route answers like the real one:
 * int64 fields as strings, a NaN metric as null plus an error, not-found as
 * `{data: {field: null}, errors: [message]}`.
 */
import type { WireExperiment, WireKeyValue } from '../../app/api/wire';
import type { Db } from '../db';
import { json, type Ctx } from './http';
import type { RouteDef } from './router';
import { runDataToWire } from './serialize';

interface Field {
  name: string;
  alias: string;
  args: Record<string, unknown>;
  selections: Field[];
}

const VAR = Symbol('var');
type VarRef = { [VAR]: string };

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  private ws(): void {
    while (this.i < this.src.length) {
      const c = this.src[this.i];
      if (c === '#') while (this.i < this.src.length && this.src[this.i] !== '\n') this.i++;
      else if (/[\s,]/.test(c)) this.i++;
      else break;
    }
  }

  private peek(): string {
    this.ws();
    return this.src[this.i] ?? '';
  }

  private name(): string {
    this.ws();
    const m = /^[_A-Za-z][_0-9A-Za-z]*/.exec(this.src.slice(this.i));
    if (!m) throw new Error(`Syntax Error: Expected Name, found ${this.src[this.i] ?? '<EOF>'}.`);
    this.i += m[0].length;
    return m[0];
  }

  private value(): unknown {
    const c = this.peek();
    if (c === '$') {
      this.i++;
      return { [VAR]: this.name() } satisfies VarRef;
    }
    if (c === '"') {
      const m = /^"(?:[^"\\]|\\.)*"/.exec(this.src.slice(this.i));
      if (!m) throw new Error('Syntax Error: Unterminated string.');
      this.i += m[0].length;
      return JSON.parse(m[0]);
    }
    if (c === '{') {
      this.i++;
      const o: Record<string, unknown> = {};
      while (this.peek() !== '}') {
        const k = this.name();
        this.expect(':');
        o[k] = this.value();
      }
      this.i++;
      return o;
    }
    if (c === '[') {
      this.i++;
      const a: unknown[] = [];
      while (this.peek() !== ']') a.push(this.value());
      this.i++;
      return a;
    }
    const m = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/.exec(this.src.slice(this.i));
    if (m) {
      this.i += m[0].length;
      return Number(m[0]);
    }
    const word = this.name();
    return word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : word;
  }

  private expect(ch: string): void {
    if (this.peek() !== ch)
      throw new Error(`Syntax Error: Expected "${ch}", found ${this.peek() || '<EOF>'}.`);
    this.i++;
  }

  private args(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (this.peek() !== '(') return out;
    this.i++;
    while (this.peek() !== ')') {
      const k = this.name();
      this.expect(':');
      out[k] = this.value();
    }
    this.i++;
    return out;
  }

  private directives(): void {
    while (this.peek() === '@') {
      this.i++;
      this.name();
      this.args();
    }
  }

  selectionSet(): Field[] {
    this.expect('{');
    const out: Field[] = [];
    while (this.peek() !== '}') {
      const alias = this.name();
      let name = alias;
      if (this.peek() === ':') {
        this.i++;
        name = this.name();
      }
      const args = this.args();
      this.directives();
      const selections = this.peek() === '{' ? this.selectionSet() : [];
      out.push({ name, alias, args, selections });
    }
    this.i++;
    return out;
  }

  /** Skip `query Name($v: T!) @dir(...)` and read the operation's selection set. */
  document(): Field[] {
    if (this.peek() !== '{') {
      this.name();
      if (this.peek() !== '(' && this.peek() !== '{' && this.peek() !== '@') this.name();
      if (this.peek() === '(') {
        let depth = 0;
        do {
          const c = this.src[this.i++];
          if (c === '(') depth++;
          if (c === ')') depth--;
        } while (depth > 0 && this.i < this.src.length);
      }
      this.directives();
    }
    return this.selectionSet();
  }
}

function resolveVars(v: unknown, vars: Record<string, unknown>): unknown {
  if (v && typeof v === 'object' && VAR in v) return vars[(v as VarRef)[VAR]];
  if (Array.isArray(v)) return v.map((x) => resolveVars(x, vars));
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveVars(x, vars)]));
  }
  return v;
}

const NAN = Symbol('nan');
const str = (n: number | undefined): string | null =>
  n === undefined || n === null ? null : String(n);
const kv = (list: WireKeyValue[] | undefined): WireKeyValue[] =>
  (list ?? []).map((t) => ({ key: t.key, value: t.value }));

function experimentObject(e: WireExperiment): Record<string, unknown> {
  return {
    experimentId: e.experiment_id,
    name: e.name,
    artifactLocation: e.artifact_location ?? null,
    lifecycleStage: e.lifecycle_stage ?? 'active',
    creationTime: str(e.creation_time),
    lastUpdateTime: str(e.last_update_time),
    tags: kv(e.tags),
  };
}

function runObject(db: Db, runId: string): Record<string, unknown> | null {
  const run = db.runs.get(runId);
  if (!run) return null;
  const i = run.info;
  const data = runDataToWire(run);
  const experiment = db.experiments.get(i.experiment_id);
  const versions = [...db.modelVersions.values()].flat().filter((mv) => mv.run_id === runId);
  return {
    info: {
      runId: i.run_id,
      runUuid: i.run_id,
      runName: i.run_name ?? null,
      experimentId: i.experiment_id,
      userId: i.user_id ?? null,
      status: i.status ?? null,
      startTime: str(i.start_time),
      endTime: str(i.end_time),
      artifactUri: i.artifact_uri ?? null,
      lifecycleStage: i.lifecycle_stage ?? 'active',
    },
    data: {
      metrics: (data.metrics ?? []).map((m) => ({
        key: m.key,
        value: m.value === 'NaN' ? NAN : m.value,
        step: str(m.step),
        timestamp: str(m.timestamp),
      })),
      params: kv(data.params),
      tags: kv(data.tags),
    },
    inputs: {
      datasetInputs: run.inputs.map((d) => ({
        tags: kv(d.tags),
        dataset: {
          name: d.dataset.name,
          digest: d.dataset.digest,
          sourceType: d.dataset.source_type,
          source: d.dataset.source,
          schema: d.dataset.schema ?? null,
          profile: d.dataset.profile ?? null,
        },
      })),
    },
    experiment: experiment ? experimentObject(experiment) : null,
    modelVersions: versions.map((mv) => ({
      name: mv.name,
      version: mv.version,
      source: mv.source ?? null,
      status: mv.status ?? 'READY',
      runId: mv.run_id ?? null,
      currentStage: mv.current_stage ?? 'None',
      creationTimestamp: str(mv.creation_timestamp),
      lastUpdatedTimestamp: str(mv.last_updated_timestamp),
      description: mv.description ?? null,
    })),
  };
}

function project(value: unknown, fields: Field[], errors: string[]): unknown {
  if (value === NAN) {
    errors.push('Float cannot represent non numeric value: nan');
    return null;
  }
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map((v) => project(v, fields, errors));
  if (!fields.length || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f.alias] = project(o[f.name], f.selections, errors);
  return out;
}

function execute(db: Db, query: string, variables: Record<string, unknown>): unknown {
  let fields: Field[];
  try {
    fields = new Parser(query).document();
  } catch (e) {
    return { data: null, errors: [e instanceof Error ? e.message : String(e)] };
  }
  const errors: string[] = [];
  const data: Record<string, unknown> = {};
  for (const f of fields) {
    const input = (resolveVars(f.args.input, variables) ?? {}) as Record<string, unknown>;
    if (f.name === 'mlflowGetRun') {
      const runId = String(input.runId ?? '');
      const run = runObject(db, runId);
      if (!run) errors.push(`Run with id=${runId} not found`);
      data[f.alias] = run ? project({ run, apiError: null }, f.selections, errors) : null;
    } else if (f.name === 'mlflowGetExperiment') {
      const id = String(input.experimentId ?? '');
      const e = db.experiments.get(id);
      if (!e) errors.push(`No Experiment with id=${id} exists`);
      data[f.alias] = e
        ? project({ experiment: experimentObject(e), apiError: null }, f.selections, errors)
        : null;
    } else {
      errors.push(`Cannot query field "${f.name}" on type "QueryType".`);
      data[f.alias] = null;
    }
  }
  return { data, errors: errors.length ? errors : null };
}

function handle({ db, args }: Ctx): Response {
  const query = args.str('query') ?? '';
  const raw = args.raw('variables');
  let variables: Record<string, unknown> = {};
  if (typeof raw === 'string') {
    try {
      variables = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      variables = {};
    }
  } else if (raw && typeof raw === 'object') {
    variables = raw as Record<string, unknown>;
  }
  return json(execute(db, query, variables));
}

export function graphqlRoutes(): RouteDef[] {
  return [{ path: '/graphql', methods: { GET: handle, POST: handle } }];
}
