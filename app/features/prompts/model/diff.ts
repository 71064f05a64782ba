/**
 * Line diff of two texts (prompt versions): Myers' O(ND) algorithm on the
 * lines left after trimming the common prefix and suffix, so two 5,000-line
 * versions that differ in a few places diff in about a millisecond. Past
 * MAX_EDITS differences the middle is shown as removed then added (a diff that
 * large reads no better line by line, and the trace would cost O(D²) memory).
 */
import { at } from '../../../lib/at';

export type DiffRow =
  | { kind: 'same'; text: string; oldNo: number; newNo: number }
  | { kind: 'del'; text: string; oldNo: number }
  | { kind: 'add'; text: string; newNo: number };

export const MAX_EDITS = 2000;

export function splitLines(text: string): string[] {
  return text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n');
}

export function diffLines(oldText: string, newText: string): DiffRow[] {
  return diffLineArrays(splitLines(oldText), splitLines(newText));
}

export function diffLineArrays(a: readonly string[], b: readonly string[]): DiffRow[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (
    suf < a.length - pre &&
    suf < b.length - pre &&
    a[a.length - 1 - suf] === b[b.length - 1 - suf]
  )
    suf++;
  const rows: DiffRow[] = [];
  for (let i = 0; i < pre; i++)
    rows.push({ kind: 'same', text: at(a, i, 'old line'), oldNo: i + 1, newNo: i + 1 });
  middle(a, b, pre, a.length - suf, pre, b.length - suf, rows);
  for (let k = suf; k > 0; k--) {
    const i = a.length - k;
    const j = b.length - k;
    rows.push({ kind: 'same', text: at(a, i, 'old line'), oldNo: i + 1, newNo: j + 1 });
  }
  return rows;
}

/** Myers on a[a0..a1) and b[b0..b1), appending rows in order. */
function middle(
  a: readonly string[],
  b: readonly string[],
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  rows: DiffRow[],
) {
  const n = a1 - a0;
  const m = b1 - b0;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    // the frontier as step d reads it (k in [-d-1, d+1]): O(D²) copied in all, not O(D·N)
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      // |k| <= d <= max, so offset + k ± 1 lies in [0, 2 * max + 2]: inside v.
      const left = v[offset + k - 1] as number;
      const right = v[offset + k + 1] as number;
      let x = k === -d || (k !== d && left < right) ? right : left + 1;
      let y = x - k;
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) {
    for (let i = a0; i < a1; i++)
      rows.push({ kind: 'del', text: at(a, i, 'old line'), oldNo: i + 1 });
    for (let j = b0; j < b1; j++)
      rows.push({ kind: 'add', text: at(b, j, 'new line'), newNo: j + 1 });
    return;
  }
  // Walk back through the saved frontiers, collecting the path in reverse.
  const rev: DiffRow[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const vd = at(trace, d, 'diff frontier'); // one frontier saved per d <= found
    // The window saved for step d holds k in [-d-1, d+1] at kk + d + 1: every read below is in it.
    const fr = (kk: number) => vd[kk + d + 1] as number;
    const k = x - y;
    const down = k === -d || (k !== d && fr(k - 1) < fr(k + 1));
    const pk = down ? k + 1 : k - 1;
    const px = fr(pk);
    const py = px - pk;
    while (x > px + (down ? 0 : 1) && y > py + (down ? 1 : 0)) {
      x--;
      y--;
      rev.push({
        kind: 'same',
        text: at(a, a0 + x, 'old line'),
        oldNo: a0 + x + 1,
        newNo: b0 + y + 1,
      });
    }
    if (down) {
      y--;
      rev.push({ kind: 'add', text: at(b, b0 + y, 'new line'), newNo: b0 + y + 1 });
    } else {
      x--;
      rev.push({ kind: 'del', text: at(a, a0 + x, 'old line'), oldNo: a0 + x + 1 });
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    rev.push({
      kind: 'same',
      text: at(a, a0 + x, 'old line'),
      oldNo: a0 + x + 1,
      newNo: b0 + y + 1,
    });
  }
  for (const r of rev.reverse()) rows.push(r);
}

/** Counts for a diff's header. */
export function diffStats(rows: readonly DiffRow[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const r of rows) {
    if (r.kind === 'add') added++;
    else if (r.kind === 'del') removed++;
  }
  return { added, removed };
}

/** Unchanged lines folded away: `rows` are the hidden rows, shown when the fold is opened. */
export interface DiffFold {
  kind: 'fold';
  /** Index in the full row list of the first hidden row (stable for one diff). */
  at: number;
  rows: DiffRow[];
}

export type DiffItem = DiffRow | DiffFold;

/**
 * Keep `context` unchanged lines around each change and fold longer unchanged
 * runs, as code review tools do: a 5,000-line prompt with a hundred edits
 * reads as its edits, and renders a tenth of the rows. A run is folded only
 * when that hides at least `minFold` lines.
 */
export function foldUnchanged(rows: readonly DiffRow[], context = 3, minFold = 4): DiffItem[] {
  const out: DiffItem[] = [];
  let i = 0;
  while (i < rows.length) {
    const row = rows[i] as DiffRow; // i < rows.length
    if (row.kind !== 'same') {
      out.push(row);
      i++;
      continue;
    }
    let j = i;
    while (j < rows.length && rows[j]?.kind === 'same') j++;
    // keep `context` lines after the change before it, and before the change after it
    const keepHead = i === 0 ? 0 : context;
    const keepTail = j === rows.length ? 0 : context;
    const hidden = j - i - keepHead - keepTail;
    if (hidden >= minFold) {
      for (const r of rows.slice(i, i + keepHead)) out.push(r);
      out.push({ kind: 'fold', at: i + keepHead, rows: rows.slice(i + keepHead, j - keepTail) });
      for (const r of rows.slice(j - keepTail, j)) out.push(r);
    } else for (const r of rows.slice(i, j)) out.push(r);
    i = j;
  }
  return out;
}
