import { useQueryClient } from '@tanstack/react-query';
import { useConnectionStore } from './connection-store';

const LEAD = 'Cannot reach the tracking server';

/**
 * The server's message without the sentence the banner already says: the
 * browser's own ("Cannot reach the tracking server. Check your connection…")
 * and the proxy's ("Cannot reach the MLflow tracking server at <uri>: <reason>")
 * both start with it.
 */
export function bannerDetail(message: string): string {
  const m = /^Cannot reach the (?:MLflow )?tracking server\.?\s*(?:at\s+)?/i.exec(message);
  return m ? message.slice(m[0].length) : message;
}

/** Shown while the tracking server cannot be reached; Retry refetches what failed. */
export function ServerBanner() {
  const unreachable = useConnectionStore((s) => s.unreachable);
  const message = useConnectionStore((s) => s.message);
  const queryClient = useQueryClient();
  if (!unreachable) return null;
  const detail = bannerDetail(message);
  return (
    <div className="banner banner-error" role="alert">
      <span>
        <strong>{LEAD}.</strong> {detail}
      </span>
      <button
        type="button"
        className="button small"
        onClick={() => {
          // The banner goes once the failed queries succeed (see watchConnection).
          void queryClient.refetchQueries({ predicate: (q) => q.state.status === 'error' });
        }}
      >
        Retry
      </button>
    </div>
  );
}
