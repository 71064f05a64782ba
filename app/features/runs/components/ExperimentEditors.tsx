import { useState } from 'react';
import type { Experiment } from '../../../api';
import { DescriptionForm } from '../../../components/DescriptionForm';
import { Folded } from '../../../components/Folded';
import { MarkdownText } from '../../../components/MarkdownText';
import { TagEditor } from '../../../components/TagEditor';
import { useSetExperimentTag } from '../mutations';

const NOTE = 'mlflow.note.content';

/** The experiment's user tags as chips, each editable, and a form to add one. */
export function ExperimentTags({ experiment }: { experiment: Experiment }) {
  const set = useSetExperimentTag(experiment.id);
  return (
    <TagEditor
      layout="chips"
      systemTags="hide"
      tags={experiment.tags}
      onSet={(key, value) => set.mutateAsync({ key, value })}
    />
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
