import { formatDateTime, formatRelative } from '../lib/format';

/** "3 hours ago", exact time on hover. */
export function RelativeTime({ ms }: { ms: number | null | undefined }) {
  if (ms === null || ms === undefined) return <span className="muted">—</span>;
  return (
    <time dateTime={new Date(ms).toISOString()} title={formatDateTime(ms)}>
      {formatRelative(ms)}
    </time>
  );
}
