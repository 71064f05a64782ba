import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Experiment } from '../../../api';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { filterErrorOf, ListBody } from '../../../components/ListBody';
import { LifecycleFilter } from '../../../components/Segmented';
import { Table } from '../../../components/Table';
import { useUrlParams } from '../../../components/use-url-state';
import {
  EXPERIMENT_SORTING,
  experimentListParams,
  parseExperimentListUrl,
} from '../model/list-params';
import {
  useCreateExperiment,
  useDeleteExperiment,
  useRenameExperiment,
  useRestoreExperiment,
} from '../mutations';
import { experimentListQueryOptions } from '../queries';
import { ExperimentNameDialog } from './ExperimentNameDialog';
import { ExperimentRow } from './ExperimentRow';
import { ListHeader, ListToolbar } from '../../../components/ListToolbar';
import { Link, useNavigate } from 'react-router';
import { experimentPath } from '../../../lib/paths';

const SEARCH = {
  label: 'Search experiments',
  placeholder: "Search by name, or a filter such as tags.team = 'nlp'",
};

const COLUMNS = [
  { hidden: 'Select' },
  'Name',
  'Tags',
  'Description',
  'Created',
  'Updated',
  { hidden: 'Actions' },
];

export function ExperimentsPage() {
  const [params, patch] = useUrlParams();
  const url = useMemo(() => parseExperimentListUrl(params), [params]);
  const { q, view } = url;

  const listParams = useMemo(() => experimentListParams(url), [url]);
  const query = useInfiniteQuery({
    ...experimentListQueryOptions(listParams),
    placeholderData: keepPreviousData,
  });
  // A bad filter keeps the last good list on screen and shows the message beside the box.
  const lastGood = useRef<Experiment[]>([]);
  const experiments = useMemo(() => {
    if (!query.data) return lastGood.current;
    const items = query.data.pages.flatMap((p) => p.items);
    lastGood.current = items;
    return items;
  }, [query.data]);
  const filterError = filterErrorOf(query);
  const hasList = query.data !== undefined || (query.isError && lastGood.current.length > 0);

  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<Experiment | null>(null);
  const [deleting, setDeleting] = useState<Experiment | null>(null);
  const create = useCreateExperiment();
  const rename = useRenameExperiment();
  const remove = useDeleteExperiment();
  const restore = useRestoreExperiment();

  const navigate = useNavigate();
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const onToggle = useCallback(
    (id: string) =>
      setSelected((prev) => {
        const next = new Set(prev);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const onRename = useCallback((e: Experiment) => setRenaming(e), []);
  const onDelete = useCallback((e: Experiment) => setDeleting(e), []);
  const onRestore = useCallback((e: Experiment) => restore.mutate(e.id), [restore]);

  return (
    <section className="page">
      <ListHeader
        title="Experiments"
        shown={query.isSuccess ? experiments.length : null}
        more={query.hasNextPage}
        action={
          <>
            {selected.size ? (
              <Link className="button" to={experimentPath([...selected])}>
                Compare runs ({selected.size})
              </Link>
            ) : (
              <button
                type="button"
                className="button"
                disabled
                title="Select experiments to see their runs in one table"
              >
                Compare runs
              </button>
            )}
            <button type="button" className="button primary" onClick={() => setCreating(true)}>
              Create experiment
            </button>
          </>
        }
      />
      <ListToolbar search={SEARCH} searchError={filterError} sorting={EXPERIMENT_SORTING}>
        <LifecycleFilter
          value={view}
          onChange={(v) => patch({ view: v === 'ACTIVE_ONLY' ? null : v })}
        />
      </ListToolbar>

      <ListBody
        query={query}
        shown={hasList}
        count={experiments.length}
        loading="Loading experiments…"
        empty={q ? 'No experiment matches this search.' : 'No experiments here yet.'}
        loadMoreLabel="Load more experiments"
      >
        <Table label="Experiments" columns={COLUMNS} className="experiments-table">
          {experiments.map((e) => (
            <ExperimentRow
              key={e.id}
              experiment={e}
              selected={selected.has(e.id)}
              onToggle={onToggle}
              onRename={onRename}
              onDelete={onDelete}
              onRestore={onRestore}
            />
          ))}
        </Table>
      </ListBody>

      {creating ? (
        <ExperimentNameDialog
          title="Create experiment"
          submitLabel="Create"
          busy={create.isPending}
          onSubmit={async (name) => {
            // a new experiment is where the person wants to be next
            const id = await create.mutateAsync({ name });
            void navigate(experimentPath(id));
          }}
          onClose={() => setCreating(false)}
        />
      ) : null}
      {renaming ? (
        <ExperimentNameDialog
          title={`Rename “${renaming.name}”`}
          submitLabel="Rename"
          initialName={renaming.name}
          busy={rename.isPending}
          onSubmit={(name) => rename.mutateAsync({ id: renaming.id, name })}
          onClose={() => setRenaming(null)}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete experiment?"
        confirmLabel="Delete"
        danger
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.id, { onSettled: () => setDeleting(null) });
        }}
      >
        <p>
          “{deleting?.name}” and its runs move to the deleted list. You can restore it from the{' '}
          <em>Deleted</em> view until the server's garbage collection removes it.
        </p>
      </ConfirmDialog>
    </section>
  );
}
