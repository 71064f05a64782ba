/**
 * Raw JSON: find the text of a top-level value and compact it without parsing
 * numbers (JSON.parse would round 1795808409342917797 to ...917800). Used by
 * the replay server to send recorded bodies with exact nanosecond span times.
 */
function skipString(text: string, i: number): number {
  // text[i] === '"'
  for (i += 1; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i + 1;
  }
  throw new Error('unterminated string');
}

function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return skipString(text, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"') {
        i = skipString(text, i) - 1;
      } else if (ch === '{' || ch === '[') {
        depth += 1;
      } else if (ch === '}' || ch === ']') {
        depth -= 1;
        if (depth === 0) return i + 1;
      }
    }
    throw new Error('unterminated value');
  }
  while (i < text.length && !/[,}\]\s]/.test(text.charAt(i))) i++;
  return i;
}

/** The raw text of each top-level member of a JSON object. */
export function topLevelRaw(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = text.indexOf('{') + 1;
  const ws = () => {
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
  };
  for (;;) {
    ws();
    if (text[i] === '}' || i >= text.length) return out;
    const keyEnd = skipString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = keyEnd;
    ws();
    i += 1; // ':'
    ws();
    const end = skipValue(text, i);
    out.set(key, text.slice(i, end));
    i = end;
    ws();
    if (text[i] === ',') i += 1;
  }
}

/** Drop whitespace outside strings: what a server sends, numbers untouched. */
export function compactJson(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charAt(i);
    if (c === '"') {
      const end = skipString(raw, i);
      out += raw.slice(i, end);
      i = end - 1;
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return out;
}
