import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { EvaluationPage } from '../features/evaluations/components/EvaluationPage';
import { evaluationTracesQueryOptions, runQueryOptions } from '../features/evaluations/queries';

export function makeLoader(qc: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const runId = params.runId ?? '';
    void qc
      .prefetchQuery(evaluationTracesQueryOptions(params.experimentId ?? '', runId))
      .catch(() => undefined);
    void qc.prefetchQuery(runQueryOptions(runId)).catch(() => undefined);
    return null;
  };
}

/** `/experiments/:experimentId/evaluations/:runId?compare=&failing=1` */
export function Component() {
  const { experimentId = '', runId = '' } = useParams();
  return (
    <section className="page page-wide">
      <EvaluationPage key={runId} experimentId={experimentId} runId={runId} />
    </section>
  );
}
