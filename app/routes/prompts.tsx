import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { PromptsPage } from '../features/prompts/components/PromptsPage';
import { promptListQueryOptions } from '../features/prompts/queries';

export function makeLoader(qc: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const q = new URL(request.url).searchParams.get('q') ?? '';
    void qc.prefetchQuery(promptListQueryOptions(q)).catch(() => undefined);
    return null;
  };
}

/** `/prompts`: MLflow 3's prompt registry. */
export function Component() {
  return (
    <section className="page">
      <PromptsPage />
    </section>
  );
}
