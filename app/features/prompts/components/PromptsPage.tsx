import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { Link } from 'react-router';
import { filterErrorOf, ListBody } from '../../../components/ListBody';
import { ListToolbar } from '../../../components/ListToolbar';
import { RelativeTime } from '../../../components/RelativeTime';
import { Table } from '../../../components/Table';
import { TagChips } from '../../../components/TagChips';
import { useUrlParams } from '../../../components/use-url-state';
import { promptPath } from '../../../lib/paths';
import { promptListQueryOptions } from '../queries';

const SEARCH = { label: 'Search prompts', placeholder: 'Prompt name contains…' };

/** Tags a person set (MLflow's own `_mlflow…` bookkeeping left out). */
const userTags = (tags: Record<string, string>) =>
  Object.fromEntries(Object.entries(tags).filter(([k]) => !k.startsWith('_mlflow')));

/** The prompt registry: every prompt, searchable by name, with its tags and latest version. */
export function PromptsPage() {
  const [params] = useUrlParams();
  const q = params.get('q') ?? '';
  const list = useQuery({ ...promptListQueryOptions(q), placeholderData: keepPreviousData });
  const prompts = list.data ?? [];
  return (
    <>
      <h1>Prompts</h1>
      <ListToolbar search={SEARCH} searchError={filterErrorOf(list)} />
      <ListBody
        query={list}
        count={prompts.length}
        loading="Loading prompts…"
        empty={q ? 'No prompt matches.' : 'No prompts registered.'}
        errorTitle="Prompts"
      >
        <Table label="Prompts" columns={['Name', 'Latest version', 'Updated', 'Tags']}>
          {prompts.map((p) => {
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
        </Table>
      </ListBody>
    </>
  );
}
