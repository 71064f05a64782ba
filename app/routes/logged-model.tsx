import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useLoaderData, useParams } from 'react-router';
import { artifactListQueryOptions, loggedModelQueryOptions } from '../lib/shared-queries';

/*
 * A logged model's page, with the artifacts browser slotted in (another
 * feature's component: the route composes them). The browser's functions
 * take the model's id (`m-…`) where a run's id would go; app/api answers
 * both from their own endpoints.
 */
const loadPage = () =>
  Promise.all([
    import('../features/logged-models/components/LoggedModelPage'),
    import('../features/artifacts/components/ArtifactBrowser'),
  ]).then(([page, artifacts]) => ({
    LoggedModelPage: page.LoggedModelPage,
    ArtifactBrowser: artifacts.ArtifactBrowser,
  }));
type PageCode = Awaited<ReturnType<typeof loadPage>>;

export function makeLoader(qc: QueryClient) {
  return ({ params }: LoaderFunctionArgs): Promise<PageCode> => {
    const modelId = params.modelId ?? '';
    void qc.prefetchQuery(loggedModelQueryOptions(modelId)).catch(() => undefined);
    void qc.prefetchQuery(artifactListQueryOptions(modelId, '')).catch(() => undefined);
    return loadPage();
  };
}

/** `/logged-models/:modelId?artifact=<path>` */
export function Component() {
  const { modelId = '' } = useParams();
  const { LoggedModelPage, ArtifactBrowser } = useLoaderData<PageCode>();
  return (
    <section className="page">
      <LoggedModelPage
        key={modelId}
        modelId={modelId}
        artifacts={<ArtifactBrowser runId={modelId} />}
      />
    </section>
  );
}
