/**
 * Orders names (metric keys, params, tags, paths) alphabetically, ignoring
 * ASCII case, ties broken by code point. Not `localeCompare`: the first call of
 * that builds ICU's collator, 8-12 ms of a page's first render in Chromium
 * (measured in a cold context), and names here are identifiers, not prose.
 */
export function compareText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return x - y;
  }
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
