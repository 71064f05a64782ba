import { useState } from 'react';
import type { Experiment } from '../../../api';
import { DescriptionForm } from '../../../components/DescriptionForm';
import { Folded } from '../../../components/Folded';
import { MarkdownText } from '../../../components/MarkdownText';
import { TagForm, type TagSave } from '../../../components/TagForm';
import { truncate } from '../../../lib/format';
import { useSetExperimentTag } from '../mutations';
import { isSystemTag } from '../../../lib/tags';

const NOTE = 'mlflow.note.content';

function useTagWrite(experimentId: string): TagSave & { reset: () => void } {
  const m = useSetExperimentTag(experimentId);
  return {
    save: (tag, done) => m.mutate(tag, { onSuccess: done }),
    pending: m.isPending,
    error: m.error,
    reset: m.reset,
  };
}

/** The experiment's user tags as chips, each editable, and a form to add one (as on the run page). */
export function ExperimentTags({ experiment }: { experiment: Experiment }) {
  const write = useTagWrite(experiment.id);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const tags = Object.entries(experiment.tags).filter(([k]) => !isSystemTag(k));
  return (
    <div className="experiment-tags">
      <ul className="chips" aria-label="Tags">
        {tags.map(([k, v]) => (
          <li key={k} className="chip" title={`${k}: ${v}`}>
            <span className="chip-key">{truncate(k, 40)}</span>
            {v ? <span className="chip-value">{truncate(v, 60)}</span> : null}
            <button
              type="button"
              className="chip-edit"
              aria-label={`Edit tag ${k}`}
              onClick={() => setEditing(k)}
            >
              ✎
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="button small"
            onClick={() => setAdding(true)}
            hidden={adding}
          >
            Add tag
          </button>
        </li>
      </ul>
      {editing !== null ? (
        <TagForm
          key={editing}
          idPrefix="experiment-tag"
          initial={{ key: editing, value: experiment.tags[editing] ?? '' }}
          write={write}
          onDone={() => {
            setEditing(null);
            write.reset();
          }}
        />
      ) : null}
      {adding ? (
        <TagForm
          idPrefix="experiment-tag"
          write={write}
          onDone={() => {
            setAdding(false);
            write.reset();
          }}
        />
      ) : null}
    </div>
  );
}

/** The description (`mlflow.note.content`) as markdown, folded when long; a failed save keeps the draft and says why. */
export function ExperimentDescription({ experiment }: { experiment: Experiment }) {
  const [draft, setDraft] = useState<string | null>(null);
  const save = useSetExperimentTag(experiment.id);
  if (draft !== null)
    return (
      <DescriptionForm
        id="experiment-description-text"
        className="experiment-description"
        draft={draft}
        onDraft={setDraft}
        onSave={() => save.mutate({ key: NOTE, value: draft }, { onSuccess: () => setDraft(null) })}
        onCancel={() => {
          setDraft(null);
          save.reset();
        }}
        pending={save.isPending}
        error={save.error}
      />
    );
  return (
    <div className="experiment-description">
      {experiment.description ? (
        <div className="card" style={{ marginTop: 8 }}>
          <Folded label="description">
            <MarkdownText source={experiment.description} />
          </Folded>
        </div>
      ) : null}
      <button
        type="button"
        className="button small"
        style={{ marginTop: 6 }}
        onClick={() => setDraft(experiment.description)}
      >
        {experiment.description ? 'Edit description' : 'Add a description'}
      </button>
    </div>
  );
}
