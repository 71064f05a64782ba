import { useQueryClient } from '@tanstack/react-query';
import { useConnectionStore } from './connection-store';

/** Shown while the tracking server cannot be reached; Retry refetches what failed. */
export function ServerBanner() {
  const unreachable = useConnectionStore((s) => s.unreachable);
  const message = useConnectionStore((s) => s.message);
  const queryClient = useQueryClient();
  if (!unreachable) return null;
  return (
    <div className="banner banner-error" role="alert">
      <span>
        <strong>Cannot reach the tracking server.</strong> {message}
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
