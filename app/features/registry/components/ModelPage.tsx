import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../../api';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { RelativeTime } from '../../../components/RelativeTime';
import { Spinner } from '../../../components/Spinner';
import { registeredModelQueryOptions } from '../../../lib/shared-queries';
import { aliasEntries, latestPerStage, sortVersionsDesc, withAliases } from '../model/filter';
import { modelComparePath, modelPath, modelsPath } from '../../../lib/paths';
import {
  useDeleteModel,
  useDeleteModelTag,
  useRenameModel,
  useSetModelTag,
  useUpdateModelDescription,
} from '../mutations';
import { modelVersionsQueryOptions } from '../queries';
import { AliasesPanel } from './AliasesPanel';
import { DescriptionEditor } from './DescriptionEditor';
import { ModelNameDialog } from './ModelNameDialog';
import { TagEditor } from './TagEditor';
import { VersionsTable } from './VersionsTable';

export function ModelPage({ name }: { name: string }) {
  const model = useQuery(registeredModelQueryOptions(name));
  const versionsQuery = useQuery(modelVersionsQueryOptions(name));
  const navigate = useNavigate();
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const updateDescription = useUpdateModelDescription(name);
  const setTag = useSetModelTag(name);
  const deleteTag = useDeleteModelTag(name);
  const rename = useRenameModel();
  const remove = useDeleteModel();

  const aliases = model.data?.aliases;
  const versions = useMemo(
    () =>
      versionsQuery.data && aliases
        ? sortVersionsDesc(withAliases(versionsQuery.data, aliases))
        : [],
    [versionsQuery.data, aliases],
  );

  if (model.isPending) return <Spinner label="Loading model…" />;
  if (model.isError) {
    const missing = isApiError(model.error) && model.error.status === 404;
    return (
      <section className="page">
        <h1>{missing ? 'Model not found' : name}</h1>
        {missing ? (
          <p className="empty">
            There is no registered model named “{name}”.{' '}
            <Link to={modelsPath()}>Back to models</Link>
          </p>
        ) : (
          <ErrorNotice error={model.error} onRetry={() => void model.refetch()} />
        )}
      </section>
    );
  }
  const m = model.data;
  const toggle = (v: string) =>
    setSelected((s) => (s.includes(v) ? s.filter((x) => x !== v) : [...s, v]));

  return (
    <section className="page">
      <nav className="muted">
        <Link to={modelsPath()}>Models</Link> /
      </nav>
      <div className="registry-header">
        <h1>{m.name}</h1>
        {latestPerStage(m).map((s) => (
          <span key={s.stage} className="badge" title={`Latest ${s.stage} version`}>
            {s.stage}: v{s.version}
          </span>
        ))}
        <span className="grow" style={{ flex: 1 }} />
        <button type="button" className="button" onClick={() => setRenaming(true)}>
          Rename
        </button>
        <button type="button" className="button danger" onClick={() => setDeleting(true)}>
          Delete model
        </button>
      </div>
      <p className="muted">
        Updated <RelativeTime ms={m.lastUpdatedTimestamp} /> · created{' '}
        <RelativeTime ms={m.creationTimestamp} />
        {m.userId ? ` by ${m.userId}` : ''}
      </p>

      <section className="registry-section" aria-labelledby="model-description">
        <h2 id="model-description">Description</h2>
        <DescriptionEditor
          description={m.description}
          busy={updateDescription.isPending}
          onSave={(t) => updateDescription.mutateAsync(t)}
        />
      </section>

      <div className="grid-2">
        <section className="registry-section" aria-labelledby="model-tags">
          <h2 id="model-tags">Tags</h2>
          <TagEditor
            tags={m.tags}
            onSet={(key, value) => setTag.mutateAsync({ key, value })}
            onDelete={(key) => deleteTag.mutateAsync(key)}
          />
        </section>
        <section className="registry-section" aria-labelledby="model-aliases">
          <h2 id="model-aliases">Aliases</h2>
          <AliasesPanel
            modelName={m.name}
            aliases={m.aliases}
            versions={versions.map((v) => v.version)}
          />
        </section>
      </div>

      <section className="registry-section" aria-labelledby="model-versions">
        <div className="toolbar">
          <h2 id="model-versions" style={{ margin: 0 }}>
            Versions
          </h2>
          <Link
            className="button small"
            aria-disabled={selected.length < 2}
            to={
              selected.length >= 2
                ? modelComparePath({
                    name: m.name,
                    versions: [...selected].sort((a, b) => Number(a) - Number(b)),
                  })
                : '#'
            }
            onClick={(e) => {
              if (selected.length < 2) e.preventDefault();
            }}
          >
            Compare selected ({selected.length})
          </Link>
        </div>
        {versionsQuery.isPending ? <Spinner label="Loading versions…" /> : null}
        {versionsQuery.isError ? (
          <ErrorNotice error={versionsQuery.error} onRetry={() => void versionsQuery.refetch()} />
        ) : null}
        {versionsQuery.isSuccess ? (
          <VersionsTable
            modelName={m.name}
            versions={versions}
            aliasNames={aliasEntries(m.aliases).map(([a]) => a)}
            selected={selected}
            onToggle={toggle}
          />
        ) : null}
      </section>

      {renaming ? (
        <ModelNameDialog
          title={`Rename “${m.name}”`}
          submitLabel="Rename"
          initialName={m.name}
          busy={rename.isPending}
          onSubmit={async (newName) => {
            await rename.mutateAsync({ name: m.name, newName });
            void navigate(modelPath(newName), { replace: true });
          }}
          onClose={() => setRenaming(false)}
        />
      ) : null}
      <ConfirmDialog
        open={deleting}
        title={`Delete model “${m.name}”?`}
        confirmLabel="Delete model"
        danger
        busy={remove.isPending}
        onCancel={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(m.name, {
            // On failure the dialog stays open with the server's message.
            onSuccess: () => {
              setDeleting(false);
              void navigate(modelsPath(), { replace: true });
            },
          })
        }
      >
        <DeleteSummary name={m.name} versions={versions.length} aliases={Object.keys(m.aliases)} />
        {remove.isError ? <ErrorNotice error={remove.error} /> : null}
      </ConfirmDialog>
    </section>
  );
}

function DeleteSummary({
  name,
  versions,
  aliases,
}: {
  name: string;
  versions: number;
  aliases: string[];
}) {
  return (
    <p>
      This permanently deletes the registered model <strong>{name}</strong>
      {versions ? (
        <>
          {' '}
          and its <strong>{versions === 1 ? '1 version' : `${versions} versions`}</strong>
        </>
      ) : null}
      {aliases.length ? <> and aliases {aliases.map((a) => `@${a}`).join(', ')}</> : null}. Runs and
      their artifacts are kept. This cannot be undone.
    </p>
  );
}
