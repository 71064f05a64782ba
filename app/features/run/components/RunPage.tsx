import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { artifactListQueryOptions, experimentQueryOptions } from '../../../lib/shared-queries';
import { experimentPath } from '../../../lib/paths';
import { loggedModelFolders } from '../model/rows';
import { runQueryOptions } from '../queries';
import { DatasetsSection } from './DatasetsSection';
import { MetricCharts } from './MetricCharts';
import { MetricsTable } from './MetricsTable';
import { ModelsSection } from './ModelsSection';
import { EvaluationLink } from './EvaluationLink';
import { ParamsTable } from './ParamsTable';
import { RelatedSection } from './RelatedSection';
import { RunDescription } from './RunDescription';
import { RunHeader } from './RunHeader';
import { RunSectionsNav } from './RunSectionsNav';
import { TagsTable } from './TagsTable';
import { useAfterFirstPaint } from '../../../components/use-after-first-paint';
import { isApiError } from '../../../api';
import { MissingObject } from '../../../components/MissingObject';
import { useDocumentTitle } from '../../../components/use-document-title';

/**
 * Everything a run holds. The artifacts browser belongs to another feature:
 * the route passes it in as `artifacts`, so this feature does not import it.
 */
export function RunPage({
  runId,
  experimentId,
  artifacts,
}: {
  runId: string;
  experimentId: string;
  artifacts: ReactNode;
}) {
  const { data: run, error, isPending, refetch } = useQuery(runQueryOptions(runId));
  const experiment = useQuery(experimentQueryOptions(run?.info.experimentId ?? experimentId));
  const experimentName = experiment.data?.name;
  useDocumentTitle(run ? run.info.name || run.info.id : `Run ${runId}`, experimentName);
  const rest = useAfterFirstPaint(!!run);
  // The root listing (fetched by the browser) tells whether a `model` folder exists.
  const root = useQuery({ ...artifactListQueryOptions(runId, ''), enabled: false });
  if (isPending) return <Spinner label="Loading run…" />;
  if (isApiError(error) && error.isNotFound)
    return (
      <MissingObject
        what={`Run ${runId}`}
        backTo={experimentPath(experimentId)}
        backLabel={`Back to ${experimentName ?? `experiment ${experimentId}`}`}
      />
    );
  if (error) return <ErrorNotice title="Run" error={error} onRetry={() => void refetch()} />;
  const rootDirs = (root.data?.files ?? []).filter((f) => f.isDir).map((f) => f.path);
  const modelFolders = loggedModelFolders(run.tags, rootDirs);
  return (
    <div className="run-page">
      <RunSectionsNav ready={rest} />
      <div id="overview" className="run-anchor">
        <RunHeader run={run} experimentName={experimentName} modelFolders={modelFolders} />
        <RunDescription run={run} />
        <div className="run-tables">
          <ParamsTable params={run.params} />
          <MetricsTable runId={runId} metrics={run.metrics} />
        </div>
        <TagsTable runId={runId} tags={run.tags} />
        <DatasetsSection datasets={run.datasets} />
        <ModelsSection run={run} />
        <EvaluationLink run={run} />
      </div>
      <section id="artifacts" aria-labelledby="run-artifacts" className="run-section run-anchor">
        <h2 id="run-artifacts">Artifacts</h2>
        {artifacts}
      </section>
      <div id="metrics" className="run-anchor">
        {rest ? (
          <MetricCharts runId={runId} experimentId={run.info.experimentId} metrics={run.metrics} />
        ) : null}
      </div>
      {rest ? <RelatedSection runId={runId} experimentId={run.info.experimentId} /> : null}
    </div>
  );
}
