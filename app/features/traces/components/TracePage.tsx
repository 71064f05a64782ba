import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Span } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useAfterFirstPaint } from '../../../components/use-after-first-paint';
import { useServerLine } from '../../../components/use-server-line';
import { useUrlParam } from '../../../components/use-url-state';
import { spanTreeOf, tokenUsageOf } from '../model/per-tree';
import { spanIndexOfRef, spanRefOf } from '../model/span-ref';
import type { TokenUsage } from '../model/stats';
import type { SpanTree } from '../model/tree';
import { traceDataQueryOptions, traceInfoQueryOptions } from '../queries';
import { AssessmentsPanel } from './AssessmentsPanel';
import { SpanDetail } from './SpanDetail';
import { SpanTimeline } from './SpanTimeline';
import { TimelinePending } from './TimelinePending';
import { TraceSummary } from './TraceSummary';

const NO_TOKENS: (TokenUsage | null)[] = [];
const NO_SPAN_NAMES: ReadonlyMap<string, string> = new Map();

const spanNamesOf = (tree: SpanTree) => new Map(tree.spans.map((s) => [s.spanId, s.name]));

/** One trace: summary on top, span tree + waterfall on the left, the selected span (`?span=`) on the right. */
export function TracePage({ requestId }: { requestId: string }) {
  const info = useQuery(traceInfoQueryOptions(requestId));
  // Assessments are MLflow 3's: 2.x has neither them nor their endpoints.
  const line = useServerLine();
  const data = useQuery(traceDataQueryOptions(requestId));
  // Until the spans (and the info: name, status, tags) are in, the page shows its frame: what the
  // info tells, and the timeline's controls greyed out. A failed info request is reported but
  // does not hide the spans.
  const tree = data.data && !info.isPending ? spanTreeOf(data.data) : null;
  // Token roll-ups and the selected span's panel come the frame after the first rows.
  const late = useAfterFirstPaint(!!tree);
  const tokens = tree && late ? tokenUsageOf(tree) : NO_TOKENS;
  const [spanParam, setSpanParam] = useUrlParam('span');
  const selected = tree ? (spanIndexOfRef(tree, spanParam) ?? (tree.spans.length ? 0 : -1)) : -1;
  const onSelect = useCallback(
    (i: number) => tree && setSpanParam(spanRefOf(tree, i)),
    [tree, setSpanParam],
  );

  if (data.isError)
    return (
      <ErrorNotice title="Trace spans" error={data.error} onRetry={() => void data.refetch()} />
    );
  return (
    <div className="trace-page">
      {info.isError ? (
        <ErrorNotice title="Trace info" error={info.error} onRetry={() => void info.refetch()} />
      ) : null}
      <TraceSummary
        requestId={requestId}
        info={info.data ?? null}
        data={tree ? (data.data ?? null) : null}
        tree={tree}
        tokens={tokens[0] ?? null}
      />
      {/* With the info, not the spans: appearing later, it would push the span rows down. */}
      {info.data && line === 3 ? (
        <AssessmentsPanel
          info={info.data}
          spanNames={tree ? spanNamesOf(tree) : NO_SPAN_NAMES}
          selectedSpan={tree && selected >= 0 ? selectedSpanRef(tree.spans[selected]) : null}
        />
      ) : null}
      {tree && tree.spans.length === 0 ? (
        <p className="empty">This trace has no spans.</p>
      ) : (
        // Only the part still loading is busy: the summary above is readable already.
        <div className="trace-body" aria-busy={tree ? undefined : true}>
          {tree ? (
            <SpanTimeline key={requestId} tree={tree} selected={selected} onSelect={onSelect} />
          ) : (
            <TimelinePending />
          )}
          <div className="trace-detail">
            {tree && selected >= 0 && late ? (
              <SpanDetail
                tree={tree}
                index={selected}
                rolledTokens={tokens[selected] ?? null}
                onSelect={onSelect}
              />
            ) : null}
          </div>
        </div>
      )}
    </div>
  );
}

function selectedSpanRef(span: Span | undefined): { id: string; name: string } | null {
  return span ? { id: span.spanId, name: span.name } : null;
}
