import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { RelativeTime } from '../../../components/RelativeTime';
import { runModelVersionsQueryOptions, runTracesQueryOptions } from '../queries';
import { modelVersionPath, tracePath } from '../../../lib/paths';

/** Traces logged inside this run, and model versions registered from it. */
export function RelatedSection({ runId, experimentId }: { runId: string; experimentId: string }) {
  const traces = useQuery(runTracesQueryOptions(experimentId, runId));
  const versions = useQuery(runModelVersionsQueryOptions(runId));
  return (
    <div className="run-section grid-2">
      <section id="models" className="card" aria-labelledby="run-versions">
        <h2 id="run-versions" style={{ marginTop: 0 }}>
          Registered model versions
        </h2>
        {versions.error ? (
          <ErrorNotice error={versions.error} onRetry={() => void versions.refetch()} />
        ) : null}
        {versions.data && versions.data.items.length === 0 ? (
          <p className="muted">No model version was registered from this run.</p>
        ) : null}
        {versions.data?.items.length ? (
          <ul>
            {versions.data.items.map((v) => (
              <li key={`${v.name}/${v.version}`}>
                <Link to={modelVersionPath({ name: v.name, version: v.version })}>
                  {v.name} v{v.version}
                </Link>{' '}
                {v.aliases.map((a) => (
                  <span key={a} className="badge">
                    @{a}
                  </span>
                ))}
                {v.currentStage && v.currentStage !== 'None' ? (
                  <span className="badge">{v.currentStage}</span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section id="traces" className="card" aria-labelledby="run-traces">
        <h2 id="run-traces" style={{ marginTop: 0 }}>
          Traces
        </h2>
        {traces.error ? (
          <ErrorNotice error={traces.error} onRetry={() => void traces.refetch()} />
        ) : null}
        {traces.data && traces.data.items.length === 0 ? (
          <p className="muted">No traces were logged in this run.</p>
        ) : null}
        {traces.data?.items.length ? (
          <ul>
            {traces.data.items.map((t) => (
              <li key={t.requestId}>
                <Link
                  to={tracePath({
                    experimentId: t.experimentId || experimentId,
                    requestId: t.requestId,
                  })}
                >
                  {t.name || t.requestId}
                </Link>{' '}
                <span className={`status-${t.status}`}>{t.status}</span>{' '}
                <RelativeTime ms={t.timestampMs} />
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
