import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { runQueryOptions } from '../../../lib/shared-queries';
import { runPath } from '../../../lib/paths';
import { experimentIdFromSource } from '../model/run-link';

/** A link to a version's source run, named after the run (fetched, and shared through the cache). */
export function RunLink({
  runId,
  source,
  label,
}: {
  runId: string;
  source: string;
  label?: string;
}) {
  const fromSource = experimentIdFromSource(source, runId);
  const run = useQuery({ ...runQueryOptions(runId), enabled: !!runId });
  if (!runId) return <span className="muted">none</span>;
  const exp = fromSource ?? run.data?.info.experimentId;
  const text = label ?? run.data?.info.name ?? runId.slice(0, 8);
  if (!exp)
    return (
      <span className="mono" title={runId}>
        {text}
      </span>
    );
  return (
    <Link to={runPath({ experimentId: exp, runId })} title={runId}>
      {text}
    </Link>
  );
}
