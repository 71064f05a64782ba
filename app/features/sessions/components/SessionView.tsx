import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { TraceInfo } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { RelativeTime } from '../../../components/RelativeTime';
import { Spinner } from '../../../components/Spinner';
import { formatDuration } from '../../../lib/format';
import { sessionsPath, tracePath } from '../../../lib/paths';
import { messageOf } from '../model/sessions';
import { sessionTracesQueryOptions } from '../queries';

/**
 * One session read as a conversation: each turn's request (the user) and
 * response (the assistant), oldest first, each linking to its trace. Messages
 * are text: whatever they hold is shown, nothing is run.
 */
export function SessionView({
  experimentId,
  sessionId,
}: {
  experimentId: string;
  sessionId: string;
}) {
  const q = useQuery(sessionTracesQueryOptions(experimentId, sessionId));
  return (
    <div className="session-view">
      <p className="muted">
        <Link to={sessionsPath(experimentId)}>Sessions</Link> ›
      </p>
      <h1>
        Session <span className="mono">{sessionId}</span>
      </h1>
      {q.isPending ? <Spinner label="Loading the conversation…" /> : null}
      {q.isError ? (
        <ErrorNotice title="Session" error={q.error} onRetry={() => void q.refetch()} />
      ) : null}
      {q.data && q.data.length === 0 ? (
        <p className="empty">No trace belongs to this session.</p>
      ) : null}
      {q.data?.length ? (
        <ol className="chat session-turns" aria-label="Conversation">
          {q.data.map((t, i) => (
            <Turn key={t.requestId} t={t} n={i + 1} experimentId={experimentId} />
          ))}
        </ol>
      ) : null}
    </div>
  );
}

function Turn({ t, n, experimentId }: { t: TraceInfo; n: number; experimentId: string }) {
  const request = messageOf(t.requestPreview);
  const response = messageOf(t.responsePreview);
  return (
    <li className="session-turn" aria-label={`Turn ${n}`}>
      <div className="toolbar muted">
        <span>Turn {n}</span>
        <RelativeTime ms={t.timestampMs} />
        <span>{formatDuration(t.executionTimeMs)}</span>
        {t.status === 'ERROR' ? <span className="value-fail">error</span> : null}
        <span className="grow" />
        <Link to={tracePath({ experimentId, requestId: t.requestId })}>Open trace</Link>
      </div>
      <div className="chat-message chat-user">
        <div className="chat-role">user{t.userId ? ` · ${t.userId}` : ''}</div>
        <div className="chat-content pre-wrap">
          {request || <span className="muted">(no request)</span>}
        </div>
      </div>
      <div className="chat-message chat-assistant">
        <div className="chat-role">assistant</div>
        <div className="chat-content pre-wrap">
          {response || (
            <span className="muted">
              {t.status === 'ERROR' ? '(failed: no response)' : '(no response)'}
            </span>
          )}
        </div>
      </div>
    </li>
  );
}
