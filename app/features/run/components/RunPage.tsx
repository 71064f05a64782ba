import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { artifactListQueryOptions } from '../../../lib/shared-queries';
import { loggedModelFolders } from '../model/rows';
import { runQueryOptions } from '../queries';
import { DatasetsSection } from './DatasetsSection';
import { MetricCharts } from './MetricCharts';
import { MetricsTable } from './MetricsTable';
import { ModelsSection } from './ModelsSection';
import { ParamsTable } from './ParamsTable';
import { RelatedSection } from './RelatedSection';
import { RunDescription } from './RunDescription';
import { RunHeader } from './RunHeader';
import { TagsTable } from './TagsTable';
import { useAfterFirstPaint } from '../../../components/use-after-first-paint';

/**
 * Everything a run holds. The artifacts browser belongs to another feature:
 * the route passes it in as `artifacts`, so this feature does not import it.
 */
export function RunPage({ runId, artifacts }: { runId: string; artifacts: ReactNode }) {
  const { data: run, error, isPending, refetch } = useQuery(runQueryOptions(runId));
  const rest = useAfterFirstPaint(!!run);
  // The root listing (fetched by the browser) tells whether a `model` folder exists.
  const root = useQuery({ ...artifactListQueryOptions(runId, ''), enabled: false });
  if (isPending) return <Spinner label="Loading run…" />;
  if (error) return <ErrorNotice title="Run" error={error} onRetry={() => void refetch()} />;
  const rootDirs = (root.data?.files ?? []).filter((f) => f.isDir).map((f) => f.path);
  const modelFolders = loggedModelFolders(run.tags, rootDirs);
  return (
    <div className="run-page">
      <RunHeader run={run} modelFolders={modelFolders} />
      <RunDescription run={run} />
      <div className="run-tables">
        <ParamsTable params={run.params} />
        <MetricsTable runId={runId} metrics={run.metrics} />
      </div>
      <TagsTable runId={runId} tags={run.tags} />
      <DatasetsSection datasets={run.datasets} />
      <ModelsSection run={run} />
      <section aria-labelledby="run-artifacts" className="run-section">
        <h2 id="run-artifacts">Artifacts</h2>
        {artifacts}
      </section>
      {rest ? (
        <>
          <MetricCharts runId={runId} experimentId={run.info.experimentId} metrics={run.metrics} />
          <RelatedSection runId={runId} experimentId={run.info.experimentId} />
        </>
      ) : null}
    </div>
  );
}
