import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { MarkdownText } from '../../../components/MarkdownText';
import { Spinner } from '../../../components/Spinner';
import { formatBytes } from '../../../lib/format';
import { artifactKind, baseName, looksBinary, PREVIEW_LIMITS, sniffImage } from '../model/kind';
import { artifactTextQueryOptions } from '../queries';
import { ImagePreview } from './ImagePreview';
import { WithObjectUrl } from './WithObjectUrl';

type TextState =
  | { state: 'pending' }
  | { state: 'error'; node: React.ReactNode }
  | { state: 'image' }
  | { state: 'ok'; text: string };

/** Text of a file, refused when it turns out binary or larger than its kind allows. */
export function useArtifactText(runId: string, path: string): TextState {
  const q = useQuery(artifactTextQueryOptions(runId, path));
  const name = baseName(path);
  if (q.error)
    return {
      state: 'error',
      node: (
        <ErrorNotice
          title={`Could not load ${name}`}
          error={q.error}
          onRetry={() => void q.refetch()}
        />
      ),
    };
  if (q.isPending) return { state: 'pending' };
  const limit = PREVIEW_LIMITS[artifactKind(path)];
  if (q.data.length > limit)
    return {
      state: 'error',
      node: (
        <p className="empty" role="status">
          This file is too large to preview ({formatBytes(q.data.length)}). Use the download link.
        </p>
      ),
    };
  if (sniffImage(q.data)) return { state: 'image' };
  if (looksBinary(q.data))
    return {
      state: 'error',
      node: (
        <p className="empty" role="status">
          {name} holds binary data, not text. Use the download link.
        </p>
      ),
    };
  return { state: 'ok', text: q.data };
}

/** For previews that only take text: an image is binary to them. */
export function textOnly(t: TextState, path: string): Exclude<TextState, { state: 'image' }> {
  if (t.state !== 'image') return t;
  return {
    state: 'error',
    node: (
      <p className="empty" role="status">
        {baseName(path)} holds binary data, not text. Use the download link.
      </p>
    ),
  };
}

const LINE_HEIGHT = 19;

/** Plain text and logs with line numbers; long files are virtualized. */
export function TextPreview({ runId, path }: { runId: string; path: string }) {
  const t = useArtifactText(runId, path);
  if (t.state === 'pending') return <Spinner label="Loading file…" />;
  if (t.state === 'error') return <>{t.node}</>;
  if (t.state === 'image') return <ImagePreview runId={runId} path={path} />;
  return <NumberedLines text={t.text} label={baseName(path)} />;
}

export function NumberedLines({ text, label }: { text: string; label: string }) {
  const lines = useMemo(() => text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n'), [text]);
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 30,
  });
  const gutter = String(lines.length).length;
  return (
    <div
      ref={scroller}
      className="text-preview"
      role="region"
      aria-label={`Contents of ${label}`}
      tabIndex={0}
    >
      <div style={{ height: v.getTotalSize(), position: 'relative' }}>
        {v.getVirtualItems().map((item) => (
          <div
            key={item.index}
            className="text-line"
            style={{ transform: `translateY(${item.start}px)`, height: LINE_HEIGHT }}
          >
            <span className="line-no" aria-hidden="true" style={{ width: `${gutter + 1}ch` }}>
              {item.index + 1}
            </span>
            <span className="line-text">{lines[item.index]}</span>
          </div>
        ))}
      </div>
    </div>
  );
}

export function MarkdownPreview({ runId, path }: { runId: string; path: string }) {
  const t = textOnly(useArtifactText(runId, path), path);
  if (t.state === 'pending') return <Spinner label="Loading file…" />;
  if (t.state === 'error') return <>{t.node}</>;
  return (
    <div className="card">
      <MarkdownText source={t.text} />
    </div>
  );
}

/**
 * HTML runs in an iframe with an empty sandbox: no scripts, a unique opaque
 * origin, no forms, no top navigation. `srcdoc` means no request to our origin.
 */
export function HtmlPreview({ runId, path }: { runId: string; path: string }) {
  const t = textOnly(useArtifactText(runId, path), path);
  if (t.state === 'pending') return <Spinner label="Loading file…" />;
  if (t.state === 'error') return <>{t.node}</>;
  return (
    <div>
      <p className="muted">Shown in a sandbox: scripts in this file do not run.</p>
      <iframe
        className="html-preview"
        sandbox=""
        srcDoc={t.text}
        title={`HTML preview of ${baseName(path)}`}
        referrerPolicy="no-referrer"
      />
    </div>
  );
}

/** PDF through the browser's viewer, from a typed blob URL (the server may say octet-stream). */
export function PdfPreview({ runId, path }: { runId: string; path: string }) {
  return (
    <WithObjectUrl runId={runId} path={path} loading="Loading PDF…">
      {(url) => (
        <object
          className="pdf-preview"
          data={url}
          type="application/pdf"
          aria-label={`PDF preview of ${baseName(path)}`}
        >
          <p>
            This browser cannot show PDFs inline.{' '}
            <a href={url} download={baseName(path)}>
              Download {baseName(path)}
            </a>
          </p>
        </object>
      )}
    </WithObjectUrl>
  );
}
