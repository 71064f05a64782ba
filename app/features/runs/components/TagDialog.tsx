import { useState, type FormEvent } from 'react';
import { Dialog, FormActions } from '../../../components/Dialog';

interface Props {
  count: number;
  busy: boolean;
  onSubmit: (action: 'set' | 'delete', key: string, value: string) => void;
  onClose: () => void;
}

/** Add (set) or remove one tag on the selected runs. */
export function TagDialog({ count, busy, onSubmit, onClose }: Props) {
  const [action, setAction] = useState<'set' | 'delete'>('set');
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const error =
    key.trim() && !/^[\w./\- :]+$/u.test(key.trim())
      ? 'Use letters, digits, _ - . / : and spaces.'
      : '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!key.trim() || error) return;
    onSubmit(action, key.trim(), value);
  };
  return (
    <Dialog open title={`Tag ${count} run${count === 1 ? '' : 's'}`} onClose={onClose}>
      <form onSubmit={submit}>
        <div
          className="segmented"
          role="group"
          aria-label="Tag action"
          style={{ marginBottom: 10 }}
        >
          <button type="button" aria-pressed={action === 'set'} onClick={() => setAction('set')}>
            Add tag
          </button>
          <button
            type="button"
            aria-pressed={action === 'delete'}
            onClick={() => setAction('delete')}
          >
            Remove tag
          </button>
        </div>
        <div className="field">
          <label htmlFor="run-tag-key">Key</label>
          <input
            id="run-tag-key"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            autoFocus
            aria-invalid={error ? true : undefined}
          />
          {error ? <span className="field-error">{error}</span> : null}
        </div>
        {action === 'set' ? (
          <div className="field">
            <label htmlFor="run-tag-value">Value</label>
            <input id="run-tag-value" value={value} onChange={(e) => setValue(e.target.value)} />
          </div>
        ) : null}
        <FormActions
          onCancel={onClose}
          submitLabel={action === 'set' ? 'Add tag' : 'Remove tag'}
          disabled={busy || !key.trim() || Boolean(error)}
        />
      </form>
    </Dialog>
  );
}
