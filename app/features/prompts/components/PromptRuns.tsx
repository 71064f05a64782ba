import { Link } from 'react-router';
import { runPath } from '../../../lib/paths';
import type { LinkedRun } from '../model/linked';

/** The runs that loaded one version, linked. */
export function PromptRuns({ runs }: { runs: readonly LinkedRun[] }) {
  if (!runs.length) return null;
  return (
    <ul className="plain-list" aria-label="Runs that used it">
      {runs.map((r) => (
        <li key={r.runId}>
          <Link to={runPath({ experimentId: r.experimentId, runId: r.runId })}>
            {r.name || r.runId.slice(0, 8)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
