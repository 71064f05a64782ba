import { useState, type FormEvent } from 'react';
import { registryErrorMessage } from '../model/errors';
import { Dialog } from '../../../components/Dialog';

/** Create or rename a registered model. A failed save keeps the typed name and shows the server's message. */
export function ModelNameDialog({
  title,
  submitLabel,
  initialName = '',
  withDescription = false,
  busy,
  onSubmit,
  onClose,
}: {
  title: string;
  submitLabel: string;
  initialName?: string;
  withDescription?: boolean;
  busy: boolean;
  onSubmit: (name: string, description: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [name, setName] = useState(initialName);
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError('A name is required.');
      return;
    }
    setError(null);
    try {
      await onSubmit(trimmed, description);
      onClose();
    } catch (err) {
      setError(registryErrorMessage(err));
    }
  };

  return (
    <Dialog open title={title} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="model-name">Model name</label>
          <input id="model-name" autoFocus value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        {withDescription ? (
          <div className="field">
            <label htmlFor="model-description">Description (optional, markdown)</label>
            <textarea id="model-description" value={description} onChange={(e) => setDescription(e.target.value)} />
          </div>
        ) : null}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
