import { useQueries } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Metric } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { formatNumber } from '../../../lib/format';
import { parseMlModel, type ModelSignature } from '../../../lib/mlmodel';
import { modelVersionQueryOptions, runQueryOptions } from '../../../lib/shared-queries';
import {
  diffRecords,
  onlyDiffering,
  sameNumber,
  signatureRecord,
  type DiffRow,
} from '../model/diff';
import { modelPath, modelVersionPath, modelsPath } from '../../../lib/paths';
import { modelVersionFileQueryOptions } from '../queries';

/** Versions side by side: source-run params and metrics, and signatures; differing rows highlighted. */
export function ComparePage({ name, versions }: { name: string; versions: string[] }) {
  const [onlyDiff, setOnlyDiff] = useState(false);
  const mvs = useQueries({ queries: versions.map((v) => modelVersionQueryOptions(name, v)) });
  const runs = useQueries({
    queries: mvs.map((q) => ({
      ...runQueryOptions(q.data?.runId ?? ''),
      enabled: !!q.data?.runId,
    })),
  });
  const files = useQueries({
    queries: versions.map((v) => modelVersionFileQueryOptions(name, v, 'MLmodel')),
  });

  // Small tables (tens of keys): computed per render rather than memoized on unstable query arrays.
  const paramRows = diffRecords(runs.map((r) => r.data?.params ?? {}));
  const metricRows = diffRecords(
    runs.map((r) => metricValues(r.data?.metrics ?? {})),
    sameNumber,
  );
  const signatureRows = diffRecords(
    files.map((f) => signatureRecord(f.data === undefined ? null : signatureOf(f.data))),
  );

  if (versions.length < 2) {
    return (
      <section className="page">
        <h1>Compare versions of {name}</h1>
        <p className="empty">
          Pick at least two versions to compare on <Link to={modelPath(name)}>the model page</Link>.
        </p>
      </section>
    );
  }
  const failed = mvs.find((q) => q.isError);
  const loading =
    mvs.some((q) => q.isPending) || runs.some((r, i) => r.isPending && !!mvs[i]?.data?.runId);

  return (
    <section className="page">
      <nav className="muted">
        <Link to={modelsPath()}>Models</Link> / <Link to={modelPath(name)}>{name}</Link> /
      </nav>
      <div className="toolbar">
        <h1 style={{ margin: 0 }}>Compare versions of {name}</h1>
        <span className="grow" />
        <label>
          <input
            type="checkbox"
            checked={onlyDiff}
            onChange={(e) => setOnlyDiff(e.target.checked)}
          />{' '}
          Only differences
        </label>
      </div>
      {failed ? <ErrorNotice title="A version could not be loaded" error={failed.error} /> : null}
      {loading ? <Spinner label="Loading versions…" /> : null}
      <DiffTable
        caption="Parameters"
        versions={versions}
        name={name}
        rows={onlyDiffering(paramRows, onlyDiff)}
        render={(v) => v}
      />
      <DiffTable
        caption="Metrics"
        versions={versions}
        name={name}
        rows={onlyDiffering(metricRows, onlyDiff)}
        render={(v) => formatNumber(v)}
      />
      <DiffTable
        caption="Signature"
        versions={versions}
        name={name}
        rows={onlyDiffering(signatureRows, onlyDiff)}
        render={(v) => v}
      />
      {files.some((f) => f.isError) ? (
        <p className="muted">
          Some versions have no readable MLmodel file; their signature column is empty.
        </p>
      ) : null}
    </section>
  );
}

function metricValues(metrics: Record<string, Metric>): Record<string, number> {
  return Object.fromEntries(Object.entries(metrics).map(([k, m]) => [k, m.value]));
}

function signatureOf(text: string): ModelSignature | null {
  const r = parseMlModel(text);
  return r.ok ? r.model.signature : null;
}

function DiffTable<T>({
  caption,
  name,
  versions,
  rows,
  render,
}: {
  caption: string;
  name: string;
  versions: string[];
  rows: DiffRow<T>[];
  render: (v: T) => ReactNode;
}) {
  const differing = rows.filter((r) => r.differs).length;
  return (
    <section className="registry-section">
      <table className="table registry-diff" aria-label={caption}>
        <caption style={{ textAlign: 'left', fontWeight: 600 }}>
          {caption}{' '}
          <span className="muted">
            ({differing} of {rows.length} differ)
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            {versions.map((v) => (
              <th key={v} scope="col">
                <Link to={modelVersionPath({ name, version: v })}>Version {v}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length ? (
            rows.map((r) => (
              <tr key={r.key} data-differs={r.differs || undefined}>
                <th scope="row" className="mono">
                  {r.key}
                  {r.differs ? <span className="visually-hidden"> (differs)</span> : null}
                </th>
                {r.values.map((v, i) => (
                  <td key={i} className={r.differs ? 'diff' : undefined}>
                    {v === undefined ? <span className="muted">—</span> : render(v)}
                  </td>
                ))}
              </tr>
            ))
          ) : (
            <tr>
              <td colSpan={versions.length + 1} className="muted">
                nothing to show
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
