import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Metric } from '../../../api';
import { formatNumber } from '../../../lib/format';
import { filterKeyValues, summarizeHistory } from '../model/rows';
import { metricHistoryQueryOptions } from '../queries';
import { useInView } from './use-in-view';
import { FIRST_PAINT_ROWS, useAfterFirstPaint } from './use-after-first-paint';
import { SearchBox } from './ValueCell';

/** Latest value per metric; min, max and step count come from the history, fetched as rows scroll into view. */
export function MetricsTable({ runId, metrics }: { runId: string; metrics: Record<string, Metric> }) {
  const [q, setQ] = useState('');
  const query = useDeferredValue(q);
  const [params] = useSearchParams();
  const all = useMemo(
    () => Object.keys(metrics).sort((a, b) => a.localeCompare(b)).map((key) => ({ key, value: '' })),
    [metrics],
  );
  const rows = useMemo(() => filterKeyValues(all, query), [all, query]);
  // the box shows a dozen rows: the other hundreds (an observer and a query each) render after the first paint
  const full = useAfterFirstPaint();
  const shown = full ? rows : rows.slice(0, FIRST_PAINT_ROWS);
  const chartHref = (key: string) => {
    const p = new URLSearchParams(params);
    p.set('metric', key);
    return `?${p.toString()}`;
  };
  return (
    <section aria-labelledby="run-metrics" className="run-section card">
      <div className="toolbar">
        <h2 id="run-metrics" style={{ margin: 0 }}>
          Metrics <span className="muted">({all.length})</span>
        </h2>
        <SearchBox id="metrics-search" label="Search metrics" value={q} onChange={setQ} />
      </div>
      {all.length === 0 ? (
        <p className="muted">No metrics.</p>
      ) : (
        <div className="section-scroll">
          <table className="table" aria-labelledby="run-metrics">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="num">Latest</th>
                <th scope="col" className="num">Min</th>
                <th scope="col" className="num">Max</th>
                <th scope="col" className="num">Steps</th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ key }) => (
                <MetricRow key={key} runId={runId} metric={metrics[key]} href={chartHref(key)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function MetricRow({ runId, metric, href }: { runId: string; metric: Metric; href: string }) {
  const [ref, seen] = useInView<HTMLTableRowElement>();
  const history = useQuery({ ...metricHistoryQueryOptions(runId, metric.key), enabled: seen });
  const s = history.data ? summarizeHistory(history.data) : null;
  const pending = seen && history.isPending ? '…' : '';
  return (
    <tr ref={ref}>
      <td className="mono">
        <Link to={href} preventScrollReset title={`Open the chart of ${metric.key}`}>
          {metric.key}
        </Link>
      </td>
      <td className="num">{formatNumber(metric.value)}</td>
      <td className="num">{s ? formatNumber(s.min) : pending}</td>
      <td className="num">{s ? formatNumber(s.max) : pending}</td>
      <td className="num">{s ? s.steps.toLocaleString('en-US') : history.error ? '!' : pending}</td>
    </tr>
  );
}
