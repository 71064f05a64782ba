import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';
import remarkGfm from 'remark-gfm';

/**
 * Markdown from the server (descriptions, .md artifacts) rendered as React
 * elements. Raw HTML in the source is not rendered (no rehype-raw): `<script>`
 * and `<img onerror>` show as nothing executable. URLs are filtered to safe
 * protocols by react-markdown's defaultUrlTransform (no `javascript:`).
 */
export default function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        skipHtml={false}
        urlTransform={defaultUrlTransform}
        components={{
          a: ({ href, children }) => (
            <a href={href} target="_blank" rel="noopener noreferrer nofollow">
              {children}
            </a>
          ),
          // Raw HTML nodes arrive as text when not parsed: show them literally.
        }}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
