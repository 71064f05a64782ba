import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { SessionView } from '../features/sessions/components/SessionView';
import { sessionTracesQueryOptions } from '../features/sessions/queries';

export function makeLoader(qc: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    void qc
      .prefetchQuery(sessionTracesQueryOptions(params.experimentId ?? '', params.sessionId ?? ''))
      .catch(() => undefined);
    return null;
  };
}

/** `/experiments/:experimentId/sessions/:sessionId`: one session as a conversation. */
export function Component() {
  const { experimentId = '', sessionId = '' } = useParams();
  return (
    <section className="page">
      <SessionView experimentId={experimentId} sessionId={sessionId} />
    </section>
  );
}
