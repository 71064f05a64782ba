/**
 * Checked reads of URL values: a link is typed by people and tools, so a value
 * outside the known set falls back to the default instead of reaching the
 * server (or a switch) as a promise nobody kept.
 */
export function oneOf<T extends string>(
  value: string | null,
  allowed: readonly T[],
  fallback: T,
): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** A finite number, or null for a missing, empty or non-numeric value. */
export function finiteOrNull(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** `dir=asc|desc`, with the default that depends on the sort. */
export function isDescending(value: string | null, defaultDesc: boolean): boolean {
  return oneOf(value, ['asc', 'desc'] as const, defaultDesc ? 'desc' : 'asc') === 'desc';
}

/** A list's sorts: the options offered (with labels), and the defaults that are not written to the URL. */
export interface SortSpec<S extends string> {
  options: readonly { value: S; label: string }[];
  defaultSort: S;
  /** The direction a sort starts in. */
  defaultDesc: (sort: S) => boolean;
}

/** `sort` and `dir`, checked against a list's sorts. */
export function parseSort<S extends string>(
  p: URLSearchParams,
  spec: SortSpec<S>,
): { sort: S; desc: boolean } {
  const allowed = spec.options.map((o) => o.value);
  const sort = oneOf(p.get('sort'), allowed, spec.defaultSort);
  return { sort, desc: isDescending(p.get('dir'), spec.defaultDesc(sort)) };
}
