import { useState, type FormEvent, type ReactNode } from 'react';
import { userMessage, type TagMap } from '../api';
import { isSystemTag } from '../lib/tags';

export interface TagEditorProps {
  tags: TagMap;
  /** Add a tag, or overwrite an existing key's value. Reject to show the error (the typed text is kept). */
  onSet: (key: string, value: string) => Promise<unknown>;
  /** Delete a tag. Reject to show the error. */
  onDelete: (key: string) => Promise<unknown>;
  /** The table's accessible name. */
  label?: string;
  /** How a value is drawn (default: text that keeps its line breaks). */
  renderValue?: (value: string) => ReactNode;
  /** `mlflow.*` tags: folded away read-only (default) or not shown. */
  systemTags?: 'fold' | 'hide';
}

/**
 * The one tag editor (runs, traces, models, versions, experiments): user tags in a
 * table with Edit and Delete, a form that adds a tag (or overwrites an existing key),
 * and system tags read-only. Every failure shows the server's message in an alert.
 */
export function TagEditor({
  tags,
  onSet,
  onDelete,
  label = 'Tags',
  renderValue = plain,
  systemTags = 'fold',
}: TagEditorProps) {
  const [editing, setEditing] = useState<string | null>(null);
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

  return (
    <div className="tag-editor">
      {user.length ? (
        <table className="table" aria-label={label}>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Value</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {user.map(([k, v]) =>
              editing === k ? (
                <tr key={k}>
                  <td colSpan={3}>
                    <TagForm
                      initial={{ key: k, value: v }}
                      busy={busy}
                      onSubmit={(key, value) => write(() => onSet(key, value))}
                      onDone={() => setEditing(null)}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={k}>
                  <td className="mono">{k}</td>
                  <td>{renderValue(v)}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button small"
                      aria-label={`Edit tag ${k}`}
                      onClick={() => setEditing(k)}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button small"
                      aria-label={`Delete tag ${k}`}
                      disabled={busy}
                      onClick={() => void write(() => onDelete(k))}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      ) : (
        <p className="muted">No tags yet.</p>
      )}
      <TagForm
        busy={busy}
        onSubmit={(key, value) => write(() => onSet(key, value))}
        onInvalid={setError}
      />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
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

/** Add a tag (no `initial`) or edit one's value. The typed text stays when the write fails. */
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
