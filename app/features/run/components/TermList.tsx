import type { ReactNode } from 'react';

/** An entry of a `<dl>` that lists things (models, child runs); nothing when there are none. */
export function TermList<T>({
  term,
  label = term,
  items,
  itemKey,
  listClassName,
  itemClassName,
  children,
}: {
  /** The `<dt>`, and the list's accessible name unless `label` says otherwise. */
  term: string;
  label?: string;
  items: readonly T[];
  itemKey: (item: T) => string;
  listClassName: string;
  itemClassName?: string;
  children: (item: T) => ReactNode;
}) {
  if (!items.length) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>
        <ul className={listClassName} aria-label={label}>
          {items.map((item) => (
            <li key={itemKey(item)} className={itemClassName}>
              {children(item)}
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}
