import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ModelCard } from '../../../components/ModelCard';
import { Spinner } from '../../../components/Spinner';
import { parseMlModel } from '../../../lib/mlmodel';
import { artifactTextQueryOptions } from '../queries';
import { NumberedLines, textOnly, useArtifactText } from './TextPreviews';

/** An MLmodel file as a model card; the input example and requirements are read from the same folder. */
export default function MlmodelPreview({ runId, path }: { runId: string; path: string }) {
  const t = textOnly(useArtifactText(runId, path), path);
  const text = t.state === 'ok' ? t.text : null;
  const parsed = useMemo(() => (text === null ? null : parseMlModel(text)), [text]);
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const examplePath =
    parsed?.ok && parsed.model.inputExample ? folder + parsed.model.inputExample.path : null;
  // Optional companions: a missing one just leaves its section out.
  const example = useQuery({
    ...artifactTextQueryOptions(runId, examplePath ?? ''),
    enabled: examplePath !== null,
  });
  const requirements = useQuery({
    ...artifactTextQueryOptions(runId, folder + 'requirements.txt'),
    enabled: parsed?.ok === true,
  });
  if (t.state === 'pending') return <Spinner label="Loading MLmodel…" />;
  if (t.state === 'error') return <>{t.node}</>;
  if (!parsed || text === null) return null;
  if (!parsed.ok)
    return (
      <div>
        <p className="field-error" role="status">
          {parsed.error}
        </p>
        <NumberedLines text={text} label="MLmodel" />
      </div>
    );
  return (
    <ModelCard
      model={parsed.model}
      inputExampleText={example.data ?? null}
      requirementsText={requirements.data ?? null}
    />
  );
}
