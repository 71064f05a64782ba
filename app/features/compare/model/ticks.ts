/**
 * Axis ticks: round numbers (1, 2, 5 × 10^k) on a linear axis, decades (then 2 and 5
 * multiples when there are few) on a log axis. uPlot draws the grid at these values
 * and the labels are DOM text, so both always agree.
 */

function tickStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const pow = 10 ** Math.floor(Math.log10(raw));
  const err = raw / pow;
  return pow * (err >= Math.sqrt(50) ? 10 : err >= Math.sqrt(10) ? 5 : err >= Math.sqrt(2) ? 2 : 1);
}

export function linearTicks(min: number, max: number, count: number): number[] {
  if (!(max > min) || !Number.isFinite(min) || !Number.isFinite(max))
    return Number.isFinite(min) ? [min] : [];
  const step = tickStep(max - min, count);
  const out: number[] = [];
  const first = Math.ceil(min / step);
  const last = Math.floor(max / step);
  // i * step, not repeated addition, so 0.1 + 0.2 never shows up as a label.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let i = first; i <= last; i++) out.push(Number((i * step).toFixed(Math.min(20, digits))));
  return out;
}

export function logTicks(min: number, max: number, count: number): number[] {
  if (!(min > 0) || !(max > min)) return min > 0 ? [min] : [];
  const d0 = Math.ceil(Math.log10(min) - 1e-9);
  const d1 = Math.floor(Math.log10(max) + 1e-9);
  const decades = d1 - d0 + 1;
  if (decades > count) {
    const every = Math.ceil(decades / count);
    const out: number[] = [];
    for (let d = d0; d <= d1; d++)
      if (((d % every) + every) % every === 0) out.push(Number(`1e${d}`));
    return out;
  }
  const mults = decades >= 2 ? [1] : [1, 2, 5];
  const out: number[] = [];
  for (let d = d0 - 1; d <= d1; d++)
    for (const m of mults) {
      const v = Number((m * 10 ** d).toPrecision(12));
      if (v >= min && v <= max) out.push(v);
    }
  return out.length >= 2 ? out : linearTicks(min, max, count);
}

export function ticksFor(domain: [number, number], log: boolean, count: number): number[] {
  return log ? logTicks(domain[0], domain[1], count) : linearTicks(domain[0], domain[1], count);
}
