import { useMemo, useState } from 'react';
import { at } from '../../../lib/at';
import { CopyButton } from '../../../components/CopyButton';
import { formatDateTime, formatInt } from '../../../lib/format';
import { attributeCells } from '../model/attributes';
import { formatNs } from '../model/format-ns';
import { exceptionEvents, latencyBreakdown, spanTokenUsage, type TokenUsage } from '../model/stats';
import { durationNs, type SpanTree } from '../model/tree';
import { JsonView } from './JsonView';
import { LongText } from './LongText';
import { PayloadView } from './PayloadView';
import { SpanTypeIcon } from './SpanTypeIcon';

const BREAKDOWN_ROWS = 15;

function Tokens({ own, rolled }: { own: TokenUsage | null; rolled: TokenUsage | null }) {
  if (!own && !rolled) return null;
  const row = (label: string, u: TokenUsage) => (
    <tr key={label}>
      <th scope="row">{label}</th>
      <td className="num">{formatInt(u.input)}</td>
      <td className="num">{formatInt(u.output)}</td>
      <td className="num">{formatInt(u.total)}</td>
    </tr>
  );
  return (
    <section aria-label="Token usage">
      <h3>Token usage</h3>
      <table className="table compact">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col" className="num">
              Input
            </th>
            <th scope="col" className="num">
              Output
            </th>
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {own ? row('This span', own) : null}
          {rolled && !own ? row('Spans below', rolled) : null}
        </tbody>
      </table>
    </section>
  );
}

/** Everything about one span: timing, exception, inputs/outputs, tokens, latency breakdown, attributes, events. */
export function SpanDetail({
  tree,
  index,
  rolledTokens,
  onSelect,
}: {
  tree: SpanTree;
  index: number;
  rolledTokens: TokenUsage | null;
  onSelect: (i: number) => void;
}) {
  // The page passes an index it found in this tree (spanIndexOfRef, or 0 of a non-empty tree).
  const span = at(tree.spans, index, 'selected span');
  const [allParts, setAllParts] = useState(false);
  const exceptions = useMemo(() => exceptionEvents(span), [span]);
  const otherEvents = span.events.filter(
    (e) => !(e.name === 'exception' || 'exception.type' in e.attributes),
  );
  const parts = useMemo(() => latencyBreakdown(tree, index), [tree, index]);
  const cells = useMemo(() => attributeCells(span), [span]);
  const total = durationNs(tree, index);
  return (
    <article className="span-detail" aria-label="Selected span">
      <header className="span-detail-head">
        <SpanTypeIcon type={span.spanType} />
        <h2>
          <LongText text={span.name} limit={200} />
        </h2>
        <span className="badge">{span.spanType}</span>
        <span className={`badge status-${span.status}`}>{span.status}</span>
      </header>
      <dl className="kv">
        <dt>Span ID</dt>
        <dd>
          <span className="mono">{span.spanId}</span>{' '}
          <CopyButton text={span.spanId} label="Copy span ID" />
        </dd>
        <dt>Start</dt>
        <dd>
          +{formatNs(span.startNs - tree.startNs)}{' '}
          <span className="muted">({formatDateTime(span.startTimeMs)})</span>
        </dd>
        <dt>Duration</dt>
        <dd>{span.endNs === null ? `${formatNs(total)} (not finished)` : formatNs(total)}</dd>
        {span.statusMessage ? (
          <>
            <dt>Status message</dt>
            <dd className={`status-${span.status}`}>
              <LongText text={span.statusMessage} limit={1000} />
            </dd>
          </>
        ) : null}
      </dl>

      {exceptions.map((x, k) => (
        <section key={k} className="exception" aria-label="Exception">
          <h3>
            Exception <span className="mono">{x.type}</span>
          </h3>
          <p className="status-ERROR">
            <LongText text={x.message} limit={2000} />
          </p>
          {x.stacktrace ? (
            <pre className="stacktrace" aria-label="Stack trace">
              <LongText text={x.stacktrace} limit={20_000} />
            </pre>
          ) : null}
        </section>
      ))}

      <PayloadView label="Inputs" value={span.inputs} />
      <PayloadView label="Outputs" value={span.outputs} />
      <Tokens own={spanTokenUsage(span)} rolled={rolledTokens} />

      {parts.length > 1 ? (
        <section aria-label="Latency breakdown">
          <h3>Latency breakdown</h3>
          <table className="table compact">
            <tbody>
              {(allParts ? parts : parts.slice(0, BREAKDOWN_ROWS)).map((p) => (
                <tr key={p.index === index ? 'self' : p.index}>
                  <td>
                    {p.index === index || p.index === null ? (
                      <em>self time</em>
                    ) : (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => onSelect(p.index as number)}
                      >
                        <LongText text={p.label} limit={80} />
                      </button>
                    )}
                  </td>
                  <td className="muted">{p.index === index ? '' : p.spanType}</td>
                  <td className="num">{formatNs(p.ns)}</td>
                  <td style={{ width: 120 }}>
                    <div className="share-bar" title={`${(p.share * 100).toFixed(1)}%`}>
                      <div style={{ width: `${Math.min(p.share, 1) * 100}%` }} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {parts.length > BREAKDOWN_ROWS && !allParts ? (
            <button type="button" className="button small" onClick={() => setAllParts(true)}>
              Show all {parts.length - 1} children
            </button>
          ) : null}
        </section>
      ) : null}

      <section aria-label="Attributes">
        <h3>Attributes</h3>
        {cells.length ? (
          <table className="table compact attributes">
            <tbody>
              {cells.map((c) => (
                <tr key={c.key}>
                  <th scope="row" className="mono">
                    <LongText text={c.key} limit={120} />
                  </th>
                  <td>
                    {c.kind === 'json' ? (
                      <JsonView value={c.value} label={c.key} />
                    ) : c.kind === 'raw' ? (
                      <>
                        <span className="badge" title="This value is not valid JSON; shown as sent">
                          raw
                        </span>{' '}
                        <LongText text={c.text} limit={2000} className="pre-wrap mono" />
                      </>
                    ) : (
                      <LongText text={c.text} limit={2000} className="pre-wrap mono" />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No attributes.</p>
        )}
      </section>

      {otherEvents.length ? (
        <section aria-label="Events">
          <h3>Events</h3>
          <table className="table compact">
            <tbody>
              {otherEvents.map((e, k) => (
                <tr key={k}>
                  <td>
                    <LongText text={e.name} limit={200} />
                  </td>
                  <td className="num">+{formatNs(e.offsetNs - tree.startNs)}</td>
                  <td>
                    <JsonView value={e.attributes} label={`${e.name} attributes`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </article>
  );
}
