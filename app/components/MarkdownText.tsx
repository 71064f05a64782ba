import { lazy, Suspense } from 'react';
import { afterPaint } from '../lib/after-paint';

// Asked for after the first paint: evaluating the parser (160 KB) before it would hold
// back the page's first content by a long task.
const Markdown = lazy(() => afterPaint().then(() => import('./Markdown')));

/**
 * Sanitized markdown, loaded on demand so the markdown parser is not in the
 * first page's bundle, and after the page's first paint. Until it loads, the
 * source shows as plain text.
 */
export function MarkdownText({ source }: { source: string }) {
  if (!source.trim()) return null;
  return (
    <Suspense fallback={<div className="markdown pre-wrap">{source}</div>}>
      <Markdown source={source} />
    </Suspense>
  );
}
