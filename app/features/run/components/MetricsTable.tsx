import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Metric } from '../../../api';
import { formatInt, formatNumber } from '../../../lib/format';
import { filterKeyValues, summarizeHistory } from '../model/rows';
import { metricHistoryQueryOptions } from '../queries';
import { useVirtualRows } from './use-virtual-rows';
import { SearchBox } from './ValueCell';
import { SpacerRow } from '../../../components/SpacerRow';
import { compareText } from '../../../lib/compare-text';

/** Latest value per metric; min, max and step count come from the history, fetched for the rows in view. */
export function MetricsTable({
  runId,
  metrics,
}: {
  runId: string;
  metrics: Record<string, Metric>;
}) {
  const [q, setQ] = useState('');
  const query = useDeferredValue(q);
  const [params] = useSearchParams();
  const all = useMemo(
    () =>
      Object.keys(metrics)
        .sort((a, b) => compareText(a, b))
        .map((key) => ({ key, value: '' })),
    [metrics],
  );
  const rows = useMemo(() => filterKeyValues(all, query), [all, query]);
  // histories are asked for (and rows measured) once the first paint is out
  const { scrollRef, items, top, bottom, afterPaint, measureRow } = useVirtualRows(rows.length, 30);
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
        <div className="section-scroll" ref={scrollRef}>
          <table className="table" aria-labelledby="run-metrics">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="num">
                  Latest
                </th>
                <th scope="col" className="num">
                  Min
                </th>
                <th scope="col" className="num">
                  Max
                </th>
                <th scope="col" className="num">
                  Steps
                </th>
              </tr>
            </thead>
            <tbody>
              <SpacerRow height={top} />
              {items.map(({ index }) => {
                const key = rows[index]?.key;
                const metric = key === undefined ? undefined : metrics[key];
                // The virtualizer counts rows, and rows are metrics' keys: never taken.
                if (key === undefined || !metric) return null;
                return (
                  <MetricRow
                    key={key}
                    index={index}
                    measureRow={measureRow}
                    load={afterPaint}
                    runId={runId}
                    metric={metric}
                    href={chartHref(key)}
                  />
                );
              })}
              <SpacerRow height={bottom} />
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface RowProps {
  index: number;
  measureRow: ((el: HTMLTableRowElement | null) => void) | undefined;
  load: boolean;
  runId: string;
  metric: Metric;
  href: string;
}

/** Only rows near the view are rendered, so each asks for its history (after the first paint) as it mounts. */
function MetricRow({ index, measureRow, load, runId, metric, href }: RowProps) {
  const history = useQuery({ ...metricHistoryQueryOptions(runId, metric.key), enabled: load });
  const s = history.data ? summarizeHistory(history.data) : null;
  const pending = history.isPending ? '…' : '';
  return (
    <tr data-index={index} ref={measureRow}>
      <td className="mono">
        <Link to={href} preventScrollReset title={`Open the chart of ${metric.key}`}>
          {metric.key}
        </Link>
      </td>
      <td className="num">{formatNumber(metric.value)}</td>
      <td className="num">{s ? formatNumber(s.min) : pending}</td>
      <td className="num">{s ? formatNumber(s.max) : pending}</td>
      <td className="num">{s ? formatInt(s.steps) : history.error ? '!' : pending}</td>
    </tr>
  );
}
