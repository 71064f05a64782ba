import type { Run } from '../../../api';
import { LoggedModelLink } from '../../../components/LoggedModelLink';
import { TermList } from './TermList';

/** MLflow 3: the logged models a run took as inputs and produced as outputs. */
export function ModelsSection({ run }: { run: Run }) {
  if (!run.modelInputs.length && !run.modelOutputs.length) return null;
  return (
    <section aria-labelledby="run-models" className="run-section">
      <h2 id="run-models">Logged models</h2>
      <dl className="kv">
        <TermList
          term="Produced"
          label="Models produced"
          items={run.modelOutputs}
          itemKey={(m) => `${m.modelId}/${m.step}`}
          listClassName="plain-list"
        >
          {(m) => (
            <>
              <LoggedModelLink modelId={m.modelId} />
              {m.step ? <span className="muted"> at step {m.step}</span> : null}
            </>
          )}
        </TermList>
        <TermList
          term="Used"
          label="Models used"
          items={run.modelInputs}
          itemKey={(m) => m.modelId}
          listClassName="plain-list"
        >
          {(m) => <LoggedModelLink modelId={m.modelId} />}
        </TermList>
      </dl>
    </section>
  );
}
