/**
 * What a file is, from its name and size only (no bytes read yet), and whether
 * it may be previewed at all. Limits keep one huge file from freezing the tab.
 */

export type ArtifactKind =
  | 'image'
  | 'svg'
  | 'text'
  | 'json'
  | 'yaml'
  | 'csv'
  | 'tsv'
  | 'markdown'
  | 'html'
  | 'pdf'
  | 'mlmodel'
  | 'binary';

const BY_EXT: Record<string, ArtifactKind> = {
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
  bmp: 'image',
  svg: 'svg',
  txt: 'text',
  log: 'text',
  out: 'text',
  err: 'text',
  py: 'text',
  sh: 'text',
  ini: 'text',
  cfg: 'text',
  toml: 'text',
  xml: 'text',
  js: 'text',
  ts: 'text',
  sql: 'text',
  r: 'text',
  java: 'text',
  scala: 'text',
  gitignore: 'text',
  requirements: 'text',
  json: 'json',
  jsonl: 'text',
  ndjson: 'text',
  yaml: 'yaml',
  yml: 'yaml',
  csv: 'csv',
  tsv: 'tsv',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  pdf: 'pdf',
  pkl: 'binary',
  pickle: 'binary',
  bin: 'binary',
  pt: 'binary',
  pth: 'binary',
  onnx: 'binary',
  h5: 'binary',
  zip: 'binary',
  gz: 'binary',
  tar: 'binary',
  npy: 'binary',
  npz: 'binary',
  parquet: 'binary',
  joblib: 'binary',
  ubj: 'binary',
  safetensors: 'binary',
  whl: 'binary',
  so: 'binary',
};

export function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i >= 0 ? path.slice(i + 1) : path;
}

export function extension(path: string): string {
  const name = baseName(path);
  const i = name.lastIndexOf('.');
  return i > 0 ? name.slice(i + 1).toLowerCase() : '';
}

export function artifactKind(path: string): ArtifactKind {
  const name = baseName(path);
  if (name === 'MLmodel') return 'mlmodel';
  const ext = extension(path);
  if (!ext) {
    // conda/python env files, LICENSE, Dockerfile...: try as text (a binary sniff follows).
    return 'text';
  }
  return BY_EXT[ext] ?? 'text';
}

/** Bytes above which a kind is not previewed (the pane offers the download). */
export const PREVIEW_LIMITS: Record<ArtifactKind, number> = {
  image: 25 * 1024 * 1024,
  svg: 5 * 1024 * 1024,
  text: 10 * 1024 * 1024,
  json: 10 * 1024 * 1024,
  yaml: 5 * 1024 * 1024,
  csv: 30 * 1024 * 1024,
  tsv: 30 * 1024 * 1024,
  markdown: 2 * 1024 * 1024,
  html: 5 * 1024 * 1024,
  pdf: 50 * 1024 * 1024,
  mlmodel: 1024 * 1024,
  binary: 0,
};

export type PreviewDecision =
  { ok: true } | { ok: false; reason: 'too-large' | 'binary'; limit: number };

/** A file whose size is unknown is allowed here; the fetcher re-checks the real byte count. */
export function canPreview(kind: ArtifactKind, size: number | null): PreviewDecision {
  const limit = PREVIEW_LIMITS[kind];
  if (kind === 'binary') return { ok: false, reason: 'binary', limit };
  if (size !== null && size > limit) return { ok: false, reason: 'too-large', limit };
  return { ok: true };
}

/**
 * True when decoded text looks like bytes, not text: a NUL, or many
 * replacement/control characters in the first few KB (a `.txt` that is a zip).
 */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (!sample) return false;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) odd++;
  }
  return odd / sample.length > 0.1;
}

/** An image format recognised from text decoded as UTF-8 (high bytes became U+FFFD): extensionless figures. */
export function sniffImage(text: string): 'png' | 'jpeg' | 'gif' | 'webp' | null {
  if (text.startsWith('\ufffdPNG\r\n')) return 'png';
  if (text.startsWith('GIF87a') || text.startsWith('GIF89a')) return 'gif';
  if (text.startsWith('RIFF') && text.slice(8, 12) === 'WEBP') return 'webp';
  if (/^\ufffd+JFIF|^\ufffd+Exif/.test(text.slice(0, 12))) return 'jpeg';
  return null;
}
