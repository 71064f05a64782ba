import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { isApiError, type TraceStatus } from '../../../api';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { useUrlParams } from '../../../components/use-url-state';
import { parseTraceListUrl, traceListParams } from '../model/list-params';
import { assessmentColumns } from '../model/assessments';
import { useDeleteTraces } from '../mutations';
import { traceListQueryOptions } from '../queries';
import { TracesTable } from './TracesTable';
import { ListToolbar } from '../../../components/ListToolbar';
import type { TraceSort } from '../model/list-filter';
import { LoadMoreButton } from '../../../components/LoadMoreButton';

const STATUSES: { value: TraceStatus | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'OK', label: 'OK' },
  { value: 'ERROR', label: 'Error' },
  { value: 'IN_PROGRESS', label: 'In progress' },
];

const SORTS: { value: TraceSort; label: string }[] = [
  { value: 'time', label: 'Time' },
  { value: 'latency', label: 'Latency' },
  { value: 'name', label: 'Name' },
  { value: 'status', label: 'Status' },
];

/** The traces of an experiment (optionally of one run): server-side filter, order, paging, delete. */
export function TracesList({ experimentId }: { experimentId: string }) {
  const [params, patch] = useUrlParams();
  const url = useMemo(() => parseTraceListUrl(params), [params]);
  const { text: q, status, runId, sort, desc } = url;

  const listParams = useMemo(() => traceListParams(experimentId, url), [experimentId, url]);
  const query = useInfiniteQuery({
    ...traceListQueryOptions(listParams),
    placeholderData: keepPreviousData,
  });
  const traces = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const assessmentCols = useMemo(() => assessmentColumns(traces), [traces]);
  const filterError =
    query.isError && isApiError(query.error) && query.error.status === 400 ? query.error : null;

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
      <ListToolbar
        searchLabel="Search traces"
        searchPlaceholder="Trace name, or a filter such as tags.env = 'prod'"
        query={q}
        sort={sort}
        desc={desc}
        patch={patch}
        defaultSort="time"
        defaultDesc={() => true}
        searchError={filterError}
        sortOptions={SORTS}
        actions={
          <>
            <button
              type="button"
              className="button danger"
              disabled={!selected.size}
              onClick={() => setConfirming(true)}
            >
              Delete{selected.size ? ` (${selected.size})` : ''}
            </button>
          </>
        }
      >
        <div className="segmented" role="group" aria-label="Status">
          {STATUSES.map((s) => (
            <button
              key={s.label}
              type="button"
              aria-pressed={status === s.value}
              onClick={() => patch({ status: s.value })}
            >
              {s.label}
            </button>
          ))}
        </div>
        <label>
          Latency ≥{' '}
          <input
            type="number"
            min={0}
            aria-label="Minimum latency (ms)"
            style={{ width: 80 }}
            defaultValue={params.get('minMs') ?? ''}
            onChange={(e) => patch({ minMs: e.target.value })}
          />
        </label>
        <label>
          ≤{' '}
          <input
            type="number"
            min={0}
            aria-label="Maximum latency (ms)"
            style={{ width: 80 }}
            defaultValue={params.get('maxMs') ?? ''}
            onChange={(e) => patch({ maxMs: e.target.value })}
          />{' '}
          ms
        </label>
      </ListToolbar>
      {runId ? (
        <p className="muted">
          Traces logged in run <span className="mono">{runId}</span>.{' '}
          <button type="button" className="button small" onClick={() => patch({ run: null })}>
            Show all runs
          </button>
        </p>
      ) : null}
      <p className="muted" aria-live="polite">
        {query.isSuccess
          ? `${traces.length} trace${traces.length === 1 ? '' : 's'} loaded${query.hasNextPage ? ', more on the server' : ''}`
          : ''}
        {query.isFetching && !query.isPending ? ' · loading…' : ''}
      </p>
      {query.isPending ? <Spinner label="Loading traces…" /> : null}
      {query.data ? (
        traces.length ? (
          <TracesTable
            assessmentCols={assessmentCols}
            feedback={url.feedback}
            onFeedback={(f) => patch({ fb: f })}
            traces={traces}
            selected={selected}
            onCheck={onCheck}
            onCheckAll={(v) => setSelected(v ? new Set(traces.map((t) => t.requestId)) : new Set())}
          />
        ) : (
          <p className="empty">No trace matches these filters.</p>
        )
      ) : null}
      {query.isError && !filterError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      <LoadMoreButton pager={query} label="Load more traces" />
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
        <p>
          The traces and their spans are deleted from the tracking server. This cannot be undone.
        </p>
      </ConfirmDialog>
    </div>
  );
}
