import { useId, useState, type FormEvent } from 'react';
import { parseTypedValue, typedValueOf } from '../model/assessments';
import { FieldError } from '../../../components/FieldError';

export interface AssessmentDraft {
  name: string;
  kind: 'feedback' | 'expectation';
  value: unknown;
  rationale: string;
}

/**
 * Add or edit one human assessment. The value is typed as text: `true`/`false`
 * (pass/fail), a number, JSON, or plain text. The server's error stays under
 * the form, with what was typed kept.
 */
export function AssessmentForm({
  initial,
  target,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  initial: AssessmentDraft | null;
  /** What it is about: "the whole trace" or "span retrieve". */
  target: string;
  busy: boolean;
  error: unknown;
  onSubmit: (d: AssessmentDraft) => void;
  onCancel: () => void;
}) {
  const editing = initial !== null;
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<AssessmentDraft['kind']>(initial?.kind ?? 'feedback');
  const [value, setValue] = useState(initial ? typedValueOf(initial.value) : 'true');
  const [rationale, setRationale] = useState(initial?.rationale ?? '');
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    onSubmit({ name: name.trim(), kind, value: parseTypedValue(value), rationale });
  };
  return (
    <form
      className="card assessment-form"
      onSubmit={submit}
      aria-label={editing ? 'Edit assessment' : 'Add assessment'}
    >
      <p className="muted">{editing ? `Editing ${initial.name}` : `New assessment on ${target}`}</p>
      {!editing ? (
        <>
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
          />
          <fieldset className="inline-fieldset">
            <legend>Kind</legend>
            <label className="inline-check">
              <input
                type="radio"
                name={`${id}-kind`}
                checked={kind === 'feedback'}
                onChange={() => setKind('feedback')}
              />{' '}
              Feedback
            </label>
            <label className="inline-check">
              <input
                type="radio"
                name={`${id}-kind`}
                checked={kind === 'expectation'}
                onChange={() => setKind('expectation')}
              />{' '}
              Expectation
            </label>
          </fieldset>
        </>
      ) : null}
      <label htmlFor={`${id}-value`}>Value</label>
      <input
        id={`${id}-value`}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-describedby={`${id}-hint`}
      />
      <small id={`${id}-hint`} className="muted">
        true / false for pass or fail, a number, JSON, or text
      </small>
      <label htmlFor={`${id}-rationale`}>Rationale</label>
      <textarea
        id={`${id}-rationale`}
        value={rationale}
        onChange={(e) => setRationale(e.target.value)}
        rows={2}
      />
      <FieldError error={error} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy || !name.trim()}>
          {busy ? 'Saving…' : editing ? 'Save assessment' : 'Add assessment'}
        </button>
      </div>
    </form>
  );
}
