import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { TraceStatus } from '../../../api';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { filterErrorOf, ListBody } from '../../../components/ListBody';
import { useUrlParams } from '../../../components/use-url-state';
import { parseTraceListUrl, TRACE_SORTING, traceListParams } from '../model/list-params';
import { assessmentColumns } from '../model/assessments';
import { useDeleteTraces } from '../mutations';
import { traceListQueryOptions } from '../queries';
import { TracesTable } from './TracesTable';
import { ListToolbar } from '../../../components/ListToolbar';
import { Segmented } from '../../../components/Segmented';

const STATUSES: { value: TraceStatus | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'OK', label: 'OK' },
  { value: 'ERROR', label: 'Error' },
  { value: 'IN_PROGRESS', label: 'In progress' },
];

const SEARCH = {
  label: 'Search traces',
  placeholder: "Trace name, or a filter such as tags.env = 'prod'",
};

/** The traces of an experiment (optionally of one run): server-side filter, order, paging, delete. */
export function TracesList({ experimentId }: { experimentId: string }) {
  const [params, patch] = useUrlParams();
  const url = useMemo(() => parseTraceListUrl(params), [params]);
  const { status, runId } = url;

  const listParams = useMemo(() => traceListParams(experimentId, url), [experimentId, url]);
  const query = useInfiniteQuery({
    ...traceListQueryOptions(listParams),
    placeholderData: keepPreviousData,
  });
  const traces = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const assessmentCols = useMemo(() => assessmentColumns(traces), [traces]);
  const filterError = filterErrorOf(query);

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
        search={SEARCH}
        searchError={filterError}
        sorting={TRACE_SORTING}
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
        <Segmented
          label="Status"
          options={STATUSES}
          value={status}
          onChange={(v) => patch({ status: v })}
        />
        <LatencyBound param="minMs" before="Latency ≥" label="Minimum latency (ms)" />
        <LatencyBound param="maxMs" before="≤" after="ms" label="Maximum latency (ms)" />
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
      <ListBody
        query={query}
        count={traces.length}
        loading="Loading traces…"
        empty="No trace matches these filters."
        loadMoreLabel="Load more traces"
        autoLoad={false}
      >
        <TracesTable
          assessmentCols={assessmentCols}
          feedback={url.feedback}
          onFeedback={(f) => patch({ fb: f })}
          traces={traces}
          selected={selected}
          onCheck={onCheck}
          onCheckAll={(v) => setSelected(v ? new Set(traces.map((t) => t.requestId)) : new Set())}
        />
      </ListBody>
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

/** One end of the latency range (`minMs`/`maxMs` in the URL), in milliseconds. */
function LatencyBound(p: {
  param: 'minMs' | 'maxMs';
  label: string;
  before: string;
  after?: string;
}) {
  const [params, patch] = useUrlParams();
  return (
    <label>
      {p.before}{' '}
      <input
        type="number"
        min={0}
        aria-label={p.label}
        style={{ width: 80 }}
        defaultValue={params.get(p.param) ?? ''}
        onChange={(e) => patch({ [p.param]: e.target.value })}
      />
      {p.after ? ` ${p.after}` : null}
    </label>
  );
}
