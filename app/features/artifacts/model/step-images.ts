/**
 * Images logged with `mlflow.log_image(image, key=..., step=...)` are stored as
 * `images/<key>%step%<step>%timestamp%<ms>%<uuid>.png` (plus a
 * `%compressed.webp` thumbnail). A 2.17 server with proxied artifacts
 * URL-decodes those names once, so `%10` turns into the byte 0x10 and `%20`
 * into a space: the step is recovered from those characters where it can be.
 */
import { compareText } from '../../../lib/compare-text';

export interface StepImage {
  path: string;
  key: string;
  /** null when the mangling lost the digits (e.g. `%9x` became U+FFFD). */
  step: number | null;
  compressed: boolean;
}

const STEP_NAME = /^(.*)%step(.*?)%timestamp(.*)$/s;

/** The characters between `%step` and `%timestamp` back to a number. */
export function decodeMangledNumber(s: string): number | null {
  let digits: string;
  if (s.startsWith('%')) {
    const rest = s.slice(1);
    // `%25` decoded to a lone '%': `%step%%timestamp` is step 25.
    digits = rest === '' ? '25' : rest;
  } else if (s.length) {
    const code = s.charCodeAt(0);
    if (code === 0xfffd || code > 0x99) return null;
    const hex = code.toString(16).padStart(2, '0');
    digits = hex + s.slice(1);
  } else {
    return null;
  }
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

export function parseStepImage(path: string): StepImage | null {
  const slash = path.lastIndexOf('/');
  const dir = slash >= 0 ? path.slice(0, slash + 1) : '';
  const name = path.slice(dir.length);
  const m = STEP_NAME.exec(name);
  if (!m) return null;
  const key = m[1];
  if (!key) return null;
  return {
    path,
    key: dir + key,
    step: decodeMangledNumber(m[2] ?? ''),
    compressed: /%compressed\.webp$/i.test(name),
  };
}

export interface StepImageGroup {
  key: string;
  /** Sorted by step; one image per step, the full PNG preferred over the webp thumbnail. */
  images: StepImage[];
}

export function groupStepImages(paths: string[]): StepImageGroup[] {
  const byKey = new Map<string, Map<string, StepImage>>();
  for (const p of paths) {
    const img = parseStepImage(p);
    if (!img) continue;
    const steps = byKey.get(img.key) ?? new Map<string, StepImage>();
    byKey.set(img.key, steps);
    // Unknown steps cannot be merged: keep each under its own path.
    const slot = img.step === null ? `?${img.path}` : String(img.step);
    const prev = steps.get(slot);
    if (!prev || (prev.compressed && !img.compressed)) steps.set(slot, img);
  }
  return [...byKey.entries()]
    .map(([key, steps]) => ({
      key,
      images: [...steps.values()].sort(
        (a, b) => (a.step ?? Infinity) - (b.step ?? Infinity) || compareText(a.path, b.path),
      ),
    }))
    .sort((a, b) => compareText(a.key, b.key));
}
