import { useState } from 'react';
import { userMessage, type Run } from '../../../api';
import { MarkdownText } from '../../../components/MarkdownText';
import { useSetRunTag } from '../mutations';

/** `mlflow.note.content` as sanitized markdown; a failed save keeps the draft and shows why. */
export function RunDescription({ run }: { run: Run }) {
  const [draft, setDraft] = useState<string | null>(null);
  const save = useSetRunTag(run.info.id);
  const editing = draft !== null;
  return (
    <section aria-labelledby="run-description" className="run-section">
      <div className="toolbar" style={{ marginBottom: 4 }}>
        <h2 id="run-description" style={{ margin: 0 }}>
          Description
        </h2>
        {!editing ? (
          <button type="button" className="button small" onClick={() => setDraft(run.description)}>
            Edit description
          </button>
        ) : null}
      </div>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(
              { key: 'mlflow.note.content', value: draft },
              { onSuccess: () => setDraft(null) },
            );
          }}
        >
          <label htmlFor="run-description-text" className="visually-hidden">
            Description (markdown)
          </label>
          <textarea
            id="run-description-text"
            autoFocus
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          {save.error ? (
            <p className="field-error" role="alert">
              Could not save the description: {userMessage(save.error)}
            </p>
          ) : null}
          <div className="toolbar" style={{ marginTop: 6 }}>
            <button type="submit" className="button small primary" disabled={save.isPending}>
              Save description
            </button>
            <button
              type="button"
              className="button small"
              onClick={() => {
                setDraft(null);
                save.reset();
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : run.description ? (
        <div className="card">
          <MarkdownText source={run.description} />
        </div>
      ) : (
        <p className="muted">No description.</p>
      )}
    </section>
  );
}
