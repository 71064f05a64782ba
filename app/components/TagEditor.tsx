import { useState, type FormEvent, type ReactNode } from 'react';
import { userMessage, type TagMap } from '../api';
import { isSystemTag } from '../lib/tags';
import { Table } from './Table';
import { TagChips } from './TagChips';
import { FieldError } from './FieldError';

export interface TagEditorProps {
  tags: TagMap;
  /** Add a tag, or overwrite an existing key's value. Reject to show the error (the typed text is kept). */
  onSet: (key: string, value: string) => Promise<unknown>;
  /** Delete a tag. Reject to show the error. Without it tags have no Delete button. */
  onDelete?: (key: string) => Promise<unknown>;
  /** The table's (or chip list's) accessible name. */
  label?: string;
  /** How a value is drawn in the table (default: text that keeps its line breaks). */
  renderValue?: (value: string) => ReactNode;
  /** `mlflow.*` tags: folded away read-only (default) or not shown. */
  systemTags?: 'fold' | 'hide';
  /**
   * `table` (a detail page: a table with Edit and Delete, the add form always open) or
   * `chips` (a header: chips with an edit button, the add form opened by a button).
   */
  layout?: 'table' | 'chips';
}

/**
 * The one tag editor (runs, traces, models, versions, experiments): user tags with Edit
 * (and Delete), a form that adds a tag (or overwrites an existing key), and system tags
 * read-only. Every failure shows the server's message in an alert.
 */
export function TagEditor({
  tags,
  onSet,
  onDelete,
  label = 'Tags',
  renderValue = plain,
  systemTags = 'fold',
  layout = 'table',
}: TagEditorProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const entries = Object.entries(tags);
  const user = entries.filter(([k]) => !isSystemTag(k));
  const system = entries.filter(([k]) => isSystemTag(k));

  /** Runs a write; resolves true when it succeeded. */
  const write = async (fn: () => Promise<unknown>): Promise<boolean> => {
    setError(null);
    setBusy(true);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(userMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const set = (key: string, value: string) => write(() => onSet(key, value));
  const closed = (close: () => void) => () => {
    close();
    setError(null);
  };
  const editForm = (k: string) => (
    <TagForm
      key={k}
      initial={{ key: k, value: tags[k] ?? '' }}
      busy={busy}
      onSubmit={set}
      onDone={closed(() => setEditing(null))}
    />
  );
  const editButton = (k: string, className: string, text: string) => (
    <button
      type="button"
      className={className}
      aria-label={`Edit tag ${k}`}
      onClick={() => setEditing(k)}
    >
      {text}
    </button>
  );
  const deleteButton = (k: string, className: string, text: string) =>
    onDelete ? (
      <button
        type="button"
        className={className}
        aria-label={`Delete tag ${k}`}
        disabled={busy}
        onClick={() => void write(() => onDelete(k))}
      >
        {text}
      </button>
    ) : null;

  const chips = layout === 'chips';
  return (
    <div className={chips ? 'tag-editor tag-editor-chips' : 'tag-editor'}>
      {chips ? (
        <TagChips
          tags={tags}
          max={Infinity}
          label={label}
          chipAction={(k) => (
            <>
              {editButton(k, 'chip-edit', '✎')}
              {deleteButton(k, 'chip-edit', '×')}
            </>
          )}
          last={
            <button
              type="button"
              className="button small"
              onClick={() => setAdding(true)}
              hidden={adding}
            >
              Add tag
            </button>
          }
        />
      ) : user.length ? (
        <Table label={label} columns={['Key', 'Value', { hidden: 'Actions' }]}>
          {user.map(([k, v]) => (
            <tr key={k}>
              {editing === k ? (
                <td colSpan={3}>{editForm(k)}</td>
              ) : (
                <>
                  <td className="mono">{k}</td>
                  <td>{renderValue(v)}</td>
                  <td className="row-actions">
                    {editButton(k, 'button small', 'Edit')}
                    {deleteButton(k, 'button small', 'Delete')}
                  </td>
                </>
              )}
            </tr>
          ))}
        </Table>
      ) : (
        <p className="muted">No tags yet.</p>
      )}
      {chips && editing !== null ? editForm(editing) : null}
      {!chips || adding ? (
        <TagForm
          busy={busy}
          onSubmit={set}
          onInvalid={setError}
          onDone={chips ? closed(() => setAdding(false)) : undefined}
        />
      ) : null}
      <FieldError error={error} />
      {systemTags === 'fold' && system.length ? (
        <details>
          <summary>System tags ({system.length})</summary>
          <table className="table" aria-label="System tags">
            <tbody>
              {system.map(([k, v]) => (
                <tr key={k}>
                  <td className="mono">{k}</td>
                  <td>{renderValue(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </div>
  );
}

const plain = (v: string) => <span className="pre-wrap">{v}</span>;

/**
 * Add a tag (no `initial`) or edit one's value. The typed text stays when the write fails;
 * `onDone` (when given: a Cancel button) runs after a successful write.
 */
function TagForm({
  initial,
  busy,
  onSubmit,
  onDone,
  onInvalid,
}: {
  initial?: { key: string; value: string };
  busy: boolean;
  onSubmit: (key: string, value: string) => Promise<boolean>;
  onDone?: () => void;
  onInvalid?: (message: string) => void;
}) {
  const [key, setKey] = useState(initial?.key ?? '');
  const [value, setValue] = useState(initial?.value ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const k = key.trim();
    if (!k) return onInvalid?.('A tag key is required.');
    void onSubmit(k, value).then((ok) => {
      if (!ok) return;
      if (!initial) {
        setKey('');
        setValue('');
      }
      onDone?.();
    });
  };
  return (
    <form
      className="toolbar tag-form"
      onSubmit={submit}
      aria-label={initial ? `Edit tag ${initial.key}` : 'Add tag'}
    >
      {initial ? (
        <span className="mono">{initial.key}</span>
      ) : (
        <input
          aria-label="Tag key"
          placeholder="key"
          value={key}
          onChange={(e) => setKey(e.target.value)}
        />
      )}
      <input
        aria-label={initial ? 'New value' : 'Tag value'}
        placeholder="value"
        className="grow"
        autoFocus={!!initial}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="button small primary" disabled={busy}>
        {initial ? 'Save tag' : 'Add tag'}
      </button>
      {onDone ? (
        <button type="button" className="button small" onClick={onDone}>
          Cancel
        </button>
      ) : null}
    </form>
  );
}
