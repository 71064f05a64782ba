import { useState } from 'react';
import { type Run } from '../../../api';
import { DescriptionForm } from '../../../components/DescriptionForm';
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
        <DescriptionForm
          id="run-description-text"
          draft={draft}
          onDraft={setDraft}
          onSave={() =>
            save.mutate(
              { key: 'mlflow.note.content', value: draft },
              { onSuccess: () => setDraft(null) },
            )
          }
          onCancel={() => {
            setDraft(null);
            save.reset();
          }}
          pending={save.isPending}
          error={save.error}
        />
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
