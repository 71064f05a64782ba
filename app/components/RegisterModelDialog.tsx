import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  createModelVersion,
  createRegisteredModel,
  isApiError,
  userMessage,
  type ModelVersion,
} from '../api';
import { modelVersionKeys, registeredModelKeys } from '../lib/query-keys';
import { Dialog, FormActions } from './Dialog';
import { toast } from './toast-store';
import { FieldError } from './FieldError';

interface Props {
  runId: string;
  /** The run's artifact root, e.g. `mlflow-artifacts:/2/<run>/artifacts`. */
  artifactUri: string;
  /** Artifact folders holding a logged model (usually `model`). */
  folders: string[];
  onClose: () => void;
  onRegistered?: (v: ModelVersion) => void;
}

/** Create the registered model when it is new; an existing name is fine (a new version is added). */
async function register(name: string, source: string, runId: string): Promise<ModelVersion> {
  try {
    await createRegisteredModel({ name });
  } catch (e) {
    if (!(isApiError(e) && e.errorCode === 'RESOURCE_ALREADY_EXISTS')) throw e;
  }
  return createModelVersion({ name, source, runId });
}

/** Register a run's model folder as a new model version. Errors stay in the dialog; the typed name is kept. */
export function RegisterModelDialog({ runId, artifactUri, folders, onClose, onRegistered }: Props) {
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [folder, setFolder] = useState(folders[0] ?? 'model');
  const [formError, setFormError] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: (v: { name: string; folder: string }) =>
      register(v.name, `${artifactUri.replace(/\/+$/, '')}/${v.folder}`, runId),
    onSuccess: async (mv) => {
      toast.success(`Registered ${mv.name} v${mv.version}`);
      onRegistered?.(mv);
      onClose();
      await Promise.all([
        qc.invalidateQueries({ queryKey: modelVersionKeys.all }),
        qc.invalidateQueries({ queryKey: registeredModelKeys.all }),
      ]);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setFormError('A model name is required.');
      return;
    }
    setFormError(null);
    m.mutate({ name: trimmed, folder });
  };

  const error = formError ?? (m.error ? userMessage(m.error) : null);
  return (
    <Dialog open title="Register model" onClose={onClose}>
      <form onSubmit={submit}>
        {folders.length > 1 ? (
          <div className="field">
            <label htmlFor="register-folder">Model folder</label>
            <select id="register-folder" value={folder} onChange={(e) => setFolder(e.target.value)}>
              {folders.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <p className="muted">
            Folder <span className="mono">{folder}</span> of this run becomes a new model version.
          </p>
        )}
        <div className="field">
          <label htmlFor="register-name">Model name</label>
          <input
            id="register-name"
            autoFocus
            value={name}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'register-error' : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          <span className="muted">
            An existing registered model gets a new version; a new name creates the model.
          </span>
          <FieldError error={error} id="register-error" />
        </div>
        <FormActions
          onCancel={onClose}
          submitLabel={m.isPending ? 'Registering…' : 'Register'}
          disabled={m.isPending}
        />
      </form>
    </Dialog>
  );
}
