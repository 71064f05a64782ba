import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { FilterSearchBox } from '../../../components/FilterSearchBox';
import { RelativeTime } from '../../../components/RelativeTime';
import { Spinner } from '../../../components/Spinner';
import { TagChips } from '../../../components/TagChips';
import { useDebounced } from '../../../components/use-debounced';
import { useUrlParam } from '../../../components/use-url-state';
import { promptPath } from '../../../lib/paths';
import { promptListQueryOptions } from '../queries';

/** Tags a person set (MLflow's own `_mlflow…` bookkeeping left out). */
const userTags = (tags: Record<string, string>) =>
  Object.fromEntries(Object.entries(tags).filter(([k]) => !k.startsWith('_mlflow')));

/** The prompt registry: every prompt, searchable by name, with its tags and latest version. */
export function PromptsPage() {
  const [q, setQ] = useUrlParam('q');
  const [text, setText] = useState(q);
  const debounced = useDebounced(text, 300);
  useEffect(() => {
    if (debounced !== q) setQ(debounced);
  }, [debounced, q, setQ]);
  const list = useQuery({ ...promptListQueryOptions(q), placeholderData: keepPreviousData });
  const filterError =
    list.isError && isApiError(list.error) && list.error.status === 400 ? list.error : null;
  return (
    <>
      <h1>Prompts</h1>
      <div className="toolbar">
        <FilterSearchBox
          label="Search prompts"
          placeholder="Prompt name contains…"
          value={text}
          onChange={setText}
          error={filterError}
        />
      </div>
      {list.isPending ? <Spinner label="Loading prompts…" /> : null}
      {list.isError && !filterError ? (
        <ErrorNotice title="Prompts" error={list.error} onRetry={() => void list.refetch()} />
      ) : null}
      {list.data && list.data.length === 0 ? (
        <p className="empty">{q ? 'No prompt matches.' : 'No prompts registered.'}</p>
      ) : null}
      {list.data?.length ? (
        <table className="table" aria-label="Prompts">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Latest version</th>
              <th scope="col">Updated</th>
              <th scope="col">Tags</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((p) => {
              const latest = p.latestVersions.reduce(
                (m, v) => Math.max(m, Number(v.version) || 0),
                0,
              );
              return (
                <tr key={p.name}>
                  <td>
                    <Link to={promptPath({ name: p.name })}>{p.name}</Link>
                  </td>
                  <td>{latest ? `v${latest}` : '—'}</td>
                  <td>
                    <RelativeTime ms={p.lastUpdatedTimestamp} />
                  </td>
                  <td>
                    <TagChips tags={userTags(p.tags)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
