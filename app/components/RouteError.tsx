import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { isApiError, userMessage } from '../api';
import { experimentsPath } from '../lib/paths';

/** Per-route error boundary: the shell stays, the page says what went wrong. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  const notFound = isApiError(error) && error.isNotFound;
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

export function NotFound() {
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
