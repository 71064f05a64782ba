import { useState, type FormEvent } from 'react';
import { userMessage } from '../../../api';
import { Dialog } from '../../../components/Dialog';

interface Props {
  open: boolean;
  title: string;
  submitLabel: string;
  initialName?: string;
  busy: boolean;
  onSubmit: (name: string) => Promise<unknown>;
  onClose: () => void;
}

/** Create or rename. A failed save keeps the typed name and shows the server's message. */
export function ExperimentNameDialog({ open, title, submitLabel, initialName = '', busy, onSubmit, onClose }: Props) {
  const [name, setName] = useState(initialName);
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
      await onSubmit(trimmed);
      onClose();
    } catch (err) {
      setError(userMessage(err));
    }
  };

  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="experiment-name">Experiment name</label>
          <input id="experiment-name" autoFocus value={name} onChange={(e) => setName(e.target.value)} />
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
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
