import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { ArtifactBrowser } from '../features/artifacts/components/ArtifactBrowser';
import { artifactListQueryOptions } from '../features/artifacts/queries';
import { RunPage } from '../features/run/components/RunPage';
import { runQueryOptions } from '../lib/shared-queries';

/** Warm the run and its artifact root before the page mounts (not awaited). */
export function makeLoader(qc: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const runId = params.runId ?? '';
    void qc.prefetchQuery(runQueryOptions(runId)).catch(() => undefined);
    void qc.prefetchQuery(artifactListQueryOptions(runId, '')).catch(() => undefined);
    return null;
  };
}

/** `/experiments/:experimentId/runs/:runId?artifact=<path>`: the run page with the artifacts browser slotted in. */
export function Component() {
  const { runId = '' } = useParams();
  return (
    <section className="page">
      <RunPage key={runId} runId={runId} artifacts={<ArtifactBrowser runId={runId} />} />
    </section>
  );
}
