import { LifecycleFilter, Segmented } from '../../../components/Segmented';
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

const STATUS_OPTIONS: readonly { value: StatusFilter | null; label: string }[] = [
  { value: null, label: 'Any status' },
  ...STATUS_FILTERS.map((s) => ({ value: s, label: s.charAt(0) + s.slice(1).toLowerCase() })),
];

const DENSITIES = [
  { value: 'compact', label: 'Compact' },
  { value: 'comfortable', label: 'Comfortable' },
] as const;

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
      <Segmented
        label="Status"
        options={STATUS_OPTIONS}
        value={view.status}
        onChange={(s) => onChange({ status: view.status === s ? null : s })}
      />
      <LifecycleFilter value={view.viewType} onChange={(v) => onChange({ viewType: v })} />
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
      <Segmented label="Density" options={DENSITIES} value={density} onChange={setDensity} />
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
