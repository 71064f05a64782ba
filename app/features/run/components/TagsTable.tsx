import { useDeferredValue, useMemo, useState, type FormEvent } from 'react';
import { userMessage, type TagMap } from '../../../api';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { filterKeyValues, splitTags, type KeyValue } from '../model/rows';
import { useDeleteRunTag, useSetRunTag } from '../mutations';
import { SearchBox, ValueCell } from './ValueCell';

/** User tags (add, edit, delete) and the `mlflow.*` system tags folded away. */
export function TagsTable({ runId, tags }: { runId: string; tags: TagMap }) {
  const [q, setQ] = useState('');
  const query = useDeferredValue(q);
  const { user, system } = useMemo(() => splitTags(tags), [tags]);
  const userRows = useMemo(() => filterKeyValues(user, query), [user, query]);
  const systemRows = useMemo(() => filterKeyValues(system, query), [system, query]);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const remove = useDeleteRunTag(runId);

  return (
    <section aria-labelledby="run-tags" className="run-section card">
      <div className="toolbar">
        <h2 id="run-tags" style={{ margin: 0 }}>
          Tags <span className="muted">({user.length})</span>
        </h2>
        <SearchBox id="tags-search" label="Search tags" value={q} onChange={setQ} />
      </div>
      <table className="table" aria-labelledby="run-tags">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {userRows.map((t) =>
            editing === t.key ? (
              <tr key={t.key}>
                <td colSpan={3}>
                  <TagForm runId={runId} initial={t} onDone={() => setEditing(null)} />
                </td>
              </tr>
            ) : (
              <tr key={t.key}>
                <td className="mono">{t.key}</td>
                <td>
                  <ValueCell value={t.value} />
                </td>
                <td className="row-actions">
                  <button type="button" className="button small" aria-label={`Edit tag ${t.key}`} onClick={() => setEditing(t.key)}>
                    Edit
                  </button>
                  <button type="button" className="button small" aria-label={`Delete tag ${t.key}`} onClick={() => setDeleting(t.key)}>
                    Delete
                  </button>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      {user.length === 0 ? <p className="muted">No tags yet.</p> : null}
      <TagForm runId={runId} />
      {system.length ? (
        <details>
          <summary>System tags ({systemRows.length})</summary>
          <table className="table" aria-label="System tags">
            <tbody>
              {systemRows.map((t) => (
                <tr key={t.key}>
                  <td className="mono">{t.key}</td>
                  <td>
                    <ValueCell value={t.value} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete tag ${deleting ?? ''}?`}
        confirmLabel="Delete tag"
        danger
        busy={remove.isPending}
        onCancel={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() => deleting && remove.mutate(deleting, { onSuccess: () => setDeleting(null) })}
      >
        {remove.error ? (
          <p className="field-error" role="alert">
            {userMessage(remove.error)}
          </p>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

/** Add a tag (no `initial`) or edit one's value. The typed text is kept when the save fails. */
function TagForm({ runId, initial, onDone }: { runId: string; initial?: KeyValue; onDone?: () => void }) {
  const [key, setKey] = useState(initial?.key ?? '');
  const [value, setValue] = useState(initial?.value ?? '');
  const [formError, setFormError] = useState<string | null>(null);
  const save = useSetRunTag(runId);
  const id = initial ? `edit-tag-${initial.key}` : 'new-tag';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!key.trim()) {
      setFormError('A tag name is required.');
      return;
    }
    setFormError(null);
    save.mutate(
      { key: key.trim(), value },
      {
        onSuccess: () => {
          if (!initial) {
            setKey('');
            setValue('');
          }
          onDone?.();
        },
      },
    );
  };
  const error = formError ?? (save.error ? userMessage(save.error) : null);
  return (
    <form className="toolbar tag-form" onSubmit={submit} aria-label={initial ? `Edit tag ${initial.key}` : 'Add tag'}>
      {initial ? (
        <span className="mono">{initial.key}</span>
      ) : (
        <>
          <label htmlFor={`${id}-key`}>Tag name</label>
          <input id={`${id}-key`} value={key} onChange={(e) => setKey(e.target.value)} />
        </>
      )}
      <label htmlFor={`${id}-value`}>{initial ? 'New value' : 'Tag value'}</label>
      <input id={`${id}-value`} className="grow" autoFocus={!!initial} value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="submit" className="button small primary" disabled={save.isPending}>
        {initial ? 'Save tag' : 'Add tag'}
      </button>
      {onDone ? (
        <button type="button" className="button small" onClick={onDone}>
          Cancel
        </button>
      ) : null}
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}
