/** A prompt template cut into text and `{{variable}}` parts, for highlighting. */
export type TemplatePart =
  { kind: 'text'; text: string } | { kind: 'var'; name: string; text: string };

const VAR = /\{\{\s*([\w.-]+)\s*\}\}/g;

export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of template.matchAll(VAR)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ kind: 'text', text: template.slice(last, at) });
    parts.push({ kind: 'var', name: m[1] ?? '', text: m[0] }); // VAR's one group is not optional
    last = at + m[0].length;
  }
  if (last < template.length) parts.push({ kind: 'text', text: template.slice(last) });
  return parts;
}

/** The distinct variables of a template, in order of first use. */
export function templateVariables(template: string): string[] {
  return [...new Set(templateParts(template).flatMap((p) => (p.kind === 'var' ? [p.name] : [])))];
}

/**
 * The text of a version: `mlflow.prompt.text` holds the template; a chat
 * prompt (`_mlflow_prompt_type` = chat) holds a JSON list of messages, shown
 * one `role: content` block each so a diff reads by message.
 */
export function promptText(tags: Readonly<Record<string, string>>): string {
  const raw = tags['mlflow.prompt.text'] ?? '';
  if (tags._mlflow_prompt_type !== 'chat') return raw;
  try {
    const v: unknown = JSON.parse(raw);
    if (!Array.isArray(v)) return raw;
    return v
      .map((m: unknown) =>
        m && typeof m === 'object' && 'role' in m && 'content' in m
          ? `${String(m.role)}: ${typeof m.content === 'string' ? m.content : JSON.stringify(m.content)}`
          : JSON.stringify(m),
      )
      .join('\n\n');
  } catch {
    return raw;
  }
}
