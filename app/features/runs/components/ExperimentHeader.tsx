import { useQuery } from '@tanstack/react-query';
import { CopyButton } from '../../../components/CopyButton';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { ExperimentDescription, ExperimentTags } from './ExperimentEditors';
import { experimentQueryOptions } from '../../../lib/shared-queries';
import { ExperimentNav } from '../../../components/ExperimentNav';

/** Name, id, artifact location, tags and description of one experiment. */
export function ExperimentHeader({ experimentId }: { experimentId: string }) {
  const { data: e, error, isPending, refetch } = useQuery(experimentQueryOptions(experimentId));
  if (isPending) return <h1 className="muted">Experiment {experimentId}</h1>;
  if (error)
    return (
      <ErrorNotice
        title={`Experiment ${experimentId}`}
        error={error}
        onRetry={() => void refetch()}
      />
    );
  return (
    <header className="experiment-header">
      <div className="toolbar" style={{ marginBottom: 4 }}>
        <h1 style={{ margin: 0 }}>{e.name}</h1>
        {e.lifecycleStage === 'deleted' ? <span className="badge">deleted</span> : null}
        <span className="grow" />
        <ExperimentNav experimentId={e.id} current="runs" />
      </div>
      <dl className="kv">
        <dt>Experiment ID</dt>
        <dd>
          <span className="mono">{e.id}</span> <CopyButton text={e.id} label="Copy ID" />
        </dd>
        <dt>Artifact location</dt>
        <dd className="mono">{e.artifactLocation}</dd>
      </dl>
      <ExperimentTags experiment={e} />
      <ExperimentDescription experiment={e} />
    </header>
  );
}
