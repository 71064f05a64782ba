import { FieldError } from './FieldError';

/**
 * The markdown description editor of runs and experiments: a textarea, Save
 * and Cancel; a failed save keeps the draft and says why.
 */
export function DescriptionForm({
  id,
  className,
  draft,
  onDraft,
  onSave,
  onCancel,
  pending,
  error,
}: {
  id: string;
  className?: string;
  draft: string;
  onDraft: (text: string) => void;
  onSave: () => void;
  onCancel: () => void;
  pending: boolean;
  error: unknown;
}) {
  return (
    <form
      className={className}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Description (markdown)
      </label>
      <textarea id={id} autoFocus value={draft} onChange={(e) => onDraft(e.target.value)} />
      <FieldError error={error} prefix="Could not save the description: " />
      <div className="toolbar" style={{ marginTop: 6 }}>
        <button type="submit" className="button small primary" disabled={pending}>
          Save description
        </button>
        <button type="button" className="button small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
