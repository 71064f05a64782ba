import { Component as ReactComponent, Suspense, type ReactNode } from 'react';
import { runArtifactUrl, type FileInfo } from '../../../api';
import { lazyComponent } from '../../../components/lazy-component';
import { Spinner } from '../../../components/Spinner';
import { formatBytes } from '../../../lib/format';
import { displayName } from '../model/files';
import { artifactKind, baseName, canPreview, type ArtifactKind } from '../model/kind';
import { parseStepImage } from '../model/step-images';
import { ImagePreview } from './ImagePreview';
import { StepImagePreview } from './StepImagePreview';
import { HtmlPreview, MarkdownPreview, PdfPreview, TextPreview } from './TextPreviews';

// Heavier previews (table virtualizer, YAML parser, model card) load on demand.
const TablePreview = lazyComponent(() => import('./TablePreview'));
const StructuredPreview = lazyComponent(() => import('./StructuredPreview'));
const MlmodelPreview = lazyComponent(() => import('./MlmodelPreview'));

/** Load the code that previews `path` (a linked file's preview then renders with the page). */
export function preloadPreview(path: string): Promise<void> {
  switch (artifactKind(path)) {
    case 'csv':
    case 'tsv':
      return TablePreview.preload();
    case 'json':
    case 'yaml':
      return StructuredPreview.preload();
    case 'mlmodel':
      return MlmodelPreview.preload();
    default:
      return Promise.resolve();
  }
}

interface Props {
  runId: string;
  file: FileInfo;
  /** File paths in the same folder (step images are grouped from these). */
  siblings: string[];
  onSelect: (path: string) => void;
}

const KIND_LABEL: Record<ArtifactKind, string> = {
  image: 'Image',
  svg: 'SVG image',
  text: 'Text',
  json: 'JSON',
  yaml: 'YAML',
  csv: 'CSV',
  tsv: 'TSV',
  markdown: 'Markdown',
  html: 'HTML (sandboxed)',
  pdf: 'PDF',
  mlmodel: 'MLmodel',
  binary: 'Binary',
};

/** Header (name, size, download) and the body for the file's kind, inside its own error boundary. */
export function ArtifactPreview({ runId, file, siblings, onSelect }: Props) {
  const kind = artifactKind(file.path);
  const name = baseName(file.path);
  const url = runArtifactUrl(runId, file.path);
  const decision = canPreview(kind, file.fileSize);
  return (
    <section className="artifact-preview" aria-label={`Preview of ${name}`}>
      <div className="toolbar">
        <strong className="mono artifact-path">{displayName(file.path)}</strong>
        <span className="badge">{KIND_LABEL[kind]}</span>
        <span className="muted">{formatBytes(file.fileSize)}</span>
        <span className="grow" />
        <a className="button small" href={url} download={name}>
          Download
        </a>
      </div>
      <PreviewBoundary>
        {decision.ok ? (
          <Suspense fallback={<Spinner label="Loading preview…" />}>
            {body(kind, runId, file, siblings, onSelect)}
          </Suspense>
        ) : (
          <div className="empty" role="status">
            {decision.reason === 'too-large'
              ? `This file is too large to preview (${formatBytes(file.fileSize)}; the limit for ${KIND_LABEL[kind]} is ${formatBytes(decision.limit)}).`
              : 'This file is binary and has no preview.'}{' '}
            <a href={url} download={name}>
              Download {name}
            </a>
          </div>
        )}
      </PreviewBoundary>
    </section>
  );
}

function body(
  kind: ArtifactKind,
  runId: string,
  file: FileInfo,
  siblings: string[],
  onSelect: (p: string) => void,
): ReactNode {
  const { path } = file;
  switch (kind) {
    case 'image':
      return parseStepImage(path) ? (
        <StepImagePreview runId={runId} path={path} siblings={siblings} onSelect={onSelect} />
      ) : (
        <ImagePreview runId={runId} path={path} />
      );
    case 'svg':
      return <ImagePreview runId={runId} path={path} />;
    case 'csv':
    case 'tsv':
      return <TablePreview runId={runId} path={path} delimiter={kind === 'csv' ? ',' : '\t'} />;
    case 'json':
    case 'yaml':
      return <StructuredPreview runId={runId} path={path} format={kind} />;
    case 'markdown':
      return <MarkdownPreview runId={runId} path={path} />;
    case 'html':
      return <HtmlPreview runId={runId} path={path} />;
    case 'pdf':
      return <PdfPreview runId={runId} path={path} />;
    case 'mlmodel':
      return <MlmodelPreview runId={runId} path={path} />;
    default:
      return <TextPreview runId={runId} path={path} />;
  }
}

/** A preview that throws while rendering breaks only its own panel. */
class PreviewBoundary extends ReactComponent<{ children: ReactNode }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (this.state.error)
      return (
        <div className="error-notice" role="alert">
          This file could not be shown: {this.state.error.message}
        </div>
      );
    return this.props.children;
  }
}
