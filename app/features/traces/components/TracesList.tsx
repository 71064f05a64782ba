import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { isApiError, type TraceStatus } from '../../../api';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { useDebounced } from '../../../components/use-debounced';
import { useUrlParams } from '../../../components/use-url-state';
import { assessmentColumns, feedbackFilter } from '../model/assessments';
import { traceOrderBy, traceSearchFilter, type TraceSort } from '../model/list-filter';
import { useDeleteTraces } from '../mutations';
import { traceListQueryOptions } from '../queries';
import { TracesTable } from './TracesTable';
import { FilterSearchBox } from '../../../components/FilterSearchBox';

const STATUSES: { value: TraceStatus | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'OK', label: 'OK' },
  { value: 'ERROR', label: 'Error' },
  { value: 'IN_PROGRESS', label: 'In progress' },
];

const num = (v: string | null) => (v === null || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));

/** Read the list state from the URL; shared by the page and its loader. */
export function traceListParamsFromUrl(experimentId: string, p: URLSearchParams) {
  const sort = (p.get('sort') as TraceSort | null) ?? 'time';
  const desc = (p.get('dir') ?? 'desc') === 'desc';
  const filter = traceSearchFilter({
    text: p.get('q') ?? '',
    status: (p.get('status') as TraceStatus | null) ?? '',
    minMs: num(p.get('minMs')),
    maxMs: num(p.get('maxMs')),
    runId: p.get('run') ?? '',
  });
  // `?fb=<name>=<value>`: one assessment column's value (MLflow 3's v3 search reads `feedback.<name>`).
  const fb = p.get('fb') ?? '';
  const eq = fb.indexOf('=');
  const feedback = eq > 0 ? feedbackFilter(fb.slice(0, eq), fb.slice(eq + 1)) : '';
  return { experimentId, filter: [filter, feedback].filter(Boolean).join(' AND '), orderBy: traceOrderBy(sort, desc) };
}

/** The traces of an experiment (optionally of one run): server-side filter, order, paging, delete. */
export function TracesList({ experimentId }: { experimentId: string }) {
  const [params, patch] = useUrlParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const debounced = useDebounced(text, 300);
  const q = params.get('q') ?? '';
  useEffect(() => {
    if (debounced !== q) patch({ q: debounced });
  }, [debounced, q, patch]);
  const status = params.get('status') ?? '';
  const runId = params.get('run') ?? '';
  const sort = (params.get('sort') as TraceSort | null) ?? 'time';
  const desc = (params.get('dir') ?? 'desc') === 'desc';

  const listParams = useMemo(() => traceListParamsFromUrl(experimentId, params), [experimentId, params]);
  const query = useInfiniteQuery({ ...traceListQueryOptions(listParams), placeholderData: keepPreviousData });
  const traces = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const assessmentCols = useMemo(() => assessmentColumns(traces), [traces]);
  const filterError = query.isError && isApiError(query.error) && query.error.status === 400 ? query.error : null;

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteTraces(experimentId);
  const onCheck = useCallback(
    (id: string, v: boolean) =>
      setSelected((s) => {
        const n = new Set(s);
        if (v) n.add(id);
        else n.delete(id);
        return n;
      }),
    [],
  );

  return (
    <div className="traces-list">
      <div className="toolbar">
        <FilterSearchBox
          label="Search traces"
          placeholder="Trace name, or a filter such as tags.env = 'prod'"
          value={text}
          onChange={setText}
          error={filterError}
        />
        <div className="segmented" role="group" aria-label="Status">
          {STATUSES.map((s) => (
            <button key={s.label} type="button" aria-pressed={status === s.value} onClick={() => patch({ status: s.value })}>
              {s.label}
            </button>
          ))}
        </div>
        <label>
          Latency ≥{' '}
          <input type="number" min={0} aria-label="Minimum latency (ms)" style={{ width: 80 }} defaultValue={params.get('minMs') ?? ''} onChange={(e) => patch({ minMs: e.target.value })} />
        </label>
        <label>
          ≤{' '}
          <input type="number" min={0} aria-label="Maximum latency (ms)" style={{ width: 80 }} defaultValue={params.get('maxMs') ?? ''} onChange={(e) => patch({ maxMs: e.target.value })} />{' '}
          ms
        </label>
        <select aria-label="Sort by" value={sort} onChange={(e) => patch({ sort: e.target.value === 'time' ? null : e.target.value })}>
          <option value="time">Time</option>
          <option value="latency">Latency</option>
          <option value="name">Name</option>
          <option value="status">Status</option>
        </select>
        <button type="button" className="button" aria-label={desc ? 'Sort descending' : 'Sort ascending'} onClick={() => patch({ dir: desc ? 'asc' : null })}>
          {desc ? '↓' : '↑'}
        </button>
        <button type="button" className="button danger" disabled={!selected.size} onClick={() => setConfirming(true)}>
          Delete{selected.size ? ` (${selected.size})` : ''}
        </button>
      </div>
      {runId ? (
        <p className="muted">
          Traces logged in run <span className="mono">{runId}</span>.{' '}
          <button type="button" className="button small" onClick={() => patch({ run: null })}>
            Show all runs
          </button>
        </p>
      ) : null}
      <p className="muted" aria-live="polite">
        {query.isSuccess ? `${traces.length} trace${traces.length === 1 ? '' : 's'} loaded${query.hasNextPage ? ', more on the server' : ''}` : ''}
        {query.isFetching && !query.isPending ? ' · loading…' : ''}
      </p>
      {query.isPending ? <Spinner label="Loading traces…" /> : null}
      {query.data ? (
        traces.length ? (
          <TracesTable
            assessmentCols={assessmentCols}
            feedback={params.get('fb') ?? ''}
            onFeedback={(f) => patch({ fb: f })}
            traces={traces}
            selected={selected} onCheck={onCheck} onCheckAll={(v) => setSelected(v ? new Set(traces.map((t) => t.requestId)) : new Set())} />
        ) : (
          <p className="empty">No trace matches these filters.</p>
        )
      ) : null}
      {query.isError && !filterError ? <ErrorNotice error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.hasNextPage ? (
        <button type="button" className="button" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {query.isFetchingNextPage ? 'Loading…' : 'Load more traces'}
        </button>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={`Delete ${selected.size} trace${selected.size === 1 ? '' : 's'}?`}
        confirmLabel="Delete"
        danger
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate([...selected], {
            onSettled: () => setConfirming(false),
            onSuccess: () => setSelected(new Set()),
          })
        }
      >
        <p>The traces and their spans are deleted from the tracking server. This cannot be undone.</p>
      </ConfirmDialog>
    </div>
  );
}
