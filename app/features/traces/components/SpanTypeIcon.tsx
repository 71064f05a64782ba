const ICONS: Record<string, string> = {
  AGENT: '◆',
  CHAIN: '⛓',
  LLM: '✦',
  CHAT_MODEL: '✦',
  RETRIEVER: '⌕',
  TOOL: '⚒',
  PARSER: '¶',
  EMBEDDING: '≋',
  RERANKER: '⇅',
  UNKNOWN: '○',
};

/** A glyph per span type (custom types get a generic one); the type is in the tooltip. */
export function SpanTypeIcon({ type }: { type: string }) {
  const known = type in ICONS;
  return (
    <span className={`span-icon span-icon-${known ? type : 'CUSTOM'}`} title={type} aria-hidden="true">
      {ICONS[type] ?? '□'}
    </span>
  );
}
