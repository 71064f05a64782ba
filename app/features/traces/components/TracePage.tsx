import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { useAfterFirstPaint } from '../../../components/use-after-first-paint';
import { useUrlParam } from '../../../components/use-url-state';
import { spanTreeOf, tokenUsageOf } from '../model/per-tree';
import type { TokenUsage } from '../model/stats';
import { traceDataQueryOptions, traceInfoQueryOptions } from '../queries';
import { SpanDetail } from './SpanDetail';
import { SpanTimeline } from './SpanTimeline';
import { TraceSummary } from './TraceSummary';

const NO_TOKENS: (TokenUsage | null)[] = [];

/** One trace: summary on top, span tree + waterfall on the left, the selected span (`?span=`) on the right. */
export function TracePage({ requestId }: { requestId: string }) {
  const info = useQuery(traceInfoQueryOptions(requestId));
  const data = useQuery(traceDataQueryOptions(requestId));
  const tree = data.data ? spanTreeOf(data.data) : null;
  // Token roll-ups and the selected span's panel come the frame after the first rows.
  const late = useAfterFirstPaint(!!tree);
  const tokens = tree && late ? tokenUsageOf(tree) : NO_TOKENS;
  const [spanParam, setSpanParam] = useUrlParam('span');
  const selected = tree ? (tree.indexById.get(spanParam) ?? (tree.spans.length ? 0 : -1)) : -1;
  const onSelect = useCallback((i: number) => tree && setSpanParam(tree.spans[i].spanId), [tree, setSpanParam]);

  if (data.isError) return <ErrorNotice title="Trace spans" error={data.error} onRetry={() => void data.refetch()} />;
  // The spans are the page; a failed info request (tags, status) is reported but does not hide them.
  if (!data.data || !tree || info.isPending) return <Spinner label="Loading trace…" />;
  return (
    <div className="trace-page">
      {info.isError ? <ErrorNotice title="Trace info" error={info.error} onRetry={() => void info.refetch()} /> : null}
      <TraceSummary requestId={requestId} info={info.data ?? null} data={data.data} tree={tree} tokens={tokens[0] ?? null} />
      {tree.spans.length === 0 ? (
        <p className="empty">This trace has no spans.</p>
      ) : (
        <div className="trace-body">
          <SpanTimeline key={requestId} tree={tree} selected={selected} onSelect={onSelect} />
          <div className="trace-detail">
            {selected >= 0 && late ? <SpanDetail tree={tree} index={selected} rolledTokens={tokens[selected] ?? null} onSelect={onSelect} /> : null}
          </div>
        </div>
      )}
    </div>
  );
}
