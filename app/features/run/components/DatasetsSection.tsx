import type { DatasetInput } from '../../../api';
import { profileRows, schemaRows } from '../model/dataset';

function sourceText(d: DatasetInput['dataset']): string {
  const s = d.source;
  if (s && typeof s === 'object') {
    const o = s as Record<string, unknown>;
    for (const k of ['url', 'uri', 'path', 'table_name'])
      if (typeof o[k] === 'string') return o[k] as string;
  }
  return d.sourceRaw;
}

/** Datasets from `log_input`: name, digest, source, context, schema and profile as tables. */
export function DatasetsSection({ datasets }: { datasets: DatasetInput[] }) {
  if (!datasets.length) return null;
  return (
    <section aria-labelledby="run-datasets" className="run-section">
      <h2 id="run-datasets">Datasets</h2>
      <div className="grid-2">
        {datasets.map((input, i) => {
          const d = input.dataset;
          const schema = schemaRows(d.schema);
          const profile = profileRows(d.profile);
          return (
            <article
              key={`${d.name}-${d.digest}-${i}`}
              className="card"
              aria-label={`Dataset ${d.name}`}
            >
              <h3 style={{ marginTop: 0 }}>
                {d.name} {input.context ? <span className="badge">{input.context}</span> : null}
              </h3>
              <dl className="kv">
                <dt>Digest</dt>
                <dd className="mono">{d.digest}</dd>
                <dt>Source</dt>
                <dd className="mono">
                  {sourceText(d)}{' '}
                  {d.sourceType ? <span className="muted">({d.sourceType})</span> : null}
                </dd>
              </dl>
              {schema ? (
                <table className="table" aria-label={`Schema of ${d.name}`}>
                  <thead>
                    <tr>
                      <th scope="col">Column</th>
                      <th scope="col">Type</th>
                      <th scope="col">Required</th>
                    </tr>
                  </thead>
                  <tbody>
                    {schema.map((c, j) => (
                      <tr key={j}>
                        <td className="mono">{c.name}</td>
                        <td>{c.type}</td>
                        <td>{c.required}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : d.schemaRaw ? (
                <pre className="pre-wrap">{d.schemaRaw}</pre>
              ) : null}
              {profile ? (
                <table className="table" aria-label={`Profile of ${d.name}`}>
                  <tbody>
                    {profile.map(([k, v]) => (
                      <tr key={k}>
                        <th scope="row">{k}</th>
                        <td className="mono">{v}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : d.profileRaw ? (
                <pre className="pre-wrap">{d.profileRaw}</pre>
              ) : null}
            </article>
          );
        })}
      </div>
    </section>
  );
}
