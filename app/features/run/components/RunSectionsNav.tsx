import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';

const SECTIONS = [
  ['overview', 'Overview'],
  ['artifacts', 'Artifacts'],
  ['metrics', 'Metrics'],
  ['models', 'Models'],
  ['traces', 'Traces'],
] as const;

/**
 * The run page's sections, as links that put the section in the URL
 * (`#artifacts`): a shared link or a reload lands on the same section.
 * `ready`: the sections drawn after the first paint are there to scroll to.
 */
export function RunSectionsNav({ ready }: { ready: boolean }) {
  const { hash, search } = useLocation();
  const current = hash.slice(1);
  useEffect(() => {
    if (!current || !ready) return;
    document.getElementById(current)?.scrollIntoView({ block: 'start' });
  }, [current, ready]);
  return (
    <nav aria-label="Run sections" className="run-sections tabs">
      {SECTIONS.map(([id, label]) => (
        <Link
          key={id}
          to={{ search, hash: id }}
          aria-current={current === id ? 'location' : undefined}
          className={current === id ? 'active' : undefined}
          preventScrollReset
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
