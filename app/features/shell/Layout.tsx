import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { NavLink, Outlet, useNavigation } from 'react-router';
import { Spinner } from '../../components/Spinner';
import { ThemeToggle } from '../../components/ThemeToggle';
import { Toasts } from '../../components/Toasts';
import { serverInfoQueryOptions } from './queries';
import { ServerBanner } from './ServerBanner';
import { experimentsPath, modelsPath, promptsPath } from '../../lib/paths';
import { useServerLine } from '../../components/use-server-line';

function ServerBadge() {
  const { data } = useQuery(serverInfoQueryOptions());
  if (!data) return null;
  if (data.demo)
    return (
      <span
        className="badge badge-demo"
        title="No tracking server configured: showing the built-in demo workspace"
      >
        Demo workspace
      </span>
    );
  return <span className="badge">MLflow {data.version}</span>;
}

export function Layout() {
  const navigation = useNavigation();
  // The prompt registry is MLflow 3's: its link is not shown on 2.x.
  const line = useServerLine();
  return (
    <div className="app">
      <header className="app-header">
        <NavLink to={experimentsPath()} className="brand" aria-label="Runlens home">
          <svg width="20" height="20" viewBox="0 0 32 32" aria-hidden="true">
            <circle cx="14" cy="14" r="9" fill="none" stroke="currentColor" strokeWidth="4" />
            <path d="M21 21l7 7" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
          </svg>
          Runlens
        </NavLink>
        <nav aria-label="Main">
          <NavLink to={experimentsPath()} end className="nav-link">
            Experiments
          </NavLink>
          <NavLink to={modelsPath()} className="nav-link">
            Models
          </NavLink>
          {line === 3 ? (
            <NavLink to={promptsPath()} className="nav-link">
              Prompts
            </NavLink>
          ) : null}
        </nav>
        <div className="header-right">
          {navigation.state === 'loading' ? <Spinner label="" /> : null}
          <ServerBadge />
          <ThemeToggle />
        </div>
      </header>
      <ServerBanner />
      <main className="app-main">
        <Suspense fallback={<Spinner />}>
          <Outlet />
        </Suspense>
      </main>
      <Toasts />
    </div>
  );
}
