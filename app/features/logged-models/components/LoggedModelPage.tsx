import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { LoggedModel } from '../../../api';
import { CopyButton } from '../../../components/CopyButton';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { RelativeTime } from '../../../components/RelativeTime';
import { Spinner } from '../../../components/Spinner';
import { formatNumber } from '../../../lib/format';
import { experimentPath, loggedModelsPath, modelVersionPath, runPath } from '../../../lib/paths';
import { metricsByDataset } from '../model/metrics';
import {
  loggedModelQueryOptions,
  loggedModelUsersQueryOptions,
  loggedModelVersionsQueryOptions,
} from '../queries';
import { STATUS_LABEL } from './LoggedModelsTable';
import { isSystemTag } from '../../../lib/tags';

/**
 * One logged model: params, metrics per dataset, tags, the runs it came from
 * and went into, its registered versions, and (slotted in by the route) its
 * artifacts with the MLmodel card.
 */
export function LoggedModelPage({ modelId, artifacts }: { modelId: string; artifacts: ReactNode }) {
  const { data: model, error, isPending, refetch } = useQuery(loggedModelQueryOptions(modelId));
  if (isPending) return <Spinner label="Loading model…" />;
  if (error)
    return (
      <ErrorNotice title={`Logged model ${modelId}`} error={error} onRetry={() => void refetch()} />
    );
  const userTags = Object.entries(model.tags).filter(([k]) => !isSystemTag(k));
  return (
    <div className="logged-model-page">
      <header>
        <p className="muted">
          <Link to={experimentPath(model.experimentId)}>Experiment {model.experimentId}</Link> ›{' '}
          <Link to={loggedModelsPath(model.experimentId)}>Models</Link>
        </p>
        <h1>{model.name || model.id}</h1>
        <dl className="kv">
          <dt>Model ID</dt>
          <dd>
            <span className="mono">{model.id}</span> <CopyButton text={model.id} label="Copy ID" />
          </dd>
          <dt>Status</dt>
          <dd>
            {STATUS_LABEL[model.status]}
            {model.statusMessage ? <span className="muted"> · {model.statusMessage}</span> : null}
          </dd>
          <dt>Created</dt>
          <dd>
            <RelativeTime ms={model.creationTime} />
          </dd>
          {model.modelType ? (
            <>
              <dt>Type</dt>
              <dd>{model.modelType}</dd>
            </>
          ) : null}
          <dt>Artifact location</dt>
          <dd className="mono">{model.artifactUri}</dd>
        </dl>
      </header>
      <div className="run-tables">
        <section aria-labelledby="lm-params" className="run-section">
          <h2 id="lm-params">Parameters</h2>
          <KeyValueTable
            label="Parameters"
            rows={Object.entries(model.params)}
            empty="No parameters."
          />
        </section>
        <MetricsSection model={model} />
      </div>
      <section aria-labelledby="lm-tags" className="run-section">
        <h2 id="lm-tags">Tags</h2>
        <KeyValueTable label="Tags" rows={userTags} empty="No tags." />
      </section>
      <RunsSection model={model} />
      <VersionsSection model={model} />
      <section aria-labelledby="lm-artifacts" className="run-section">
        <h2 id="lm-artifacts">Artifacts</h2>
        {artifacts}
      </section>
    </div>
  );
}

function KeyValueTable({
  label,
  rows,
  empty,
}: {
  label: string;
  rows: [string, string][];
  empty: string;
}) {
  if (!rows.length) return <p className="muted">{empty}</p>;
  return (
    <table className="table" aria-label={label}>
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td className="pre-wrap">{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MetricsSection({ model }: { model: LoggedModel }) {
  const groups = metricsByDataset(model.metrics);
  return (
    <section aria-labelledby="lm-metrics" className="run-section">
      <h2 id="lm-metrics">Metrics</h2>
      {groups.length === 0 ? <p className="muted">No metrics.</p> : null}
      {groups.map((g) => {
        const title = g.datasetName ? `Dataset ${g.datasetName}` : 'No dataset';
        return (
          <table
            key={`${g.datasetName}/${g.datasetDigest}`}
            className="table"
            aria-label={`Metrics: ${title}`}
          >
            <caption>
              {title}
              {g.datasetDigest ? <span className="muted mono"> ({g.datasetDigest})</span> : null}
            </caption>
            <tbody>
              {g.metrics.map((m) => (
                <tr key={m.key}>
                  <th scope="row">{m.key}</th>
                  <td className="num">{formatNumber(m.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </section>
  );
}

function RunsSection({ model }: { model: LoggedModel }) {
  const users = useQuery(loggedModelUsersQueryOptions(model));
  const link = (runId: string) => (
    <Link className="mono" to={runPath({ experimentId: model.experimentId, runId })}>
      {runId}
    </Link>
  );
  return (
    <section aria-labelledby="lm-runs" className="run-section">
      <h2 id="lm-runs">Runs</h2>
      <dl className="kv">
        <dt>Source run</dt>
        <dd>{model.sourceRunId ? link(model.sourceRunId) : <span className="muted">none</span>}</dd>
        <dt title="Runs that logged metrics for this model; MLflow offers no search for its other users">
          Used by (runs that logged metrics for it)
        </dt>
        <dd>
          {users.isPending ? (
            <Spinner label="Looking for runs…" />
          ) : users.isError ? (
            <ErrorNotice
              title="Runs that used this model"
              error={users.error}
              onRetry={() => void users.refetch()}
            />
          ) : users.data.users.length === 0 ? (
            <span className="muted">no other run logged metrics for this model</span>
          ) : (
            <>
              <ul className="plain-list" aria-label="Runs that used this model">
                {users.data.users.map((u) => (
                  <li key={u.runId}>
                    {link(u.runId)} {u.runName ? <span className="muted">{u.runName}</span> : null}{' '}
                    <span className="muted">
                      · {u.tookAsInput ? 'took it as input, logged metrics' : 'logged metrics'}
                    </span>
                  </li>
                ))}
              </ul>
              {users.data.more ? <p className="muted">and {users.data.more} more</p> : null}
            </>
          )}
        </dd>
      </dl>
    </section>
  );
}

function VersionsSection({ model }: { model: LoggedModel }) {
  const search = useQuery(loggedModelVersionsQueryOptions(model.id, model.sourceRunId ?? ''));
  // The tag is written by the client; the search finds versions registered another way too.
  const seen = new Set<string>();
  const versions: { name: string; version: string }[] = [];
  for (const v of [...model.registeredVersions, ...(search.data ?? [])]) {
    const k = `${v.name}\u0000${v.version}`;
    if (!seen.has(k)) {
      seen.add(k);
      versions.push({ name: v.name, version: v.version });
    }
  }
  return (
    <section aria-labelledby="lm-versions" className="run-section">
      <h2 id="lm-versions">Registered versions</h2>
      {versions.length === 0 && search.isPending ? <Spinner label="Looking for versions…" /> : null}
      {versions.length === 0 && !search.isPending ? <p className="muted">Not registered.</p> : null}
      {versions.length ? (
        <ul className="plain-list">
          {versions.map((v) => (
            <li key={`${v.name}/${v.version}`}>
              <Link to={modelVersionPath(v)}>
                {v.name} version {v.version}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
