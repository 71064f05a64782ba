import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { loggedModelPath } from '../lib/paths';
import { loggedModelQueryOptions } from '../lib/shared-queries';

/** A link to an MLflow 3 logged model, named once its name is known (its id until then, or if it is gone). */
export function LoggedModelLink({ modelId }: { modelId: string }) {
  const { data } = useQuery(loggedModelQueryOptions(modelId));
  return (
    <Link to={loggedModelPath(modelId)}>
      {data?.name ? (
        <>
          {data.name} <span className="muted mono">{modelId}</span>
        </>
      ) : (
        <span className="mono">{modelId}</span>
      )}
    </Link>
  );
}
