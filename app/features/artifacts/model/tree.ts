/**
 * JSON/YAML documents as a tree shown as flat rows with a depth: collapsing a
 * node skips its subtree, and only visible rows are built, so a large
 * document costs what is on screen.
 */

export type NodeKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface TreeRow {
  /** JSON-pointer-like id, unique in the document ('' is the root). */
  id: string;
  depth: number;
  label: string;
  kind: NodeKind;
  /** Scalar text, or a summary ("{3}", "[20]") for containers. */
  text: string;
  expandable: boolean;
  expanded: boolean;
}

function kindOf(v: unknown): NodeKind {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'object':
      return 'object';
    case 'string':
      return 'string';
    case 'number':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'string';
  }
}

function entriesOf(v: unknown): [string, unknown][] {
  if (Array.isArray(v)) return v.map((x, i) => [String(i), x]);
  if (v && typeof v === 'object') return Object.entries(v as Record<string, unknown>);
  return [];
}

function scalarText(v: unknown, kind: NodeKind): string {
  if (kind === 'string') return JSON.stringify(v);
  if (kind === 'null') return 'null';
  return String(v);
}

/** Rows of the nodes visible given which ids are collapsed (everything else is open up to `openDepth`). */
export function visibleTreeRows(
  doc: unknown,
  toggled: ReadonlySet<string>,
  openDepth = 2,
  maxRows = 200_000,
): TreeRow[] {
  const out: TreeRow[] = [];
  const walk = (v: unknown, id: string, label: string, depth: number) => {
    if (out.length >= maxRows) return;
    const kind = kindOf(v);
    const children = kind === 'object' || kind === 'array' ? entriesOf(v) : [];
    const expandable = children.length > 0;
    // Default: open near the root; a toggle flips the default for that node.
    const expanded = expandable && depth < openDepth !== toggled.has(id);
    const text =
      kind === 'object'
        ? `{${children.length}}`
        : kind === 'array'
          ? `[${children.length}]`
          : scalarText(v, kind);
    out.push({ id, depth, label, kind, text, expandable, expanded });
    if (expanded) for (const [k, child] of children) walk(child, `${id}/${k}`, k, depth + 1);
  };
  const rootKind = kindOf(doc);
  if (rootKind === 'object' || rootKind === 'array')
    for (const [k, child] of entriesOf(doc)) walk(child, `/${k}`, k, 0);
  else walk(doc, '', '(value)', 0);
  return out;
}
