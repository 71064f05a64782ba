import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError, type RegisteredModel } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { RelativeTime } from '../../../components/RelativeTime';
import { Spinner } from '../../../components/Spinner';
import { TagChips } from '../../../components/TagChips';
import { useDebounced } from '../../../components/use-debounced';
import { useUrlParams } from '../../../components/use-url-state';
import {
  aliasEntries,
  excerpt,
  latestPerStage,
  modelListParamsFor,
  readModelListParams,
} from '../model/filter';
import { modelPath, modelVersionPath } from '../../../lib/paths';
import { useCreateModel } from '../mutations';
import { modelListQueryOptions } from '../queries';
import { ModelNameDialog } from './ModelNameDialog';
import { useLoadMoreSentinel } from '../../../components/use-load-more';
import { FilterSearchBox } from '../../../components/FilterSearchBox';

export function ModelsPage() {
  const [params, patch] = useUrlParams();
  const { q, sort, desc } = readModelListParams(params);
  const [text, setText] = useState(q);
  const debounced = useDebounced(text, 250);
  useEffect(() => {
    if (debounced !== q) patch({ q: debounced });
  }, [debounced, q, patch]);

  const listParams = useMemo(() => modelListParamsFor(q, sort, desc), [q, sort, desc]);
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
      <div className="toolbar">
        <h1 style={{ margin: 0 }}>Models</h1>
        <span className="muted" aria-live="polite">
          {query.isSuccess ? `${models.length}${hasNextPage ? '+' : ''} shown` : ''}
        </span>
        <span className="grow" />
        <button type="button" className="button primary" onClick={() => setCreating(true)}>
          Create model
        </button>
      </div>
      <div className="toolbar">
        <FilterSearchBox
          label="Search models"
          placeholder="Search by name, or a filter such as name LIKE 'iris%'"
          value={text}
          onChange={setText}
          error={filterError}
        />
        <label htmlFor="models-sort">Sort by</label>
        <select
          id="models-sort"
          value={sort}
          onChange={(e) =>
            patch({ sort: e.target.value === 'updated' ? null : e.target.value, dir: null })
          }
        >
          <option value="updated">Last updated</option>
          <option value="name">Name</option>
        </select>
        <button
          type="button"
          className="button"
          aria-label={
            desc ? 'Sort descending (click for ascending)' : 'Sort ascending (click for descending)'
          }
          onClick={() => patch({ dir: desc ? 'asc' : 'desc' })}
        >
          {desc ? '↓' : '↑'}
        </button>
      </div>

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
      {hasNextPage ? (
        <button
          type="button"
          className="button"
          disabled={isFetchingNextPage}
          onClick={() => void fetchNextPage()}
        >
          {isFetchingNextPage ? 'Loading…' : 'Load more models'}
        </button>
      ) : null}

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
