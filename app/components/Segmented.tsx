import type { ViewType } from '../api';

/** A group of toggle buttons of which one is pressed (a filter, a view, a density). */
export function Segmented<T>({
  label,
  options,
  value,
  onChange,
}: {
  /** The group's accessible name. */
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.label}
          type="button"
          aria-pressed={o.value === value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

const LIFECYCLE: readonly { value: ViewType; label: string }[] = [
  { value: 'ACTIVE_ONLY', label: 'Active' },
  { value: 'DELETED_ONLY', label: 'Deleted' },
  { value: 'ALL', label: 'All' },
];

/** Active, deleted or all (experiments, runs). */
export function LifecycleFilter({
  value,
  onChange,
}: {
  value: ViewType;
  onChange: (value: ViewType) => void;
}) {
  return <Segmented label="Lifecycle" options={LIFECYCLE} value={value} onChange={onChange} />;
}
