import { lazy, Suspense } from 'react';

const Markdown = lazy(() => import('./Markdown'));

/**
 * Sanitized markdown, loaded on demand so the markdown parser is not in the
 * first page's bundle. Until it loads, the source shows as plain text.
 */
export function MarkdownText({ source }: { source: string }) {
  if (!source.trim()) return null;
  return (
    <Suspense fallback={<div className="markdown pre-wrap">{source}</div>}>
      <Markdown source={source} />
    </Suspense>
  );
}
