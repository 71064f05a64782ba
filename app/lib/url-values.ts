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
