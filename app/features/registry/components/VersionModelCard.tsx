import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { ModelCard } from '../../../components/ModelCard';
import { Spinner } from '../../../components/Spinner';
import { parseMlModel } from '../../../lib/mlmodel';
import { modelVersionFileQueryOptions } from '../queries';

/**
 * The model card of a registered version, from its files served by
 * `/model-versions/get-artifact`. The input example and requirements are
 * optional: a missing file just leaves its section out.
 */
export function VersionModelCard({ name, version }: { name: string; version: string }) {
  const mlmodel = useQuery(modelVersionFileQueryOptions(name, version, 'MLmodel'));
  const parsed = useMemo(
    () => (mlmodel.data === undefined ? null : parseMlModel(mlmodel.data)),
    [mlmodel.data],
  );
  const examplePath = parsed?.ok ? parsed.model.inputExample?.path : undefined;
  const example = useQuery({
    ...modelVersionFileQueryOptions(name, version, examplePath ?? ''),
    enabled: !!examplePath,
  });
  const requirements = useQuery({
    ...modelVersionFileQueryOptions(name, version, 'requirements.txt'),
    enabled: !!parsed?.ok,
  });

  if (mlmodel.isPending) return <Spinner label="Loading model card…" />;
  if (mlmodel.isError)
    return (
      <ErrorNotice
        title="Could not load the MLmodel file"
        error={mlmodel.error}
        onRetry={() => void mlmodel.refetch()}
      />
    );
  if (!parsed) return null;
  if (!parsed.ok)
    return (
      <p className="error-notice" role="alert">
        This version's MLmodel file could not be read: {parsed.error}
      </p>
    );
  return (
    <ModelCard
      model={parsed.model}
      inputExampleText={example.data ?? null}
      requirementsText={requirements.data ?? null}
    />
  );
}
