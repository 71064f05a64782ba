/**
 * A version's source run page is `/experiments/<experimentId>/runs/<runId>`.
 * The experiment id is in most sources (`mlflow-artifacts:/3/<run>/artifacts/model`,
 * `file:///.../mlruns/3/<run>/artifacts/model`); `runs:/<run>/model` lacks it,
 * and then the run itself has to be fetched (null here).
 */
export function experimentIdFromSource(source: string, runId: string): string | null {
  if (!runId) return null;
  const parts = source.split('/');
  const i = parts.indexOf(runId);
  if (i < 1 || parts[i + 1] !== 'artifacts') return null;
  const exp = parts[i - 1]!.replace(/^mlflow-artifacts:/, '');
  return /^\d+$/.test(exp) ? exp : null;
}
