import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { RelativeTime } from '../../../components/RelativeTime';
import { Spinner } from '../../../components/Spinner';
import { formatDuration, formatInt } from '../../../lib/format';
import { sessionPath } from '../../../lib/paths';
import { SESSION_TRACE_LIMIT, sessionListQueryOptions } from '../queries';

/** An experiment's chat sessions: turns, duration, tokens, errors and assessments of each. */
export function SessionsList({ experimentId }: { experimentId: string }) {
  const q = useQuery(sessionListQueryOptions(experimentId));
  if (q.isPending) return <Spinner label="Loading sessions…" />;
  if (q.isError)
    return <ErrorNotice title="Sessions" error={q.error} onRetry={() => void q.refetch()} />;
  const { sessions, traces } = q.data;
  if (!sessions.length)
    return (
      <p className="empty">
        No trace of this experiment belongs to a session (its `mlflow.trace.session` metadata).
      </p>
    );
  return (
    <>
      <p className="muted">
        {sessions.length} session{sessions.length === 1 ? '' : 's'} in {formatInt(traces)} traces
        {traces >= SESSION_TRACE_LIMIT ? ` (the newest ${formatInt(SESSION_TRACE_LIMIT)})` : ''}
      </p>
      <div className="table-scroll">
        <table className="table" aria-label="Sessions">
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col">User</th>
              <th scope="col">Last turn</th>
              <th scope="col" className="num">
                Turns
              </th>
              <th scope="col" className="num">
                Duration
              </th>
              <th scope="col" className="num">
                Tokens
              </th>
              <th scope="col" className="num">
                Errors
              </th>
              <th scope="col">Assessments</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={sessionPath({ experimentId, sessionId: s.id })}>{s.id}</Link>
                </td>
                <td>{s.userId ?? ''}</td>
                <td>
                  <RelativeTime ms={s.lastMs} />
                </td>
                <td className="num">{s.turns}</td>
                <td className="num">{formatDuration(s.durationMs)}</td>
                <td className="num">{s.tokens === null ? '—' : formatInt(s.tokens)}</td>
                <td className={s.errors ? 'num value-fail' : 'num'}>{s.errors}</td>
                <td>
                  {s.assessments.map((a) => (
                    <span
                      key={a.name}
                      className="chip"
                      title={
                        a.verdicts
                          ? `${a.passed} of ${a.verdicts} passed ${a.name}`
                          : `${a.count} × ${a.name}`
                      }
                    >
                      {a.name} {a.verdicts ? `${a.passed}/${a.verdicts} pass` : `×${a.count}`}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
