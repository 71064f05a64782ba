import { useState, type FormEvent } from 'react';
import { userMessage, type TagMap } from '../../../api';

/**
 * Tags as a small table with edit and delete, and a form that adds (or, for an
 * existing key, overwrites) a tag. Failures show the server's message and keep
 * the typed values. `mlflow.*` tags are system tags: shown, not editable here.
 */
export function TagEditor({
  tags,
  onSet,
  onDelete,
}: {
  tags: TagMap;
  onSet: (key: string, value: string) => Promise<unknown>;
  onDelete: (key: string) => Promise<unknown>;
}) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editing = key.trim() !== '' && Object.prototype.hasOwnProperty.call(tags, key.trim());

  const run = async (fn: () => Promise<unknown>, after?: () => void) => {
    setError(null);
    setBusy(true);
    try {
      await fn();
      after?.();
    } catch (e) {
      setError(userMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const k = key.trim();
    if (!k) {
      setError('A tag key is required.');
      return;
    }
    void run(
      () => onSet(k, value),
      () => {
        setKey('');
        setValue('');
      },
    );
  };

  const entries = Object.entries(tags);
  return (
    <div className="tag-editor">
      {entries.length ? (
        <table className="table" aria-label="Tags">
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
            {entries.map(([k, v]) => (
              <tr key={k}>
                <td className="mono">{k}</td>
                <td className="pre-wrap">{v}</td>
                <td>
                  {k.startsWith('mlflow.') ? null : (
                    <span className="toolbar" style={{ margin: 0 }}>
                      <button
                        type="button"
                        className="button small"
                        aria-label={`Edit tag ${k}`}
                        onClick={() => {
                          setKey(k);
                          setValue(v);
                        }}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="button small"
                        aria-label={`Delete tag ${k}`}
                        disabled={busy}
                        onClick={() => void run(() => onDelete(k))}
                      >
                        Delete
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No tags.</p>
      )}
      <form className="toolbar" onSubmit={submit} style={{ marginTop: 8 }}>
        <input aria-label="Tag key" placeholder="key" value={key} onChange={(e) => setKey(e.target.value)} />
        <input aria-label="Tag value" placeholder="value" value={value} onChange={(e) => setValue(e.target.value)} />
        <button type="submit" className="button small" disabled={busy}>
          {editing ? 'Save tag' : 'Add tag'}
        </button>
      </form>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
