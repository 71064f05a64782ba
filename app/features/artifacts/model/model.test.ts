import { describe, expect, it } from 'vitest';
import type { FileInfo } from '../../../api';
import { ancestorFolders, displayName, neighbourRow, visibleFileRows } from './files';
import { artifactKind, canPreview, looksBinary, sniffImage } from './kind';
import { decodeMangledNumber, groupStepImages, parseStepImage } from './step-images';
import { allRows, indexRecords, jsonTable, parseDelimited, sortedRowOrder } from './table';
import { visibleTreeRows } from './tree';

const file = (path: string, size: number | null = 10): FileInfo => ({
  path,
  isDir: false,
  fileSize: size,
});
const dir = (path: string): FileInfo => ({ path, isDir: true, fileSize: null });

describe('artifactKind and limits', () => {
  it('detects kinds by extension and name', () => {
    expect(artifactKind('plots/loss.PNG')).toBe('image');
    expect(artifactKind('plots/fig.svg')).toBe('svg');
    expect(artifactKind('model/MLmodel')).toBe('mlmodel');
    expect(artifactKind('tables/t.tsv')).toBe('tsv');
    expect(artifactKind('report.htm')).toBe('html');
    expect(artifactKind('model/model.pkl')).toBe('binary');
    expect(artifactKind('notes/README')).toBe('text');
  });
  it('refuses files over the limit of their kind and binaries', () => {
    expect(canPreview('json', 50 * 1024 * 1024)).toEqual({
      ok: false,
      reason: 'too-large',
      limit: 10 * 1024 * 1024,
    });
    expect(canPreview('json', 1000)).toEqual({ ok: true });
    expect(canPreview('json', null)).toEqual({ ok: true });
    expect(canPreview('binary', 5).ok).toBe(false);
  });
  it('sniffs binary content in text', () => {
    expect(looksBinary('PK\u0003\u0004\u0000\u0000abc')).toBe(true);
    expect(looksBinary('\ufffd\ufffd\ufffd\u0001\u0002ab')).toBe(true);
    expect(looksBinary('epoch 1\tloss 0.3\r\nepoch 2\tloss 0.2\n')).toBe(false);
  });
  it('recognises an image without an extension from its first bytes', () => {
    expect(sniffImage('\ufffdPNG\r\n\u001a\n\u0000\u0000')).toBe('png');
    expect(sniffImage('GIF89a\u0001')).toBe('gif');
    expect(sniffImage('RIFF\u0000\u0000\u0000\u0000WEBPVP8')).toBe('webp');
    expect(sniffImage('PK\u0003\u0004')).toBeNull();
  });
});

describe('step images', () => {
  it('decodes clean and 2.17-mangled step numbers', () => {
    expect(decodeMangledNumber('%5')).toBe(5);
    expect(decodeMangledNumber('%10')).toBe(10);
    expect(decodeMangledNumber('\u0010')).toBe(10);
    expect(decodeMangledNumber(' ')).toBe(20);
    expect(decodeMangledNumber('\u00100')).toBe(100);
    expect(decodeMangledNumber('%')).toBe(25);
    expect(decodeMangledNumber('\ufffd')).toBeNull();
  });
  it('parses names from the recorded 2.17 listing', () => {
    const p =
      'images/predictions%step\u0015%timestamp\u001795808447111\u001c497781-4a7e%compressed.webp';
    expect(parseStepImage(p)).toEqual({
      path: p,
      key: 'images/predictions',
      step: 15,
      compressed: true,
    });
    expect(parseStepImage('images/gradient_gray.png')).toBeNull();
  });
  it('groups by key, one image per step, preferring the PNG', () => {
    const groups = groupStepImages([
      'images/pred%step%10%timestamp%1%a%compressed.webp',
      'images/pred%step%10%timestamp%1%a.png',
      'images/pred%step%0%timestamp%1%b.png',
      'images/other%step%3%timestamp%1%c.png',
      'images/plain.png',
    ]);
    expect(groups.map((g) => g.key)).toEqual(['images/other', 'images/pred']);
    expect(groups[1]?.images.map((i) => [i.step, i.compressed])).toEqual([
      [0, false],
      [10, false],
    ]);
  });
});

