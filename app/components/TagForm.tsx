import { useState, type FormEvent } from 'react';
import { userMessage } from '../api';

export interface TagSave {
  /** Saves; calls `done` once the server accepted it. */
  save: (tag: { key: string; value: string }, done: () => void) => void;
  pending: boolean;
  error: unknown;
}

/**
 * Add a tag (no `initial`) or edit one's value, with the labels and errors of
 * the run page's tag form. The typed text is kept when the save fails.
 */
export function TagForm({
  idPrefix,
  initial,
  onDone,
  write,
}: {
  idPrefix: string;
  initial?: { key: string; value: string };
  onDone?: () => void;
  write: TagSave;
}) {
  const [key, setKey] = useState(initial?.key ?? '');
  const [value, setValue] = useState(initial?.value ?? '');
  const [formError, setFormError] = useState<string | null>(null);
  const id = initial ? `${idPrefix}-edit-${initial.key}` : `${idPrefix}-new`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!key.trim()) {
      setFormError('A tag name is required.');
      return;
    }
    setFormError(null);
    write.save({ key: key.trim(), value }, () => {
      if (!initial) {
        setKey('');
        setValue('');
      }
      onDone?.();
    });
  };
  const error = formError ?? (write.error ? userMessage(write.error) : null);
  return (
    <form
      className="toolbar tag-form"
      onSubmit={submit}
      aria-label={initial ? `Edit tag ${initial.key}` : 'Add tag'}
    >
      {initial ? (
        <span className="mono">{initial.key}</span>
      ) : (
        <>
          <label htmlFor={`${id}-key`}>Tag name</label>
          <input id={`${id}-key`} value={key} onChange={(e) => setKey(e.target.value)} />
        </>
      )}
      <label htmlFor={`${id}-value`}>{initial ? 'New value' : 'Tag value'}</label>
      <input
        id={`${id}-value`}
        className="grow"
        autoFocus={!!initial}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="button small primary" disabled={write.pending}>
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
