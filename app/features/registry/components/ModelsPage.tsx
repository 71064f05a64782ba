import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { RegisteredModel } from '../../../api';
import { filterErrorOf, ListBody } from '../../../components/ListBody';
import { RelativeTime } from '../../../components/RelativeTime';
import { Table } from '../../../components/Table';
import { TagChips } from '../../../components/TagChips';
import { useUrlParams } from '../../../components/use-url-state';
import { aliasEntries, excerpt, latestPerStage } from '../model/filter';
import { MODEL_SORTING, modelListParams, parseModelListUrl } from '../model/list-params';
import { modelPath, modelVersionPath } from '../../../lib/paths';
import { useCreateModel } from '../mutations';
import { modelListQueryOptions } from '../queries';
import { ModelNameDialog } from './ModelNameDialog';
import { ListHeader, ListToolbar } from '../../../components/ListToolbar';

const SEARCH = {
  label: 'Search models',
  placeholder: "Search by name, or a filter such as name LIKE 'iris%'",
};

const COLUMNS = ['Name', 'Latest versions', 'Aliases', 'Tags', 'Last updated', 'Description'];

export function ModelsPage() {
  const [params] = useUrlParams();
  const url = useMemo(() => parseModelListUrl(params), [params]);
  const { q } = url;

  const listParams = useMemo(() => modelListParams(url), [url]);
  const query = useInfiniteQuery({
    ...modelListQueryOptions(listParams),
    placeholderData: keepPreviousData,
  });
  const models = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const filterError = filterErrorOf(query);

  const [creating, setCreating] = useState(false);
  const create = useCreateModel();
  const navigate = useNavigate();

  return (
    <section className="page">
      <ListHeader
        title="Models"
        shown={query.isSuccess ? models.length : null}
        more={query.hasNextPage}
        action={
          <button type="button" className="button primary" onClick={() => setCreating(true)}>
            Create model
          </button>
        }
      />
      <ListToolbar search={SEARCH} searchError={filterError} sorting={MODEL_SORTING} />

      <ListBody
        query={query}
        count={models.length}
        loading="Loading models…"
        empty={q ? 'No model matches this search.' : 'No registered models yet.'}
        loadMoreLabel="Load more models"
      >
        <Table label="Registered models" columns={COLUMNS}>
          {models.map((m) => (
            <ModelRow key={m.name} model={m} />
          ))}
        </Table>
      </ListBody>

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