describe('tables', () => {
  it('parses CSV with quotes and a ragged row', () => {
    const t = parseDelimited('a,b\n1,"x, y"\n2\n', ',');
    expect(t.columns).toEqual(['a', 'b']);
    expect(allRows(t)).toEqual([['1', 'x, y'], ['2']]);
  });
  it('parses TSV', () => {
    expect(allRows(parseDelimited('k\tv\nlr\t0.1\n', '\t'))).toEqual([['lr', '0.1']]);
  });
  it('keeps quoted newlines, escaped quotes and CRLF inside their records, skips empty lines', () => {
    const text = 'a,b\r\n1,"line one\nline two"\r\n\r\n2,"say ""hi"""\n"3\n",x\n';
    const t = parseDelimited(text, ',');
    expect(t.rowCount).toBe(3);
    expect(allRows(t)).toEqual([
      ['1', 'line one\nline two'],
      ['2', 'say "hi"'],
      ['3\n', 'x'],
    ]);
    expect(t.warnings).toEqual([]);
  });
  it('reads a quote inside a field as a character, as papaparse does', () => {
    const t = parseDelimited('h,w\nann,5\'10"\nbob,6\'1"\n', ',');
    expect(allRows(t)).toEqual([
      ['ann', '5\'10"'],
      ['bob', '6\'1"'],
    ]);
  });
  it('indexes records without splitting them, and flags an unterminated quote', () => {
    const text = 'h\nr1\n\nr2';
    const ix = indexRecords(text);
    expect(ix.starts.map((s, i) => text.slice(s, ix.ends[i]))).toEqual(['h', 'r1', 'r2']);
    expect(ix.unterminatedAt).toBeNull();
    const bad = parseDelimited('a,b\n1,"open\n2,3\n', ',');
    expect(bad.rowCount).toBe(1);
    expect(bad.warnings.join(' ')).toMatch(/Row 1: Quoted field unterminated/);
  });
  it('splits a row into cells only when it is asked for', () => {
    const text = `a,b\n${Array.from({ length: 5000 }, (_, i) => `${i},"v${i}"`).join('\n')}`;
    const t = parseDelimited(text, ',');
    expect(t.rowCount).toBe(5000);
    expect(t.row(4999)).toEqual(['4999', 'v4999']);
    expect(t.row(0)).toBe(t.row(0));
  });
  it('reads the log_table shape and records, rejects other JSON', () => {
    const t = jsonTable({
      columns: ['q', 'n'],
      data: [
        ['a?', 1],
        ['b?', { x: 1 }],
      ],
    });
    expect(t && allRows(t)).toEqual([
      ['a?', 1],
      ['b?', '{"x":1}'],
    ]);
    expect(jsonTable([{ a: 1 }, { b: 2 }])?.columns).toEqual(['a', 'b']);
    expect(jsonTable({ lr: 0.1 })).toBeNull();
  });
  it('sorts numerically, empties last, stable', () => {
    const t = parseDelimited('n\n10\n9\n""\n100\n9\n', ',');
    expect(sortedRowOrder(t, 0, 'asc')).toEqual([1, 4, 0, 3, 2]);
    expect(sortedRowOrder(t, 0, 'desc')).toEqual([3, 0, 1, 4, 2]);
    expect(sortedRowOrder(t, null, 'asc')).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('tree rows', () => {
  const doc = { a: { b: { c: { d: 1 } } }, list: [1, 'x'], n: null };
  it('opens near the root and summarises containers', () => {
    const rows = visibleTreeRows(doc, new Set());
    expect(rows.map((r) => `${r.depth}:${r.label}=${r.text}`)).toEqual([
      '0:a={1}',
      '1:b={1}',
      '2:c={1}',
      '0:list=[2]',
      '1:0=1',
      '1:1="x"',
      '0:n=null',
    ]);
  });
  it('a toggle collapses an open node and opens a closed one', () => {
    expect(visibleTreeRows(doc, new Set(['/a'])).map((r) => r.label)).toEqual([
      'a',
      'list',
      '0',
      '1',
      'n',
    ]);
    expect(visibleTreeRows(doc, new Set(['/a/b/c'])).some((r) => r.label === 'd')).toBe(true);
  });
});

describe('file rows', () => {
  const listings = new Map<string, FileInfo[]>([
    ['', [file('z.txt'), dir('data'), file('a.csv')]],
    ['data', [file('data/raw.csv')]],
  ]);
  it('lists folders first, nests open folders, marks unlisted open folders as loading', () => {
    const rows = visibleFileRows(listings, new Set(['data']));
    expect(rows.map((r) => `${r.depth}:${r.name}`)).toEqual([
      '0:data',
      '1:raw.csv',
      '0:a.csv',
      '0:z.txt',
    ]);
    const l2 = new Map(listings).set('', [dir('empty')]);
    expect(visibleFileRows(l2, new Set(['empty']))[0]?.loading).toBe(true);
  });

  it('lists a step image once per key and step, the PNG over its webp thumbnail', () => {
    const png = (step: number) => file(`images/s%step%${step}%timestamp%1%u${step}.png`);
    const webp = (step: number) =>
      file(`images/s%step%${step}%timestamp%1%u${step}%compressed.webp`);
    const l = new Map<string, FileInfo[]>([
      ['', [dir('images')]],
      ['images', [webp(0), png(0), webp(5), png(5), file('images/plain.png')]],
    ]);
    const rows = visibleFileRows(l, new Set(['images'])).filter((r) => r.depth === 1);
    expect(rows.map((r) => r.label ?? r.name)).toEqual(['plain.png', 's · step 0', 's · step 5']);
    expect(rows[1]?.path).toBe(png(0).path);
  });
  it('moves up and down, clamped', () => {
    const rows = visibleFileRows(listings, new Set(['data']));
    expect(neighbourRow(rows, 'data/raw.csv', 1)?.path).toBe('a.csv');
    expect(neighbourRow(rows, 'data', -1)?.path).toBe('data');
    expect(neighbourRow(rows, null, 1)?.path).toBe('data');
  });
  it('shows control characters in names as visible symbols', () => {
    expect(displayName('pred%step\u0010%timestamp\u0017x.png')).toBe(
      'pred%step\u2410%timestamp\u2417x.png',
    );
    expect(displayName('plain.png')).toBe('plain.png');
  });
  it('finds the folders to open for a deep link', () => {
    expect(ancestorFolders('a/b/c.txt')).toEqual(['a', 'a/b']);
    expect(ancestorFolders('c.txt')).toEqual([]);
  });
});
