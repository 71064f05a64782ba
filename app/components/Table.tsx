import type { ReactNode } from 'react';

/** A column title, or `{ hidden }` for a column named only for screen readers (a checkbox or actions column). */
export type Column = string | { hidden: string };

/** A named table with one header row (`<th scope="col">` per column); `children` are the body rows. */
export function Table({
  label,
  columns,
  className,
  children,
}: {
  /** The table's accessible name. */
  label: string;
  columns: readonly Column[];
  /** Classes besides `table`. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <table className={className ? `table ${className}` : 'table'} aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) =>
            typeof c === 'string' ? (
              <th key={c} scope="col">
                {c}
              </th>
            ) : (
              <th key={c.hidden} scope="col">
                <span className="visually-hidden">{c.hidden}</span>
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
