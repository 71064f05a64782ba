import type { QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { AliasRedirect } from '../features/registry/components/AliasRedirect';
import { VersionPage } from '../features/registry/components/VersionPage';
import { modelVersionFileQueryOptions } from '../features/registry/queries';
import { modelVersionQueryOptions, registeredModelQueryOptions } from '../lib/shared-queries';
import { useDocumentTitle } from '../components/use-document-title';

/** Ask for the version, its model and its MLmodel file before the page mounts (not awaited). */
export function makeLoader(qc: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const name = params.name ?? '';
    const version = params.version ?? '';
    void qc.prefetchQuery(registeredModelQueryOptions(name));
    if (version.startsWith('@')) return null;
    void qc.prefetchQuery(modelVersionQueryOptions(name, version));
    void qc.prefetchQuery(modelVersionFileQueryOptions(name, version, 'MLmodel'));
    return null;
  };
}

/** `versions/3` or `versions/@champion` (an alias, resolved to its version). */
export function Component() {
  const { name = '', version = '' } = useParams();
  useDocumentTitle(version.startsWith('@') ? `${name} ${version}` : `${name} version ${version}`);
  if (version.startsWith('@'))
    return <AliasRedirect key={`${name}${version}`} name={name} alias={version.slice(1)} />;
  return <VersionPage key={`${name}@${version}`} name={name} version={version} />;
}
