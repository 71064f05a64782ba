import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useLoaderData, useParams } from 'react-router';
import { artifactListQueryOptions } from '../features/artifacts/queries';
import { warmArtifact } from '../features/artifacts/warm';
import { runQueryOptions } from '../lib/shared-queries';

/*
 * This module is the route's chunk, kept small: its loader asks for the run
 * first, then loads the page's code while the data is on its way (rather than
 * the run request waiting for all of the page's code). The page arrives as
 * loader data, so it renders at once, with no Suspense fallback to reveal later.
 */
const loadPage = (artifact: string) =>
  Promise.all([
    import('../features/run/components/RunPage'),
    import('../features/artifacts/components/ArtifactBrowser'),
    // a linked file's preview code too, so its preview renders with the page
    import('../features/artifacts/components/ArtifactPreview').then((m) =>
      m.preloadPreview(artifact).catch(() => undefined),
    ),
  ]).then(([page, artifacts]) => ({
    RunPage: page.RunPage,
    ArtifactBrowser: artifacts.ArtifactBrowser,
  }));
type PageCode = Awaited<ReturnType<typeof loadPage>>;

/** Warm the run, its artifact root and any linked artifact (not awaited), then wait only for the page's code. */
export function makeLoader(qc: QueryClient) {
  return ({ params, request }: LoaderFunctionArgs): Promise<PageCode> => {
    const runId = params.runId ?? '';
    void qc.prefetchQuery(runQueryOptions(runId)).catch(() => undefined);
    void qc.prefetchQuery(artifactListQueryOptions(runId, '')).catch(() => undefined);
    const artifact = new URL(request.url).searchParams.get('artifact') ?? '';
    warmArtifact(qc, runId, artifact);
    return loadPage(artifact);
  };
}

/** `/experiments/:experimentId/runs/:runId?artifact=<path>`: the run page with the artifacts browser slotted in. */
export function Component() {
  const { runId = '', experimentId = '' } = useParams();
  const { RunPage, ArtifactBrowser } = useLoaderData<PageCode>();
  return (
    <section className="page">
      <RunPage
        key={runId}
        runId={runId}
        experimentId={experimentId}
        artifacts={<ArtifactBrowser runId={runId} />}
      />
    </section>
  );
}
