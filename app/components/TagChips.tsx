import type { TagMap } from '../api';
import { truncate } from '../lib/format';
import { isSystemTag } from '../lib/tags';

/** User tags as chips; `mlflow.*` system tags are hidden unless asked for. */
export function TagChips({
  tags,
  includeSystem = false,
  max = 8,
}: {
  tags: TagMap;
  includeSystem?: boolean;
  max?: number;
}) {
  const entries = Object.entries(tags).filter(([k]) => includeSystem || !isSystemTag(k));
  if (!entries.length) return null;
  const shown = entries.slice(0, max);
  return (
    <ul className="chips" aria-label="Tags">
      {shown.map(([k, v]) => (
        <li key={k} className="chip" title={`${k}: ${v}`}>
          <span className="chip-key">{truncate(k, 40)}</span>
          {v ? <span className="chip-value">{truncate(v, 60)}</span> : null}
        </li>
      ))}
      {entries.length > max ? <li className="chip muted">+{entries.length - max}</li> : null}
    </ul>
  );
}
