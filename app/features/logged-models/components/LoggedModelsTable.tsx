import { Link } from 'react-router';
import type { LoggedModel } from '../../../api';
import { RelativeTime } from '../../../components/RelativeTime';
import { TagChips } from '../../../components/TagChips';
import { formatNumber } from '../../../lib/format';
import { loggedModelPath, runPath } from '../../../lib/paths';
import { metricValue, type MetricColumn } from '../model/metrics';

export const STATUS_LABEL: Record<LoggedModel['status'], string> = {
  READY: 'Ready',
  PENDING: 'Pending',
  FAILED: 'Upload failed',
  UNSPECIFIED: '—',
};

/** The logged models of a page of search results, one row each. */
export function LoggedModelsTable({
  models,
  metricCols,
  paramCols,
}: {
  models: LoggedModel[];
  metricCols: MetricColumn[];
  paramCols: string[];
}) {
  return (
    <div className="table-scroll">
      <table className="table" aria-label="Logged models">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">Source run</th>
            {metricCols.map((c) => (
              <th
                key={c.id}
                scope="col"
                className="num"
                title={c.datasetName ? `${c.key} on ${c.datasetName}` : c.key}
              >
                {c.label}
              </th>
            ))}
            {paramCols.map((p) => (
              <th key={p} scope="col">
                {p}
              </th>
            ))}
            <th scope="col">Tags</th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.id}>
              <td>
                <Link to={loggedModelPath(m.id)}>{m.name || m.id}</Link>
              </td>
              <td>{STATUS_LABEL[m.status]}</td>
              <td>
                <RelativeTime ms={m.creationTime} />
              </td>
              <td>
                {m.sourceRunId ? (
                  <Link
                    className="mono"
                    to={runPath({ experimentId: m.experimentId, runId: m.sourceRunId })}
                  >
                    {m.sourceRunId.slice(0, 8)}
                  </Link>
                ) : (
                  '—'
                )}
              </td>
              {metricCols.map((c) => (
                <td key={c.id} className="num">
                  {formatNumber(metricValue(m.metrics, c))}
                </td>
              ))}
              {paramCols.map((p) => (
                <td key={p}>{m.params[p] ?? ''}</td>
              ))}
              <td>
                <TagChips tags={m.tags} max={4} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
