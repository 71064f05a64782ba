import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { useUrlParams } from '../../../components/use-url-state';
import { formatNumber, truncate } from '../../../lib/format';
import { runPath } from '../../../lib/paths';
import { aggregates, expectationNames, scorerNames } from '../model/eval';
import {
  evaluationRunsQueryOptions,
  evaluationTracesQueryOptions,
  runQueryOptions,
} from '../queries';
import { EvalCompare } from './EvalCompare';
import { EvalTable } from './EvalTable';

/**
 * An `mlflow.genai.evaluate` run: its rows (inputs, outputs, expectations) with
 * a column per scorer, each scorer's aggregate beside the run's own
 * `<scorer>/mean` metric, a filter on failing rows (`?failing=1`), and a
 * second evaluation run to compare row by row (`?compare=<run id>`).
 */
export function EvaluationPage({ experimentId, runId }: { experimentId: string; runId: string }) {
  const [params, patch] = useUrlParams();
  const compareId = params.get('compare') ?? '';
  const failingOnly = params.get('failing') === '1';
  const run = useQuery(runQueryOptions(runId));
  const rows = useQuery(evaluationTracesQueryOptions(experimentId, runId));
  const others = useQuery(evaluationRunsQueryOptions(experimentId));
  const otherRows = useQuery({
    ...evaluationTracesQueryOptions(experimentId, compareId),
    enabled: !!compareId,
  });

  if (rows.isPending) return <Spinner label="Loading the evaluation…" />;
  if (rows.isError)
    return (
      <ErrorNotice title="Evaluation" error={rows.error} onRetry={() => void rows.refetch()} />
    );
  const scorers = scorerNames(rows.data);
  const aggs = aggregates(rows.data);
  const shown = failingOnly ? rows.data.filter((r) => r.failing) : rows.data;
  const runName = run.data?.info.name || runId;

  return (
    <div className="evaluation-page">
      <p className="muted">
        <Link to={runPath({ experimentId, runId })}>Run {runName}</Link> ›
      </p>
      <h1>Evaluation {runName}</h1>
      <section aria-labelledby="eval-aggregates" className="run-section">
        <h2 id="eval-aggregates">Scorers</h2>
        <table className="table" aria-label="Scorer aggregates">
          <thead>
            <tr>
              <th scope="col">Scorer</th>
              <th scope="col" className="num">
                Rows
              </th>
              <th scope="col" className="num">
                Mean
              </th>
              <th scope="col" className="num">
                Passed
              </th>
              <th scope="col" className="num">
                Failed
              </th>
              <th scope="col" className="num">
                Logged mean
              </th>
            </tr>
          </thead>
          <tbody>
            {aggs.map((a) => (
              <tr key={a.name}>
                <th scope="row">{a.name}</th>
                <td className="num">{a.count}</td>
                <td className="num">{a.mean === null ? '—' : formatNumber(a.mean)}</td>
                <td className="num">{a.passed}</td>
                <td className={a.failed ? 'num value-fail' : 'num'}>{a.failed}</td>
                <td className="num">{formatNumber(run.data?.metrics[`${a.name}/mean`]?.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className="toolbar">
        <label className="inline-check">
          <input
            type="checkbox"
            checked={failingOnly}
            onChange={(e) => patch({ failing: e.target.checked ? '1' : null })}
          />
          Only failing rows
        </label>
        <label>
          Compare with{' '}
          <select
            value={compareId}
            onChange={(e) => patch({ compare: e.target.value })}
            aria-label="Compare with evaluation run"
          >
            <option value="">(none)</option>
            {(others.data ?? [])
              .filter((r) => r.info.id !== runId)
              .map((r) => (
                <option key={r.info.id} value={r.info.id}>
                  {truncate(r.info.name || r.info.id, 60)}
                </option>
              ))}
          </select>
        </label>
        <span className="muted">
          {shown.length} of {rows.data.length} rows
        </span>
      </div>
      {compareId ? (
        otherRows.isPending ? (
          <Spinner label="Loading the other evaluation…" />
        ) : otherRows.isError ? (
          <ErrorNotice
            title="Evaluation to compare"
            error={otherRows.error}
            onRetry={() => void otherRows.refetch()}
          />
        ) : (
          <EvalCompare a={shown} b={otherRows.data} failingOnly={failingOnly} />
        )
      ) : (
        <EvalTable
          rows={shown}
          scorers={scorers}
          expectations={expectationNames(rows.data)}
          experimentId={experimentId}
        />
      )}
    </div>
  );
}
