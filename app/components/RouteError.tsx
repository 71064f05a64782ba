import { useEffect, useState } from 'react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { isApiError, userMessage } from '../api';
import { isChunkLoadError, reloadForNewBuild } from '../lib/chunk-reload';
import { experimentsPath } from '../lib/paths';
import { useDocumentTitle } from './use-document-title';

/** Per-route error boundary: the shell stays, the page says what went wrong. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  if (isChunkLoadError(error)) return <MissingCode />;
  return <Failure error={error} />;
}

function Failure({ error }: { error: unknown }) {
  const notFound = isApiError(error) && error.isNotFound;
  useDocumentTitle(notFound ? 'Not found' : 'Error');
  return (
    <section className="page">
      <h1>{notFound ? 'Not found' : 'Something went wrong'}</h1>
      <p role="alert">{userMessage(error)}</p>
      {isApiError(error) && error.details ? (
        <details>
          <summary>Details</summary>
          <pre className="pre-wrap">{error.details}</pre>
        </details>
      ) : null}
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload
        </button>{' '}
        <Link to={experimentsPath()}>Back to experiments</Link>
      </p>
    </section>
  );
}

/** The page's code could not be fetched: reload onto the new build once, or offer to. */
function MissingCode() {
  const [offer, setOffer] = useState(false);
  useDocumentTitle('Page not loaded');
  useEffect(() => {
    let live = true;
    void reloadForNewBuild().then((reloading) => {
      if (live && !reloading) setOffer(true);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!offer) return null;
  return (
    <section className="page">
      <h1>This page could not be loaded</h1>
      <p>
        Runlens may have been updated since this tab was opened, or its server is not answering.
        Reloading fetches the current version.
      </p>
      <p>
        <button type="button" className="button primary" onClick={() => window.location.reload()}>
          Reload
        </button>{' '}
        <Link to={experimentsPath()}>Back to experiments</Link>
      </p>
    </section>
  );
}

export function NotFound() {
  useDocumentTitle('Page not found');
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have been moved, or the link is wrong.</p>
      <p>
        <Link to={experimentsPath()}>Go to experiments</Link>
      </p>
    </section>
  );
}
