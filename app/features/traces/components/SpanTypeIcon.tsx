import type { ReactNode } from 'react';

/*
 * Drawn, not typed: a symbol font glyph (⛓, ⚒, ⌕ ...) is missing from many
 * systems' fonts, shows as an empty box there, and makes the browser search
 * its fallback fonts on the first layout of every trace page.
 */
const filled = (d: string) => <path d={d} fill="currentColor" />;
const stroked = (d: string) => (
  <path
    d={d}
    fill="none"
    stroke="currentColor"
    strokeWidth="1.5"
    strokeLinecap="round"
    strokeLinejoin="round"
  />
);

const ICONS: Record<string, ReactNode> = {
  AGENT: filled('M6 .8 11.2 6 6 11.2.8 6z'),
  CHAIN: stroked('M5 4H3.5a2 2 0 0 0 0 4H5M7 4h1.5a2 2 0 0 1 0 4H7M4.5 6h3'),
  LLM: filled('M6 .5 7.4 4.6 11.5 6 7.4 7.4 6 11.5 4.6 7.4.5 6 4.6 4.6z'),
  RETRIEVER: stroked('M5 1.8a3.2 3.2 0 1 0 0 6.4 3.2 3.2 0 1 0 0-6.4zM7.4 7.4l3.3 3.3'),
  TOOL: stroked('M1.8 10.2 6.6 5.4M6 2.2a2.4 2.4 0 0 0 3.8 3.8M6 2.2 7.4 3.6M9.8 6 8.4 4.6'),
  PARSER: stroked('M4 2 1.5 6 4 10M8 2l2.5 4L8 10'),
  EMBEDDING: stroked('M1.5 3h9M1.5 6h9M1.5 9h9'),
  RERANKER: stroked('M3.5 10V2M1.8 3.8 3.5 2l1.7 1.8M8.5 2v8M6.8 8.2 8.5 10l1.7-1.8'),
  UNKNOWN: stroked('M6 2.2a3.8 3.8 0 1 0 0 7.6 3.8 3.8 0 1 0 0-7.6z'),
};
ICONS.CHAT_MODEL = ICONS.LLM;
const CUSTOM = stroked('M2.5 2.5h7v7h-7z');

/** An icon per span type (custom types get a generic one); the type is in the tooltip. */
export function SpanTypeIcon({ type }: { type: string }) {
  const icon = ICONS[type];
  return (
    <span
      className={`span-icon span-icon-${icon ? type : 'CUSTOM'}`}
      title={type}
      aria-hidden="true"
    >
      <svg viewBox="0 0 12 12" width="12" height="12">
        {icon ?? CUSTOM}
      </svg>
    </span>
  );
}
