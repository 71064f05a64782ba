import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { ExperimentHeader } from '../features/runs/components/ExperimentHeader';
import { experimentQueryOptions } from '../lib/shared-queries';

export function makeLoader(qc: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    for (const id of (params.experimentIds ?? '').split(',').filter(Boolean)) {
      void qc.prefetchQuery(experimentQueryOptions(id)).catch(() => undefined);
    }
    return null;
  };
}

export function Component() {
  const { experimentIds = '' } = useParams();
  const ids = experimentIds.split(',').filter(Boolean);
  return (
    <section className="page">
      {ids.map((id) => (
        <ExperimentHeader key={id} experimentId={id} />
      ))}
    </section>
  );
}
