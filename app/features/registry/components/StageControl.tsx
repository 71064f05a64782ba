import { useState, type FormEvent } from 'react';
import { userMessage } from '../../../api';
import { STAGES } from '../model/filter';
import { useTransitionStage } from '../mutations';
import { FieldError } from '../../../components/FieldError';

/** Move a version to another stage; optionally archive the versions already in that stage. */
export function StageControl({
  name,
  version,
  current,
}: {
  name: string;
  version: string;
  current: string;
}) {
  const transition = useTransitionStage(name);
  const [stage, setStage] = useState(current === 'Production' ? 'Archived' : 'Production');
  const [archiveExisting, setArchiveExisting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Archiving others only means something when entering Staging or Production.
  const canArchive = stage === 'Staging' || stage === 'Production';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await transition.mutateAsync({
        version,
        stage,
        archiveExisting: canArchive && archiveExisting,
      });
    } catch (err) {
      setError(userMessage(err));
    }
  };

  return (
    <form className="toolbar" onSubmit={(e) => void submit(e)} aria-label="Stage transition">
      <label htmlFor="stage-target">Transition to</label>
      <select id="stage-target" value={stage} onChange={(e) => setStage(e.target.value)}>
        {STAGES.filter((s) => s !== current).map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <label>
        <input
          type="checkbox"
          checked={canArchive && archiveExisting}
          disabled={!canArchive}
          onChange={(e) => setArchiveExisting(e.target.checked)}
        />{' '}
        Archive existing versions in {canArchive ? stage : 'that stage'}
      </label>
      <button type="submit" className="button small primary" disabled={transition.isPending}>
        Transition
      </button>
      <FieldError error={error} />
    </form>
  );
}
