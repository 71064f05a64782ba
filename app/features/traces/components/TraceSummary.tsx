import { useMemo } from 'react';
import { Link } from 'react-router';
import type { TraceData, TraceInfo } from '../../../api';
import { CopyButton } from '../../../components/CopyButton';
import { Spinner } from '../../../components/Spinner';
import { RelativeTime } from '../../../components/RelativeTime';
import { wheelSideways } from '../../../components/wheel-sideways';
import { formatNs } from '../model/format-ns';
import { spanTypeCountsOf } from '../model/per-tree';
import { errorCount, type TokenUsage } from '../model/stats';
import type { SpanTree } from '../model/tree';
import { PayloadView } from './PayloadView';
import { SpanTypeIcon } from './SpanTypeIcon';
import { TraceTags } from './TraceTags';
import { formatInt } from '../../../lib/format';
import { useDocumentTitle } from '../../../components/use-document-title';
import { runPath } from '../../../lib/paths';

/** Back link, the trace's name and status, and its request id (with a copy button). */
export function TraceTitle({
  requestId,
  name,
  status,
}: {
  requestId: string;
  name?: string;
  status?: string;
}) {
  useDocumentTitle(name || `Trace ${requestId}`);
  return (
    <div className="toolbar" style={{ marginBottom: 4 }}>
      <Link to=".." relative="path" className="muted">
        ← Traces
      </Link>
      <h1 style={{ margin: 0 }}>{name || requestId}</h1>
      {status ? <span className={`badge status-${status}`}>{status}</span> : null}
      <span className="mono muted">{requestId}</span>
      <CopyButton text={requestId} label="Copy request ID" />
    </div>
  );
}

/** The trace at a glance: name, status, latency, spans by type, errors, tokens, tags, request and response. */
export function TraceSummary({
  requestId,
  info,
  data,
  tree,
  tokens,
}: {
  requestId: string;
  info: TraceInfo | null;
  /** Null while the spans load: what the info tells is shown, the rest comes with them. */
  data: TraceData | null;
  tree: SpanTree | null;
  tokens: TokenUsage | null;
}) {
  const types = tree ? spanTypeCountsOf(tree) : [];
  const errors = useMemo(() => (tree ? errorCount(tree.spans) : 0), [tree]);
  const latencyMs = info?.executionTimeMs ?? null;
  const root = tree?.spans[0];
  const rootStatus = root ? (root.status === 'ERROR' ? 'ERROR' : 'OK') : undefined;
  return (
    <header className="trace-summary">
      <TraceTitle
        requestId={requestId}
        name={info?.name || root?.name}
        status={info?.status ?? rootStatus}
      />
      <dl className="trace-stats">
        <div>
          <dt>Started</dt>
          <dd>
            <RelativeTime ms={info?.timestampMs ?? root?.startTimeMs} />
          </dd>
        </div>
        <div>
          <dt>Latency</dt>
          <dd>
            {latencyMs !== null ? formatNs(latencyMs * 1e6) : tree ? formatNs(tree.totalNs) : '…'}
          </dd>
        </div>
        <div>
          <dt>Spans</dt>
          <dd>{tree ? formatInt(tree.spans.length) : '…'}</dd>
        </div>
        <div>
          <dt>Errors</dt>
          <dd className={errors ? 'status-ERROR' : undefined}>{tree ? errors : '…'}</dd>
        </div>
        {tokens ? (
          <div>
            <dt>Tokens</dt>
            <dd title={`input ${tokens.input}, output ${tokens.output}`}>
              {formatInt(tokens.total)}
            </dd>
          </div>
        ) : null}
        {info?.sourceRunId ? (
          <div>
            <dt>Run</dt>
            <dd>
              <Link
                to={runPath({ experimentId: info.experimentId, runId: info.sourceRunId })}
                className="mono"
              >
                {info.sourceRunId.slice(0, 8)}
              </Link>
            </dd>
          </div>
        ) : null}
        <div className="trace-types">
          <dt>By type</dt>
          <dd>
            {tree ? (
              <ul ref={wheelSideways} className="chips chip-line" aria-label="Spans by type">
                {types.map((t) => (
                  <li key={t.type} className="chip">
                    <SpanTypeIcon type={t.type} /> {t.type} <span className="muted">{t.count}</span>
                  </li>
                ))}
              </ul>
            ) : (
              // A chip's height, so the line does not grow when the real chips come.
              <span className="chips">
                <span className="chip muted">…</span>
              </span>
            )}
          </dd>
        </div>
      </dl>
      {info ? <TraceTags requestId={requestId} tags={info.tags} /> : null}
      <details className="trace-io">
        <summary>Request and response</summary>
        {data ? (
          <div className="grid-2">
            <PayloadView label="Request" value={data.request} />
            <PayloadView label="Response" value={data.response} />
          </div>
        ) : (
          <Spinner />
        )}
      </details>
    </header>
  );
}
