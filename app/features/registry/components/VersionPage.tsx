import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { TagEditor } from '../../../components/TagEditor';
import { LoggedModelLink } from '../../../components/LoggedModelLink';
import { RelativeTime } from '../../../components/RelativeTime';
import { Spinner } from '../../../components/Spinner';
import { useAfterFirstPaint } from '../../../components/use-after-first-paint';
import { formatNumber } from '../../../lib/format';
import {
  modelVersionQueryOptions,
  registeredModelQueryOptions,
  runQueryOptions,
} from '../../../lib/shared-queries';
import { modelPath, modelsPath } from '../../../lib/paths';
import { useDeleteVersionTag, useSetVersionTag, useUpdateVersionDescription } from '../mutations';
import { AliasesPanel } from './AliasesPanel';
import { DescriptionEditor } from './DescriptionEditor';
import { RunLink } from './RunLink';
import { StageControl } from './StageControl';

// The model card parses YAML (a 26 KB library): it loads after the version's details are
// shown, not before (its MLmodel file is asked for early all the same, by the route).
const VersionModelCard = lazy(() =>
  import('./VersionModelCard').then((m) => ({ default: m.VersionModelCard })),
);

const KEY_METRICS = 8;

export function VersionPage({ name, version }: { name: string; version: string }) {
  const mv = useQuery(modelVersionQueryOptions(name, version));
  const model = useQuery(registeredModelQueryOptions(name));
  const runId = mv.data?.runId ?? '';
  // The source run's metrics and the model card (YAML) come after the version's details are painted.
  const later = useAfterFirstPaint(mv.isSuccess);
  const run = useQuery({ ...runQueryOptions(runId), enabled: !!runId && later });
  const updateDescription = useUpdateVersionDescription(name, version);
  const setTag = useSetVersionTag(name, version);
  const deleteTag = useDeleteVersionTag(name, version);

  if (mv.isPending) return <Spinner label="Loading version…" />;
  if (mv.isError) {
    const missing = isApiError(mv.error) && mv.error.status === 404;
    return (
      <section className="page">
        <h1>{missing ? 'Version not found' : `${name} version ${version}`}</h1>
        {missing ? (
          <p className="empty">
            Model “{name}” has no version {version}.{' '}
            <Link to={modelPath(name)}>Back to the model</Link>
          </p>
        ) : (
          <ErrorNotice error={mv.error} onRetry={() => void mv.refetch()} />
        )}
      </section>
    );
  }
  const v = mv.data;
  const metrics = run.data ? Object.values(run.data.metrics).slice(0, KEY_METRICS) : [];

  return (
    <section className="page">
      <nav className="muted">
        <Link to={modelsPath()}>Models</Link> / <Link to={modelPath(name)}>{name}</Link> /
      </nav>
      <div className="registry-header">
        <h1>
          {name} version {v.version}
        </h1>
        <span className="badge">{v.currentStage}</span>
        {v.aliases.map((a) => (
          <span key={a} className="badge">
            @{a}
          </span>
        ))}
      </div>

      <div className="grid-2">
        <section className="registry-section card" aria-labelledby="version-details">
          <h2 id="version-details">Details</h2>
          <dl className="kv">
            <dt>Status</dt>
            <dd className={`status-${v.status}`}>
              {v.status}
              {v.statusMessage ? ` — ${v.statusMessage}` : ''}
            </dd>
            <dt>Stage</dt>
            <dd>{v.currentStage}</dd>
            <dt>Created</dt>
            <dd>
              <RelativeTime ms={v.creationTimestamp} />
              {v.userId ? ` by ${v.userId}` : ''}
            </dd>
            <dt>Source run</dt>
            <dd>
              <RunLink runId={v.runId} source={v.source} label={run.data?.info.name || undefined} />
            </dd>
            <dt>Source</dt>
            <dd className="mono">{v.source}</dd>
            {v.modelId ? (
              <>
                <dt>Logged model</dt>
                <dd>
                  <LoggedModelLink modelId={v.modelId} />
                </dd>
              </>
            ) : null}
          </dl>
          <StageControl
            key={v.currentStage}
            name={name}
            version={v.version}
            current={v.currentStage}
          />
        </section>
        <section className="registry-section card" aria-labelledby="version-metrics">
          <h2 id="version-metrics">Source run metrics</h2>
          {run.isError ? (
            <ErrorNotice title="Could not load the source run" error={run.error} />
          ) : null}
          {(run.isPending || !later) && runId ? <Spinner /> : null}
          {run.data ? (
            metrics.length ? (
              <dl className="kv" aria-label="Key metrics">
                {metrics.map((m) => (
                  <div key={m.key} style={{ display: 'contents' }}>
                    <dt>{m.key}</dt>
                    <dd className="num">{formatNumber(m.value)}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="muted">The source run logged no metrics.</p>
            )
          ) : null}
        </section>
      </div>

      <section className="registry-section" aria-labelledby="version-description">
        <h2 id="version-description">Description</h2>
        <DescriptionEditor
          description={v.description}
          busy={updateDescription.isPending}
          onSave={(t) => updateDescription.mutateAsync(t)}
        />
      </section>

      <div className="grid-2">
        <section className="registry-section" aria-labelledby="version-tags">
          <h2 id="version-tags">Tags</h2>
          <TagEditor
            tags={v.tags}
            onSet={(key, value) => setTag.mutateAsync({ key, value })}
            onDelete={(key) => deleteTag.mutateAsync(key)}
          />
        </section>
        <section className="registry-section" aria-labelledby="version-aliases">
          <h2 id="version-aliases">Aliases</h2>
          <AliasesPanel
            modelName={name}
            aliases={model.data?.aliases ?? aliasMap(v.aliases, v.version)}
            versions={[v.version]}
            fixedVersion={v.version}
          />
        </section>
      </div>

      <section className="registry-section" aria-labelledby="version-card">
        <h2 id="version-card">Model card</h2>
        {later ? (
          <Suspense fallback={<Spinner label="Loading model card…" />}>
            <VersionModelCard name={name} version={v.version} />
          </Suspense>
        ) : (
          <Spinner label="Loading model card…" />
        )}
      </section>
    </section>
  );
}

/** Until the model loads, the version's own aliases stand in for the model's map. */
function aliasMap(aliases: string[], version: string): Record<string, string> {
  return Object.fromEntries(aliases.map((a) => [a, version]));
}
