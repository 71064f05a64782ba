import { useMemo } from 'react';
import { Spinner } from '../../../components/Spinner';
import { baseName } from '../model/kind';
import { parseDelimited } from '../model/table';
import { TableView } from './TableView';
import { textOnly, useArtifactText } from './TextPreviews';

/** CSV and TSV files. */
export default function TablePreview({
  runId,
  path,
  delimiter,
}: {
  runId: string;
  path: string;
  delimiter: ',' | '\t';
}) {
  const t = textOnly(useArtifactText(runId, path), path);
  const text = t.state === 'ok' ? t.text : null;
  const data = useMemo(
    () => (text === null ? null : parseDelimited(text, delimiter)),
    [text, delimiter],
  );
  if (t.state === 'pending') return <Spinner label="Loading table…" />;
  if (t.state === 'error') return <>{t.node}</>;
  if (!data) return null;
  return <TableView data={data} label={`Table ${baseName(path)}`} />;
}
