import { useQuery } from '@tanstack/react-query';
import { Link, Navigate } from 'react-router';
import { isApiError } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { modelPath, modelVersionPath } from '../../../lib/paths';
import { modelVersionByAliasQueryOptions } from '../queries';

/**
 * `/models/<name>/versions/@<alias>` resolves the alias and goes to that
 * version. A missing alias (a 400 in 2.17, not a 404) gets a clear page.
 */
export function AliasRedirect({ name, alias }: { name: string; alias: string }) {
  const q = useQuery(modelVersionByAliasQueryOptions(name, alias));
  if (q.isPending) return <Spinner label={`Resolving @${alias}…`} />;
  if (q.isSuccess)
    return <Navigate to={modelVersionPath({ name, version: q.data.version })} replace />;
  const missing = isApiError(q.error) && (q.error.status === 400 || q.error.status === 404);
  return (
    <section className="page">
      <h1>{missing ? 'Alias not found' : `${name}@${alias}`}</h1>
      {missing ? (
        <p className="empty">
          Model “{name}” has no alias @{alias}. <Link to={modelPath(name)}>Back to the model</Link>
        </p>
      ) : (
        <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
      )}
    </section>
  );
}
