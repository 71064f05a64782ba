import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { PromptPage } from '../features/prompts/components/PromptPage';
import { promptQueryOptions, promptVersionsQueryOptions } from '../features/prompts/queries';

export function makeLoader(qc: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const name = params.name ?? '';
    void qc.prefetchQuery(promptQueryOptions(name)).catch(() => undefined);
    void qc.prefetchQuery(promptVersionsQueryOptions(name)).catch(() => undefined);
    return null;
  };
}

/** `/prompts/:name?version=&from=&to=` */
export function Component() {
  const { name = '' } = useParams();
  return (
    <section className="page">
      <PromptPage key={name} name={name} />
    </section>
  );
}
