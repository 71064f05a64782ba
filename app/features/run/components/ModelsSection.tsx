import type { Run } from '../../../api';
import { LoggedModelLink } from '../../../components/LoggedModelLink';

/** MLflow 3: the logged models a run took as inputs and produced as outputs. */
export function ModelsSection({ run }: { run: Run }) {
  if (!run.modelInputs.length && !run.modelOutputs.length) return null;
  return (
    <section aria-labelledby="run-models" className="run-section">
      <h2 id="run-models">Logged models</h2>
      <dl className="kv">
        {run.modelOutputs.length ? (
          <>
            <dt>Produced</dt>
            <dd>
              <ul className="plain-list" aria-label="Models produced">
                {run.modelOutputs.map((m) => (
                  <li key={`${m.modelId}/${m.step}`}>
                    <LoggedModelLink modelId={m.modelId} />
                    {m.step ? <span className="muted"> at step {m.step}</span> : null}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {run.modelInputs.length ? (
          <>
            <dt>Used</dt>
            <dd>
              <ul className="plain-list" aria-label="Models used">
                {run.modelInputs.map((m) => (
                  <li key={m.modelId}>
                    <LoggedModelLink modelId={m.modelId} />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
