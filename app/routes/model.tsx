import type { QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { ModelPage } from '../features/registry/components/ModelPage';
import { modelVersionsQueryOptions } from '../features/registry/queries';
import { registeredModelQueryOptions } from '../lib/shared-queries';
import { useDocumentTitle } from '../components/use-document-title';

/** Ask for the model and its versions before the page mounts (not awaited: errors show on the page). */
export function makeLoader(qc: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const name = params.name ?? '';
    void qc.prefetchQuery(registeredModelQueryOptions(name));
    void qc.prefetchQuery(modelVersionsQueryOptions(name));
    return null;
  };
}

export function Component() {
  const { name = '' } = useParams();
  useDocumentTitle(name);
  // key: a rename or another model resets drafts and selections.
  return <ModelPage key={name} name={name} />;
}
