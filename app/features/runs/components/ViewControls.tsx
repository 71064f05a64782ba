import type { ViewType } from '../../../api';
import type { RunKeys } from '../model/keys';
import {
  encodeGroupBy,
  STATUS_FILTERS,
  type GroupBy,
  type RunsViewState,
  type StatusFilter,
} from '../model/view-state';
import { useRunsUiStore } from '../store';
import { isSystemTag } from '../../../lib/tags';

const VIEWS: { value: ViewType; label: string }[] = [
  { value: 'ACTIVE_ONLY', label: 'Active' },
  { value: 'DELETED_ONLY', label: 'Deleted' },
  { value: 'ALL', label: 'All' },
];

const MAX_GROUP_OPTIONS = 300;

interface Props {
  view: RunsViewState;
  keys: RunKeys;
  onChange: (patch: Partial<RunsViewState>) => void;
}

/** Quick filters, grouping and density. */
export function ViewControls({ view, keys, onChange }: Props) {
  const density = useRunsUiStore((s) => s.density);
  const setDensity = useRunsUiStore((s) => s.setDensity);
  const groupValue = encodeGroupBy(view.groupBy) ?? '';
  const userTags = keys.tags.filter((t) => !isSystemTag(t));
  return (
    <div className="toolbar">
      <div className="segmented" role="group" aria-label="Status">
        <button
          type="button"
          aria-pressed={view.status === null}
          onClick={() => onChange({ status: null })}
        >
          Any status
        </button>
        {STATUS_FILTERS.map((s: StatusFilter) => (
          <button
            key={s}
            type="button"
            aria-pressed={view.status === s}
            onClick={() => onChange({ status: view.status === s ? null : s })}
          >
            {s.charAt(0) + s.slice(1).toLowerCase()}
          </button>
        ))}
      </div>
      <div className="segmented" role="group" aria-label="Lifecycle">
        {VIEWS.map((v) => (
          <button
            key={v.value}
            type="button"
            aria-pressed={view.viewType === v.value}
            onClick={() => onChange({ viewType: v.value })}
          >
            {v.label}
          </button>
        ))}
      </div>
      <label className="inline-check">
        <input
          type="checkbox"
          checked={view.topLevelOnly}
          onChange={(e) => onChange({ topLevelOnly: e.target.checked })}
        />
        Only parent runs
      </label>
      <label htmlFor="runs-group-by">Group by</label>
      <select
        id="runs-group-by"
        value={groupValue}
        onChange={(e) => {
          const v = e.target.value;
          const g: GroupBy | null = !v
            ? null
            : v === 'd'
              ? { kind: 'dataset' }
              : { kind: v.startsWith('p:') ? 'param' : 'tag', key: v.slice(2) };
          onChange({ groupBy: g });
        }}
      >
        <option value="">None</option>
        {groupValue && !optionExists(groupValue, keys) ? (
          <option value={groupValue}>{groupValue.slice(2)}</option>
        ) : null}
        {keys.params.length ? (
          <optgroup label="Params">
            {keys.params.slice(0, MAX_GROUP_OPTIONS).map((k) => (
              <option key={k} value={`p:${k}`}>
                {k}
              </option>
            ))}
          </optgroup>
        ) : null}
        {userTags.length ? (
          <optgroup label="Tags">
            {userTags.slice(0, MAX_GROUP_OPTIONS).map((k) => (
              <option key={k} value={`t:${k}`}>
                {k}
              </option>
            ))}
          </optgroup>
        ) : null}
        <option value="d">Dataset</option>
      </select>
      <span className="grow" />
      <div className="segmented" role="group" aria-label="Density">
        <button
          type="button"
          aria-pressed={density === 'compact'}
          onClick={() => setDensity('compact')}
        >
          Compact
        </button>
        <button
          type="button"
          aria-pressed={density === 'comfortable'}
          onClick={() => setDensity('comfortable')}
        >
          Comfortable
        </button>
      </div>
    </div>
  );
}

function optionExists(v: string, keys: RunKeys): boolean {
  if (v === 'd') return true;
  const k = v.slice(2);
  return v.startsWith('p:')
    ? keys.params.slice(0, MAX_GROUP_OPTIONS).includes(k)
    : keys.tags.slice(0, MAX_GROUP_OPTIONS).includes(k);
}
