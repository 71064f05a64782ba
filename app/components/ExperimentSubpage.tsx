import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { experimentQueryOptions } from '../lib/shared-queries';
import { ExperimentNav } from './ExperimentNav';

/**
 * The loader of an experiment's sub-page: warms the page's own data (`warm`, given the
 * experiment id and the URL's search params) and the experiment, neither awaited.
 */
export function experimentSubpageLoader(
  qc: QueryClient,
  warm: (experimentId: string, search: URLSearchParams) => Promise<unknown>,
) {
  return ({ params, request }: LoaderFunctionArgs) => {
    const experimentId = params.experimentId ?? '';
    void warm(experimentId, new URL(request.url).searchParams).catch(() => undefined);
    void qc.prefetchQuery(experimentQueryOptions(experimentId)).catch(() => undefined);
    return null;
  };
}

/**
 * An experiment's sub-page (logged models, sessions): the title with the experiment's
 * name, links to the experiment's other pages, and the body for the route's experiment.
 */
export function ExperimentSubpage({
  title,
  current,
  children,
}: {
  title: string;
  current: 'models' | 'sessions';
  children: (experimentId: string) => ReactNode;
}) {
  const { experimentId = '' } = useParams();
  const exp = useQuery(experimentQueryOptions(experimentId));
  return (
    <section className="page page-wide">
      <div className="toolbar">
        <h1>
          {title}
          {exp.data ? <span className="muted"> · {exp.data.name}</span> : null}
        </h1>
        <span className="grow" />
        <ExperimentNav experimentId={experimentId} current={current} />
      </div>
      {children(experimentId)}
    </section>
  );
}
