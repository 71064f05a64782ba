import { templateParts } from '../model/template';

/** A template as text, its `{{variables}}` marked. Never HTML: each part is a text node. */
export function PromptTemplate({ text }: { text: string }) {
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
}
