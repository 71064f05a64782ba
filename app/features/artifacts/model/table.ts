/**
 * Tabular artifacts into one shape: CSV/TSV text, and the JSON that
 * `mlflow.log_table` writes (`{columns: [...], data: [[...], ...]}`).
 */
import Papa from 'papaparse';

export type Cell = string | number | boolean | null;

export interface TableData {
  columns: string[];
  rows: Cell[][];
  /** Parser complaints worth showing (ragged rows...), at most a few. */
  warnings: string[];
}

export function parseDelimited(text: string, delimiter: ',' | '\t'): TableData {
  const res = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
  const [header = [], ...body] = res.data;
  const width = Math.max(header.length, ...body.slice(0, 1000).map((r) => r.length));
  const columns = Array.from({ length: width }, (_, i) => header[i] || `column ${i + 1}`);
  const warnings = res.errors.slice(0, 3).map((e) => `Row ${e.row ?? '?'}: ${e.message}`);
  return { columns, rows: body, warnings };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/** A `log_table` document (pandas split orient), or a list of flat records; else null. */
export function jsonTable(doc: unknown): TableData | null {
  if (isObj(doc) && Array.isArray(doc.columns) && Array.isArray(doc.data) && doc.data.every(Array.isArray)) {
    const columns = doc.columns.map((c) => String(c));
    return { columns, rows: (doc.data as unknown[][]).map((r) => columns.map((_, i) => toCell(r[i]))), warnings: [] };
  }
  if (Array.isArray(doc) && doc.length > 0 && doc.every(isObj)) {
    const columns = [...new Set(doc.flatMap((r) => Object.keys(r)))];
    return { columns, rows: doc.map((r) => columns.map((c) => toCell(r[c]))), warnings: [] };
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
  return String(a).localeCompare(String(b));
}

export type SortDir = 'asc' | 'desc';

/** Returns row indexes in order, so the rows themselves are never copied. */
export function sortedRowOrder(rows: Cell[][], column: number | null, dir: SortDir): number[] {
  const order = rows.map((_, i) => i);
  if (column === null) return order;
  const sign = dir === 'asc' ? 1 : -1;
  order.sort((x, y) => {
    const a = rows[x][column] ?? null;
    const b = rows[y][column] ?? null;
    const ea = a === null || a === '';
    const eb = b === null || b === '';
    if (ea || eb) return ea === eb ? x - y : ea ? 1 : -1; // empties last in both directions
    return sign * compareCells(a, b) || x - y;
  });
  return order;
}
