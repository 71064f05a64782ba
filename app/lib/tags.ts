/** Tags MLflow writes itself (`mlflow.runName`, `mlflow.source.name`...): shown read-only, apart from the user's. */
export function isSystemTag(key: string): boolean {
  return key.startsWith('mlflow.');
}
