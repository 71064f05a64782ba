/**
 * The artifact tree as flat visible rows (folders lazily listed), so keyboard
 * navigation is "next/previous row" and rendering is a plain list.
 */
import type { FileInfo } from '../../../api';
import { parseStepImage } from './step-images';
import { compareText } from '../../../lib/compare-text';

export interface FileRow {
  path: string;
  name: string;
  isDir: boolean;
  size: number | null;
  depth: number;
  expanded: boolean;
  /** Folder is open but its listing has not arrived yet. */
  loading: boolean;
  /** What the tree shows instead of the name: "samples · step 5" for a logged step image. */
  label?: string;
}

/**
 * A folder's files as the tree lists them: a step image logged with
 * `log_image(key, step)` is one entry per key and step named "key · step N",
 * not its PNG and its `%compressed.webp` thumbnail under mangled names.
 */
function listedFiles(files: FileInfo[]): { f: FileInfo; label?: string }[] {
  const out: { f: FileInfo; label?: string }[] = [];
  const seen = new Map<string, number>();
  for (const f of files) {
    const img = f.isDir ? null : parseStepImage(f.path);
    if (!img || img.step === null) {
      out.push({ f });
      continue;
    }
    const slot = `${img.key}\u0000${img.step}`;
    const label = `${img.key.slice(img.key.lastIndexOf('/') + 1)} · step ${img.step}`;
    const at = seen.get(slot);
    if (at === undefined) {
      seen.set(slot, out.length);
      out.push({ f, label });
    } else if (!img.compressed) out[at] = { f, label }; // the full image over its thumbnail
  }
  return out;
}

/** listings: folder path ('' = root) -> its files, for folders listed so far. */
export function visibleFileRows(
  listings: ReadonlyMap<string, FileInfo[]>,
  expanded: ReadonlySet<string>,
): FileRow[] {
  const out: FileRow[] = [];
  const walk = (folder: string, depth: number) => {
    const files = listings.get(folder);
    if (!files) return;
    const sorted = [...files].sort(
      (a, b) => Number(b.isDir) - Number(a.isDir) || compareText(a.path, b.path),
    );
    for (const { f, label } of listedFiles(sorted)) {
      const open = f.isDir && expanded.has(f.path);
      out.push({
        path: f.path,
        name: f.path.slice(f.path.lastIndexOf('/') + 1),
        isDir: f.isDir,
        size: f.fileSize,
        depth,
        expanded: open,
        loading: open && !listings.has(f.path),
        ...(label ? { label } : {}),
      });
      if (open) walk(f.path, depth + 1);
    }
  };
  walk('', 0);
  return out;
}

/** Folders to open so that `path` is visible: 'a/b/c.txt' -> ['a', 'a/b']. */
export function ancestorFolders(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** The next row up or down from `current` (files and folders), clamped at the ends. */
export function neighbourRow(
  rows: FileRow[],
  current: string | null,
  delta: 1 | -1,
): FileRow | null {
  const i = current === null ? -1 : rows.findIndex((r) => r.path === current);
  if (i < 0) return (delta === 1 ? rows[0] : rows.at(-1)) ?? null;
  return rows[Math.min(rows.length - 1, Math.max(0, i + delta))] ?? null;
}

/**
 * A name fit to show: control characters (2.17 step-image names carry bytes
 * such as 0x10) become their visible Unicode control pictures (U+2410).
 */
export function displayName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  return name.replace(/[\u0000-\u001f\u007f]/g, (c) =>
    String.fromCharCode(c === '\u007f' ? 0x2421 : 0x2400 + c.charCodeAt(0)),
  );
}
