/**
 * `Math.min(start, ...values)` without the spread: spreading an array passes each
 * value as an argument, and ~100k of them (a long metric history) overflow the
 * stack. Same results: `start` (Infinity) when empty, NaN when any value is NaN.
 */
export function minOf(values: readonly number[], start = Infinity): number {
  let m = start;
  for (const v of values) m = Math.min(m, v);
  return m;
}

/** `Math.max(start, ...values)` without the spread; see `minOf`. */
export function maxOf(values: readonly number[], start = -Infinity): number {
  let m = start;
  for (const v of values) m = Math.max(m, v);
  return m;
}
