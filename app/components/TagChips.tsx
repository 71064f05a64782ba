import type { ReactNode } from 'react';
import type { TagMap } from '../api';
import { truncate } from '../lib/format';
import { isSystemTag } from '../lib/tags';

/** User tags as chips; `mlflow.*` system tags are hidden unless asked for. */
export function TagChips({
  tags,
  includeSystem = false,
  max = 8,
  label = 'Tags',
  chipAction,
  last,
}: {
  tags: TagMap;
  includeSystem?: boolean;
  max?: number;
  /** The list's accessible name. */
  label?: string;
  /** Controls drawn inside each chip (the tag editor's Edit button). */
  chipAction?: (key: string) => ReactNode;
  /** An item after the chips (the tag editor's Add button); the list is drawn even when empty. */
  last?: ReactNode;
}) {
  const entries = Object.entries(tags).filter(([k]) => includeSystem || !isSystemTag(k));
  if (!entries.length && !last) return null;
  const shown = entries.slice(0, max);
  return (
    <ul className="chips" aria-label={label}>
      {shown.map(([k, v]) => (
        <li key={k} className="chip" title={`${k}: ${v}`}>
          <span className="chip-key">{truncate(k, 40)}</span>
          {v ? <span className="chip-value">{truncate(v, 60)}</span> : null}
          {chipAction?.(k)}
        </li>
      ))}
      {entries.length > max ? <li className="chip muted">+{entries.length - max}</li> : null}
      {last ? <li>{last}</li> : null}
    </ul>
  );
}
