import { useMemo } from 'react';
import {
  fieldName,
  fieldType,
  inputExampleTable,
  parseRequirements,
  type MlModel,
  type ParamSpec,
  type SchemaField,
} from '../lib/mlmodel';

/**
 * A model card from a parsed MLmodel file: flavors, signature, params, input
 * example and requirements. Presentational: the caller fetches the texts (a
 * run artifact or a model-version artifact) and passes what it has. Server
 * text is rendered as text only.
 */
export function ModelCard({
  model,
  inputExampleText,
  requirementsText,
}: {
  model: MlModel;
  /** The input example file's text, when fetched. */
  inputExampleText?: string | null;
  /** requirements.txt, when fetched. */
  requirementsText?: string | null;
}) {
  const sig = model.signature;
  return (
    <div className="model-card">
      <section aria-labelledby="mc-flavors">
        <h3 id="mc-flavors">Flavors</h3>
        {model.flavors.length ? (
          <ul className="chips">
            {model.flavors.map((f) => (
              <li key={f.name} className="chip" title={flavorTitle(f.details)}>
                {f.name}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No flavors listed.</p>
        )}
        <dl className="kv model-card-meta">
          {model.mlflowVersion ? (
            <>
              <dt>MLflow version</dt>
              <dd>{model.mlflowVersion}</dd>
            </>
          ) : null}
          {model.utcTimeCreated ? (
            <>
              <dt>Created (UTC)</dt>
              <dd>{model.utcTimeCreated}</dd>
            </>
          ) : null}
          {model.modelUuid ? (
            <>
              <dt>Model UUID</dt>
              <dd className="mono">{model.modelUuid}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="mc-signature">
        <h3 id="mc-signature">Signature</h3>
        {model.signatureError ? (
          <p className="error-notice" role="alert">
            The signature could not be read: {model.signatureError}
          </p>
        ) : null}
        {!sig && !model.signatureError ? (
          <p className="muted">This model was logged without a signature.</p>
        ) : null}
        {sig ? (
          <div className="grid-2">
            <SchemaTable caption="Inputs" fields={sig.inputs} />
            <SchemaTable caption="Outputs" fields={sig.outputs} />
          </div>
        ) : null}
        {sig && sig.params.length ? <ParamsTable params={sig.params} /> : null}
      </section>

      {model.inputExample || inputExampleText ? (
        <section aria-labelledby="mc-example">
          <h3 id="mc-example">Input example</h3>
          {inputExampleText ? (
            <InputExample text={inputExampleText} />
          ) : (
            <p className="muted">{model.inputExample?.path} (not loaded)</p>
          )}
        </section>
      ) : null}

      {requirementsText != null ? (
        <section aria-labelledby="mc-reqs">
          <h3 id="mc-reqs">Requirements</h3>
          <Requirements text={requirementsText} />
        </section>
      ) : null}
    </div>
  );
}

function flavorTitle(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join('\n');
}

function SchemaTable({ caption, fields }: { caption: string; fields: SchemaField[] }) {
  return (
    <table className="table model-card-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Required</th>
        </tr>
      </thead>
      <tbody>
        {fields.length ? (
          fields.map((f, i) => (
            <tr key={i}>
              <td>{fieldName(f, i)}</td>
              <td className="mono">{fieldType(f)}</td>
              <td>{f.required ? 'yes' : 'no'}</td>
            </tr>
          ))
        ) : (
          <tr>
            <td colSpan={3} className="muted">
              none
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function ParamsTable({ params }: { params: ParamSpec[] }) {
  return (
    <table className="table model-card-table">
      <caption>Params</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Default</th>
          <th scope="col">Shape</th>
        </tr>
      </thead>
      <tbody>
        {params.map((p) => (
          <tr key={p.name}>
            <td>{p.name}</td>
            <td className="mono">{p.type}</td>
            <td className="mono">{p.defaultValue}</td>
            <td className="mono">{p.shape ? `[${p.shape.join(', ')}]` : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const MAX_EXAMPLE_ROWS = 50;

function InputExample({ text }: { text: string }) {
  const view = useMemo(() => {
    try {
      const value = JSON.parse(text) as unknown;
      return { table: inputExampleTable(value), pretty: JSON.stringify(value, null, 2) };
    } catch {
      return { table: null, pretty: text };
    }
  }, [text]);
  if (!view.table) return <pre className="pre-wrap model-card-json">{view.pretty}</pre>;
  const { columns, rows } = view.table;
  return (
    <div className="model-card-scroll">
      <table className="table model-card-table">
        <caption className="visually-hidden">Input example</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, MAX_EXAMPLE_ROWS).map((r, i) => (
            <tr key={i}>
              {columns.map((c, j) => (
                <td key={c} className="mono">
                  {cellText(r[j])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > MAX_EXAMPLE_ROWS ? (
        <p className="muted">{rows.length - MAX_EXAMPLE_ROWS} more rows not shown.</p>
      ) : null}
    </div>
  );
}

function cellText(v: unknown): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function Requirements({ text }: { text: string }) {
  const reqs = parseRequirements(text);
  if (!reqs.length) return <p className="muted">No requirements listed.</p>;
  return (
    <ul className="model-card-reqs" aria-label="Requirements">
      {reqs.map((r) => (
        <li key={r} className="mono">
          {r}
        </li>
      ))}
    </ul>
  );
}
