import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError, type RegisteredModel } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { RelativeTime } from '../../../components/RelativeTime';
import { Spinner } from '../../../components/Spinner';
import { TagChips } from '../../../components/TagChips';
import { useUrlParams } from '../../../components/use-url-state';
import { aliasEntries, excerpt, latestPerStage } from '../model/filter';
import { modelListParams, parseModelListUrl } from '../model/list-params';
import { modelPath, modelVersionPath } from '../../../lib/paths';
import { useCreateModel } from '../mutations';
import { modelListQueryOptions } from '../queries';
import { ModelNameDialog } from './ModelNameDialog';
import { useLoadMoreSentinel } from '../../../components/use-load-more';
import { ListHeader, ListToolbar } from '../../../components/ListToolbar';
import type { ModelSort } from '../model/filter';
import { LoadMoreButton } from '../../../components/LoadMoreButton';

const SORTS: { value: ModelSort; label: string }[] = [
  { value: 'updated', label: 'Last updated' },
  { value: 'name', label: 'Name' },
];

export function ModelsPage() {
  const [params, patch] = useUrlParams();
  const url = useMemo(() => parseModelListUrl(params), [params]);
  const { q, sort, desc } = url;

  const listParams = useMemo(() => modelListParams(url), [url]);
  const query = useInfiniteQuery({
    ...modelListQueryOptions(listParams),
    placeholderData: keepPreviousData,
  });
  const models = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const filterError =
    query.isError && isApiError(query.error) && query.error.status === 400 ? query.error : null;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  const sentinel = useLoadMoreSentinel({ hasNextPage, isFetchingNextPage, fetchNextPage });

  const [creating, setCreating] = useState(false);
  const create = useCreateModel();
  const navigate = useNavigate();

  return (
    <section className="page">
      <ListHeader
        title="Models"
        shown={query.isSuccess ? models.length : null}
        more={!!hasNextPage}
        action={
          <button type="button" className="button primary" onClick={() => setCreating(true)}>
            Create model
          </button>
        }
      />
      <ListToolbar
        searchLabel="Search models"
        searchPlaceholder="Search by name, or a filter such as name LIKE 'iris%'"
        query={q}
        sort={sort}
        desc={desc}
        patch={patch}
        defaultSort="updated"
        defaultDesc={(s) => s !== 'name'}
        searchError={filterError}
        sortOptions={SORTS}
      />

      {query.isPending ? <Spinner label="Loading models…" /> : null}
      {query.data ? (
        models.length ? (
          <table className="table" aria-label="Registered models">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Latest versions</th>
                <th scope="col">Aliases</th>
                <th scope="col">Tags</th>
                <th scope="col">Last updated</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {models.map((m) => (
                <ModelRow key={m.name} model={m} />
              ))}
            </tbody>
          </table>
        ) : (
          <p className="empty">
            {q ? 'No model matches this search.' : 'No registered models yet.'}
          </p>
        )
      ) : null}
      {query.isError && !filterError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      <div ref={sentinel} />
      <LoadMoreButton pager={query} label="Load more models" />

      {creating ? (
        <ModelNameDialog
          title="Create registered model"
          submitLabel="Create"
          withDescription
          busy={create.isPending}
          onSubmit={async (name, description) => {
            const m = await create.mutateAsync({ name, description });
            void navigate(modelPath(m.name));
          }}
          onClose={() => setCreating(false)}
        />
      ) : null}
    </section>
  );
}

function ModelRow({ model: m }: { model: RegisteredModel }) {
  return (
    <tr>
      <td>
        <Link to={modelPath(m.name)}>{m.name}</Link>
      </td>
      <td>
        {latestPerStage(m).map((s) => (
          <Link
            key={s.stage}
            to={modelVersionPath({ name: m.name, version: s.version })}
            className="badge"
            title={`Latest ${s.stage} version`}
          >
            {s.stage}: v{s.version}
          </Link>
        ))}
      </td>
      <td>
        {aliasEntries(m.aliases).map(([a, v]) => (
          <span key={a} className="badge">
            @{a} → v{v}
          </span>
        ))}
      </td>
      <td>
        <TagChips tags={m.tags} max={4} />
      </td>
      <td>
        <RelativeTime ms={m.lastUpdatedTimestamp} />
      </td>
      <td className="excerpt" title={m.description}>
        {excerpt(m.description)}
      </td>
    </tr>
  );
}
