/**
 * Tabular artifacts into one shape: CSV/TSV text, and the JSON that
 * `mlflow.log_table` writes (`{columns: [...], data: [[...], ...]}`).
 */
import Papa from 'papaparse';
import { compareText } from '../../../lib/compare-text';

export type Cell = string | number | boolean | null;

export interface TableData {
  columns: string[];
  rowCount: number;
  /** Row `i` in file order. A big CSV is split into cells only for the rows asked for. */
  row(i: number): Cell[];
  /** Parser complaints worth showing (bad quotes...), at most a few. */
  warnings: string[];
}

/** Every row at once (tests, exports); the table itself asks row by row. */
export function allRows(t: TableData): Cell[][] {
  return Array.from({ length: t.rowCount }, (_, i) => t.row(i));
}

function fromArray(columns: string[], rows: Cell[][], warnings: string[] = []): TableData {
  return { columns, rowCount: rows.length, row: (i) => rows[i] ?? [], warnings };
}

/**
 * Where each record of a CSV/TSV text starts and ends, skipping empty lines.
 * A newline inside a quoted field does not end a record ("" is an escaped
 * quote). Jumps with indexOf, so 5 MB takes milliseconds: a 100,000-row file
 * opens without splitting every row into cells first.
 */
export function indexRecords(
  text: string,
  delimiter: ',' | '\t' = ',',
): { starts: number[]; ends: number[]; unterminatedAt: number | null } {
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  const nextNewline = (from: number) => {
    const i = text.indexOf('\n', from);
    return i < 0 ? n : i;
  };
  let unterminatedAt: number | null = null;
  let quote = text.indexOf('"');
  let pos = 0;
  while (pos < n) {
    let nl = nextNewline(pos);
    // Quotes in this record: only one that starts a field opens a quoted
    // field (as papaparse reads it); a quote inside a field is a character.
    while (quote >= 0 && quote < nl) {
      if (quote !== pos && text.charCodeAt(quote - 1) !== delim) {
        quote = text.indexOf('"', quote + 1);
        continue;
      }
      let close = text.indexOf('"', quote + 1);
      while (close >= 0 && text.charCodeAt(close + 1) === 34) close = text.indexOf('"', close + 2);
      if (close < 0) {
        unterminatedAt = starts.length;
        nl = n;
        quote = -1;
        break;
      }
      if (close >= nl) nl = nextNewline(close + 1);
      quote = text.indexOf('"', close + 1);
    }
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    if (end > pos) {
      starts.push(pos);
      ends.push(end);
    }
    pos = nl + 1;
  }
  return { starts, ends, unterminatedAt };
}

function splitRecord(
  record: string,
  delimiter: ',' | '\t',
  errors?: string[],
  rowNo?: number,
): string[] {
  if (!record.includes('"')) return record.split(delimiter);
  const res = Papa.parse<string[]>(record, { delimiter });
  if (errors) for (const e of res.errors) errors.push(`Row ${rowNo}: ${e.message}`);
  // A quoted newline is part of the record: papaparse returns it as one row.
  return res.data[0] ?? [];
}

/**
 * CSV or TSV text as a table. Records are found up front; each is split into
 * cells (papaparse when it has quotes, a plain split otherwise) when first
 * asked for, and kept.
 */
export function parseDelimited(text: string, delimiter: ',' | '\t'): TableData {
  const { starts, ends, unterminatedAt } = indexRecords(text, delimiter);
  const cache: (string[] | undefined)[] = new Array(starts.length);
  const warnings: string[] = [];
  const record = (r: number) => {
    let cells = cache[r];
    if (cells === undefined) {
      cells = splitRecord(
        text.slice(starts[r], ends[r]),
        delimiter,
        r <= 1000 ? warnings : undefined,
        r,
      );
      cache[r] = cells;
    }
    return cells;
  };
  const rowCount = Math.max(0, starts.length - 1);
  const header = starts.length ? record(0) : [];
  let width = header.length;
  for (let r = 1; r <= Math.min(rowCount, 1000); r++) width = Math.max(width, record(r).length);
  if (unterminatedAt !== null) warnings.push(`Row ${unterminatedAt}: Quoted field unterminated`);
  const columns = Array.from({ length: width }, (_, i) => header[i] || `column ${i + 1}`);
  return { columns, rowCount, row: (i) => record(i + 1), warnings: warnings.slice(0, 3) };
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/** A `log_table` document (pandas split orient), or a list of flat records; else null. */
export function jsonTable(doc: unknown): TableData | null {
  if (
    isObj(doc) &&
    Array.isArray(doc.columns) &&
    Array.isArray(doc.data) &&
    doc.data.every(Array.isArray)
  ) {
    const columns = doc.columns.map((c) => String(c));
    return fromArray(
      columns,
      (doc.data as unknown[][]).map((r) => columns.map((_, i) => toCell(r[i]))),
    );
  }
  if (Array.isArray(doc) && doc.length > 0 && doc.every(isObj)) {
    const columns = [...new Set(doc.flatMap((r) => Object.keys(r)))];
    return fromArray(
      columns,
      doc.map((r) => columns.map((c) => toCell(r[c]))),
    );
  }
  return null;
}

/** Numbers (also numeric strings from CSV) sort as numbers; empty cells last. */
export function compareCells(a: Cell, b: Cell): number {
  const ea = a === null || a === '';
  const eb = b === null || b === '';
  if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1;
  const na = typeof a === 'number' ? a : Number(a);
  const nb = typeof b === 'number' ? b : Number(b);
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  return compareText(String(a), String(b));
}

export type SortDir = 'asc' | 'desc';

/** Returns row indexes in order, so the rows themselves are never copied. */
export function sortedRowOrder(
  t: Pick<TableData, 'rowCount' | 'row'>,
  column: number | null,
  dir: SortDir,
): number[] {
  const order = Array.from({ length: t.rowCount }, (_, i) => i);
  if (column === null) return order;
  const sign = dir === 'asc' ? 1 : -1;
  const values = order.map((i) => t.row(i)[column] ?? null);
  order.sort((x, y) => {
    const a = values[x] ?? null; // x, y < rowCount = values.length
    const b = values[y] ?? null;
    const ea = a === null || a === '';
    const eb = b === null || b === '';
    if (ea || eb) return ea === eb ? x - y : ea ? 1 : -1; // empties last in both directions
    return sign * compareCells(a, b) || x - y;
  });
  return order;
}
