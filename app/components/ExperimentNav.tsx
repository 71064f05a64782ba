import { Link } from 'react-router';
import { experimentPath, loggedModelsPath, sessionsPath, tracesPath } from '../lib/paths';
import { useServerLine } from './use-server-line';

type Page = 'runs' | 'traces' | 'models' | 'sessions';

/**
 * Links to an experiment's other pages: runs, traces, and on MLflow 3 its
 * logged models and chat sessions (2.x has neither, so those links are not
 * shown there rather than leading to errors).
 */
export function ExperimentNav({ experimentId, current }: { experimentId: string; current: Page }) {
  const line = useServerLine();
  const links: [Page, string, string][] = [
    ['runs', 'Runs', experimentPath(experimentId)],
    ['traces', 'Traces', tracesPath(experimentId)],
  ];
  if (line === 3)
    links.push(
      ['models', 'Models', loggedModelsPath(experimentId)],
      ['sessions', 'Sessions', sessionsPath(experimentId)],
    );
  return (
    <nav aria-label="Experiment pages" className="toolbar experiment-nav">
      {links
        .filter(([page]) => page !== current)
        .map(([page, label, to]) => (
          <Link key={page} className="button small" to={to}>
            {label}
          </Link>
        ))}
    </nav>
  );
}
