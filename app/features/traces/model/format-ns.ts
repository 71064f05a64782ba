/** A nanosecond duration for people: 840ns, 12.5µs, 3.2ms, 1.4s, 2m 3s. */
export function formatNs(ns: number): string {
  if (!Number.isFinite(ns) || ns < 0) return '';
  if (ns < 1_000) return `${Math.round(ns)}ns`;
  if (ns < 1_000_000) return `${trim(ns / 1_000)}µs`;
  if (ns < 1_000_000_000) return `${trim(ns / 1_000_000)}ms`;
  const s = ns / 1e9;
  if (s < 60) return `${trim(s)}s`;
  const m = Math.floor(s / 60);
  return `${m}m ${Math.round(s - m * 60)}s`;
}

function trim(v: number): string {
  return v < 10
    ? v.toFixed(2).replace(/\.?0+$/, '')
    : v < 100
      ? v.toFixed(1).replace(/\.0$/, '')
      : String(Math.round(v));
}
