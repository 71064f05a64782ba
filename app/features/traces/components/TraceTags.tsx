import { useState, type FormEvent } from 'react';
import type { TagMap } from '../../../api';
import { truncate } from '../../../lib/format';
import { useDeleteTraceTag, useSetTraceTag } from '../mutations';

/** User tags of a trace: add, edit and delete through the trace tag endpoints. `mlflow.*` tags are read-only. */
export function TraceTags({ requestId, tags }: { requestId: string; tags: TagMap }) {
  const set = useSetTraceTag();
  const del = useDeleteTraceTag();
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const user = Object.entries(tags).filter(([k]) => !k.startsWith('mlflow.'));

  const add = (e: FormEvent) => {
    e.preventDefault();
    const k = key.trim();
    if (!k) return;
    set.mutate({ requestId, key: k, value }, { onSuccess: () => (setKey(''), setValue('')) });
  };

  return (
    <section aria-label="Trace tags" className="trace-tags">
      <ul className="chips">
        {user.map(([k, v]) => (
          <li key={k} className="chip tag-chip">
            {editing === k ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  set.mutate({ requestId, key: k, value: draft }, { onSuccess: () => setEditing(null) });
                }}
              >
                <span className="chip-key">{truncate(k, 40)}</span>{' '}
                <input aria-label={`Value of ${k}`} value={draft} onChange={(e) => setDraft(e.target.value)} autoFocus />
                <button type="submit" className="button small">
                  Save
                </button>
                <button type="button" className="button small" onClick={() => setEditing(null)}>
                  Cancel
                </button>
              </form>
            ) : (
              <>
                <span className="chip-key">{truncate(k, 40)}</span>
                {v ? <span className="chip-value">{truncate(v, 60)}</span> : null}
                <button
                  type="button"
                  className="icon-button small"
                  aria-label={`Edit tag ${k}`}
                  onClick={() => {
                    setEditing(k);
                    setDraft(v);
                  }}
                >
                  ✎
                </button>
                <button
                  type="button"
                  className="icon-button small"
                  aria-label={`Delete tag ${k}`}
                  disabled={del.isPending}
                  onClick={() => del.mutate({ requestId, key: k })}
                >
                  ×
                </button>
              </>
            )}
          </li>
        ))}
        {user.length === 0 ? <li className="muted">No tags</li> : null}
      </ul>
      <form className="toolbar tag-form" onSubmit={add}>
        <input aria-label="Tag key" placeholder="key" value={key} onChange={(e) => setKey(e.target.value)} />
        <input aria-label="Tag value" placeholder="value" value={value} onChange={(e) => setValue(e.target.value)} />
        <button type="submit" className="button small" disabled={!key.trim() || set.isPending}>
          Add tag
        </button>
      </form>
    </section>
  );
}
