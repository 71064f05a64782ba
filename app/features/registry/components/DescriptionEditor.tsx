import { useState } from 'react';
import { userMessage } from '../../../api';
import { MarkdownText } from '../../../components/MarkdownText';
import { FieldError } from '../../../components/FieldError';

/**
 * A markdown description with an editor. Saving an empty text clears it.
 * A failed save keeps the draft open with the server's message.
 */
export function DescriptionEditor({
  description,
  onSave,
  busy,
  label = 'Description',
}: {
  description: string;
  onSave: (text: string) => Promise<unknown>;
  busy: boolean;
  label?: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = async (text: string) => {
    setError(null);
    try {
      await onSave(text);
      setDraft(null);
    } catch (e) {
      setError(userMessage(e));
    }
  };

  if (draft === null) {
    return (
      <div className="description">
        {description.trim() ? (
          <MarkdownText source={description} />
        ) : (
          <p className="muted">No description.</p>
        )}
        <button type="button" className="button small" onClick={() => setDraft(description)}>
          Edit description
        </button>
      </div>
    );
  }
  return (
    <form
      className="description"
      onSubmit={(e) => {
        e.preventDefault();
        void save(draft);
      }}
    >
      <label htmlFor="description-draft" className="visually-hidden">
        {label}
      </label>
      <textarea
        id="description-draft"
        autoFocus
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        placeholder="Markdown"
      />
      <FieldError error={error} prefix="Could not save: " />
      <div className="toolbar">
        <button type="submit" className="button primary small" disabled={busy}>
          Save description
        </button>
        <button
          type="button"
          className="button small"
          disabled={busy || !draft}
          onClick={() => setDraft('')}
        >
          Clear text
        </button>
        <button
          type="button"
          className="button small"
          onClick={() => {
            setDraft(null);
            setError(null);
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
