import { useState } from 'react';
import { isLongValue, LONG_VALUE } from '../model/rows';
import { formatInt } from '../../../lib/format';

/** A value as text; long ones folded with a toggle. */
export function ValueCell({ value }: { value: string }) {
  const [open, setOpen] = useState(false);
  if (!isLongValue(value)) return <span className="mono pre-wrap">{value}</span>;
  const head = (value.split('\n')[0] ?? '').slice(0, LONG_VALUE); // split gives at least one part
  return (
    <span>
      <span className="mono pre-wrap">{open ? value : head + '…'}</span>{' '}
      <button
        type="button"
        className="button small"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Show less' : `Show all (${formatInt(value.length)} chars)`}
      </button>
    </span>
  );
}

export function SearchBox({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="search"
        placeholder={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </>
  );
}
