import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Metric } from '../../../api';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { useUrlParam } from '../../../components/use-url-state';
import { isSystemMetric } from '../model/chart';
import { sampledMetricQueryOptions } from '../queries';
import { useInView } from './use-in-view';
import { comparePath } from '../../../lib/paths';
import { compareText } from '../../../lib/compare-text';

// recharts is loaded only when a chart scrolls into view.
const SmallChart = lazy(() =>
  import('./MetricChartViews').then((m) => ({ default: m.SmallChart })),
);
const FullChart = lazy(() => import('./MetricChartViews').then((m) => ({ default: m.FullChart })));

/** A small chart per metric (system metrics apart, on a time axis); click one for the full chart. */
export function MetricCharts({
  runId,
  experimentId,
  metrics,
}: {
  runId: string;
  experimentId: string;
  metrics: Record<string, Metric>;
}) {
  const keys = useMemo(() => Object.keys(metrics).sort((a, b) => compareText(a, b)), [metrics]);
  const model = keys.filter((k) => !isSystemMetric(k));
  const system = keys.filter(isSystemMetric);
  const [open, setOpen] = useUrlParam('metric');
  return (
    <>
      {model.length ? (
        <section aria-labelledby="run-charts" className="run-section">
          <div className="toolbar">
            <h2 id="run-charts" style={{ margin: 0 }}>
              Metric charts
            </h2>
            <Link className="button small" to={comparePath({ runIds: [runId] })}>
              Open in compare
            </Link>
          </div>
          <div className="run-chart-grid">
            {model.map((k) => (
              <ChartCard key={k} runId={runId} metricKey={k} system={false} />
            ))}
          </div>
        </section>
      ) : null}
      {system.length ? (
        <section aria-labelledby="run-system-charts" className="run-section">
          <h2 id="run-system-charts">System metrics</h2>
          <div className="run-chart-grid">
            {system.map((k) => (
              <ChartCard key={k} runId={runId} metricKey={k} system />
            ))}
          </div>
        </section>
      ) : null}
      {open && metrics[open] ? (
        <Dialog open title={`Metric ${open}`} onClose={() => setOpen('')}>
          <Suspense fallback={<Spinner label="Loading chart…" />}>
            <FullChart
              runId={runId}
              experimentId={experimentId}
              metricKey={open}
              system={isSystemMetric(open)}
            />
          </Suspense>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setOpen('')}>
              Close
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}

function ChartCard({
  runId,
  metricKey,
  system,
}: {
  runId: string;
  metricKey: string;
  system: boolean;
}) {
  const [ref, seen] = useInView<HTMLDivElement>();
  const [params] = useSearchParams();
  const q = useQuery({ ...sampledMetricQueryOptions(runId, metricKey), enabled: seen });
  const next = new URLSearchParams(params);
  next.set('metric', metricKey);
  const href = `?${next.toString()}`;
  return (
    <div ref={ref} className="card chart-card">
      <Link
        to={href}
        preventScrollReset
        className="chart-title mono"
        aria-label={`Open chart ${metricKey}`}
      >
        {metricKey}
      </Link>
      <div className="chart-box">
        {!seen || q.isPending ? <Spinner label="" /> : null}
        {q.error ? <ErrorNotice error={q.error} /> : null}
        {q.data ? (
          <Suspense fallback={<Spinner label="" />}>
            <SmallChart points={q.data} system={system} />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
