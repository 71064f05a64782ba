import { isApiError, userMessage } from '../api';

/** A clear message for a failed request, with raw server details behind a toggle. */
export function ErrorNotice({
  error,
  title,
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  // The shell's banner already says the tracking server is unreachable (and retries): say it once.
  if (isApiError(error) && error.isUnreachable)
    return (
      <div className="error-notice muted">
        {title ? <strong>{title}: </strong> : null}
        <span>not loaded yet.</span>
      </div>
    );
  const details = isApiError(error) ? error.details : '';
  const code = isApiError(error) ? error.errorCode : '';
  return (
    <div className="error-notice" role="alert">
      {title ? <strong>{title}: </strong> : null}
      <span>{userMessage(error)}</span>
      {code && !code.startsWith('HTTP_') && code !== 'RESOURCE_DOES_NOT_EXIST' ? (
        <span className="muted"> ({code})</span>
      ) : null}
      {onRetry ? (
        <button type="button" className="button small" onClick={onRetry}>
          Retry
        </button>
      ) : null}
      {details ? (
        <details>
          <summary>Details</summary>
          <pre className="pre-wrap">{details}</pre>
        </details>
      ) : null}
    </div>
  );
}
