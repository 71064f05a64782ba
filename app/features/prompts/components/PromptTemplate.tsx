import { memo } from 'react';
import { templateParts } from '../model/template';

/**
 * A template as text, its `{{variables}}` marked. Never HTML: each part is a
 * text node. Memoized: a 5,000-line template is ten thousand nodes, and the
 * prompt page re-renders on every change of its URL (choosing versions to diff).
 */
export const PromptTemplate = memo(function PromptTemplate({ text }: { text: string }) {
  return (
    <pre className="prompt-template pre-wrap" aria-label="Template">
      {templateParts(text).map((p, i) =>
        p.kind === 'var' ? (
          <mark key={i} className="prompt-var" title={`variable ${p.name}`}>
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </pre>
  );
});
