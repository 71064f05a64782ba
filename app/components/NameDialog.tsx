import { useState, type FormEvent } from 'react';
import { userMessage } from '../api';
import { Dialog, FormActions } from './Dialog';
import { FieldError } from './FieldError';

export interface NameDialogProps {
  title: string;
  submitLabel: string;
  initialName?: string;
  /** Also ask for an optional markdown description (creating a registered model). */
  withDescription?: boolean;
  busy: boolean;
  onSubmit: (name: string, description: string) => Promise<unknown>;
  onClose: () => void;
}

/**
 * Create or rename something by name. A failed save keeps the typed text and
 * shows the server's message (`errorMessage` words it for the feature).
 */
export function NameDialog({
  nameLabel,
  inputId,
  errorMessage = userMessage,
  title,
  submitLabel,
  initialName = '',
  withDescription = false,
  busy,
  onSubmit,
  onClose,
}: NameDialogProps & {
  nameLabel: string;
  inputId: string;
  errorMessage?: (err: unknown) => string;
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
      setError(errorMessage(err));
    }
  };

  return (
    <Dialog open title={title} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={inputId}>{nameLabel}</label>
          <input id={inputId} autoFocus value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        {withDescription ? (
          <div className="field">
            <label htmlFor={`${inputId}-description`}>Description (optional, markdown)</label>
            <textarea
              id={`${inputId}-description`}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          </div>
        ) : null}
        <FieldError error={error} />
        <FormActions onCancel={onClose} submitLabel={submitLabel} disabled={busy} />
      </form>
    </Dialog>
  );
}
