import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Long content folded to a few lines, with a button to show all of it: a long
 * experiment description must not push the runs table below the fold.
 */
export function Folded({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && !open) setOverflows(el.scrollHeight > el.clientHeight + 1);
  }, [children, open]);
  return (
    <>
      <div ref={ref} className={open ? 'folded open' : 'folded'}>
        {children}
      </div>
      {overflows ? (
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? `Fold the ${label}` : `Show all of the ${label}`}
        </button>
      ) : null}
    </>
  );
}
