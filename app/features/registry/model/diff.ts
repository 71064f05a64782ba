/**
 * Side-by-side comparison of model versions: params and metrics from their
 * source runs, and their signatures. A row differs when its values are not
 * all equal (a value missing on one side counts as different).
 */
import type { ModelSignature, SchemaField } from '../../../lib/mlmodel';
import { fieldName, fieldType } from '../../../lib/mlmodel';
import { compareText } from '../../../lib/compare-text';

export interface DiffRow<T> {
  key: string;
  /** One per compared column; undefined when that column lacks the key. */
  values: (T | undefined)[];
  differs: boolean;
}

export function diffRecords<T>(
  records: Record<string, T>[],
  equal: (a: T, b: T) => boolean = Object.is,
): DiffRow<T>[] {
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))].sort((a, b) =>
    compareText(a, b),
  );
  return keys.map((key) => {
    const values = records.map((r) =>
      Object.prototype.hasOwnProperty.call(r, key) ? r[key] : undefined,
    );
    const first = values[0];
    const differs = values.some((v) => v === undefined || first === undefined || !equal(v, first));
    return { key, values, differs };
  });
}

/** Differing rows first when asked, else all rows in key order. */
export function onlyDiffering<T>(rows: DiffRow<T>[], only: boolean): DiffRow<T>[] {
  return only ? rows.filter((r) => r.differs) : rows;
}

/** A signature as `section.name -> type (required?)` records, ready for diffRecords. */
export function signatureRecord(sig: ModelSignature | null): Record<string, string> {
  if (!sig) return {};
  const out: Record<string, string> = {};
  const add = (section: string, fields: SchemaField[]) =>
    fields.forEach((f, i) => {
      out[`${section}.${fieldName(f, i)}`] = `${fieldType(f)}${f.required ? '' : ' (optional)'}`;
    });
  add('inputs', sig.inputs);
  add('outputs', sig.outputs);
  for (const p of sig.params) out[`params.${p.name}`] = `${p.type} = ${p.defaultValue}`;
  return out;
}

/** Numbers compare with NaN equal to NaN (Object.is) so a NaN metric on both sides is "same". */
export const sameNumber = (a: number, b: number) => Object.is(a, b);
