import { useMemo, useState } from 'react';
import { parse as parseYaml } from 'yaml';
import { Spinner } from '../../../components/Spinner';
import { baseName } from '../model/kind';
import { jsonTable } from '../model/table';
import { TableView } from './TableView';
import { NumberedLines, textOnly, useArtifactText } from './TextPreviews';
import { TreeView } from './TreeView';

type Parsed = { ok: true; doc: unknown } | { ok: false; message: string };

function parseDoc(text: string, format: 'json' | 'yaml'): Parsed {
  try {
    return {
      ok: true,
      doc: format === 'json' ? (JSON.parse(text) as unknown) : (parseYaml(text) as unknown),
    };
  } catch (e) {
    return {
      ok: false,
      message: e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e),
    };
  }
}

/** JSON and YAML as a collapsible tree; a `log_table` JSON also as a table (the default). */
export default function StructuredPreview({
  runId,
  path,
  format,
}: {
  runId: string;
  path: string;
  format: 'json' | 'yaml';
}) {
  const t = textOnly(useArtifactText(runId, path), path);
  const text = t.state === 'ok' ? t.text : null;
  const parsed = useMemo(() => (text === null ? null : parseDoc(text, format)), [text, format]);
  const table = useMemo(() => (parsed?.ok ? jsonTable(parsed.doc) : null), [parsed]);
  const [view, setView] = useState<'table' | 'tree' | 'text'>('table');
  if (t.state === 'pending') return <Spinner label="Loading file…" />;
  if (t.state === 'error') return <>{t.node}</>;
  if (!parsed || text === null) return null;
  const name = baseName(path);
  if (!parsed.ok)
    return (
      <div>
        <p className="field-error" role="status">
          Not valid {format.toUpperCase()} ({parsed.message}); shown as text.
        </p>
        <NumberedLines text={text} label={name} />
      </div>
    );
  const shown = view === 'table' && !table ? 'tree' : view;
  return (
    <div>
      <div className="segmented" role="group" aria-label="View as">
        {table ? (
          <button type="button" aria-pressed={shown === 'table'} onClick={() => setView('table')}>
            Table
          </button>
        ) : null}
        <button type="button" aria-pressed={shown === 'tree'} onClick={() => setView('tree')}>
          Tree
        </button>
        <button type="button" aria-pressed={shown === 'text'} onClick={() => setView('text')}>
          Text
        </button>
      </div>
      <div style={{ marginTop: 8 }}>
        {shown === 'table' && table ? <TableView data={table} label={`Table ${name}`} /> : null}
        {shown === 'tree' ? <TreeView doc={parsed.doc} label={name} /> : null}
        {shown === 'text' ? <NumberedLines text={text} label={name} /> : null}
      </div>
    </div>
  );
}
