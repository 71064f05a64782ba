/** Bodies of the vision-demo artifacts: recorded texts verbatim, plus previews of every kind (some hostile). */
import { pyDumps } from './pyjson';
import { Rng } from './random';

export const CLASSES_JSON = JSON.stringify({ classes: ['cat', 'dog', 'car', 'plane'] }, null, 2);
export const CONFIG_YAML =
  'model:\n  arch: cnn-small\n  channels:\n  - 16\n  - 32\n  - 64\ntrain:\n  epochs: 5\n';
export const METRICS_SUMMARY_CSV = 'epoch,acc\n0,0.5\n1,0.6\n2,0.7\n3,0.75\n4,0.8\n';
export const README_MD = '# Notes\nThis run demonstrates artifact previews.\n';
export const TRAIN_LOG = Array.from(
  { length: 10 },
  (_, i) => `epoch ${i} loss=${(1 / (i + 1)).toFixed(4)}\n`,
).join('');
export const EVAL_TABLE_JSON = JSON.stringify({
  columns: ['question', 'answer'],
  data: [
    ['a?', 'x'],
    ['b?', 'y'],
  ],
});

// prettier-ignore
const PREDICTIONS: ReadonlyArray<readonly [number, number, number]> = [
  [9, 5, 0.7885], [3, 5, 0.8621], [6, 0, 0.007], [6, 9, 0.0367], [7, 5, 0.4639],
  [0, 6, 0.7176], [3, 7, 0.4191], [5, 9, 0.3817], [0, 9, 0.0203], [6, 9, 0.6067],
  [9, 1, 0.9551], [2, 7, 0.6158], [7, 6, 0.2451], [6, 8, 0.6358], [2, 7, 0.3701],
  [3, 7, 0.366], [5, 8, 0.0561], [7, 5, 0.714], [1, 8, 0.0007], [0, 7, 0.8403],
];

/** `mlflow.log_table` output: compact JSON {columns, data}. */
export const PREDICTIONS_TABLE_JSON = JSON.stringify({
  columns: ['image_id', 'label', 'pred', 'confidence'],
  data: PREDICTIONS.map(([label, pred, conf], i) => [
    `img_${String(i).padStart(3, '0')}`,
    label,
    pred,
    conf,
  ]),
});

/** A confusion-matrix figure, padded with an XML comment to exactly `size` bytes (ASCII). */
export function confusionMatrixSvg(size: number): string {
  const m = [
    [41, 3, 1, 0],
    [4, 37, 2, 2],
    [0, 1, 44, 5],
    [1, 0, 6, 38],
  ];
  const labels = ['cat', 'dog', 'car', 'plane'];
  const cells: string[] = [];
  m.forEach((row, i) =>
    row.forEach((v, j) => {
      const shade = Math.round(247 - (v / 44) * 200);
      const x = 40 + j * 40;
      const y = 30 + i * 40;
      cells.push(
        `  <rect x="${x}" y="${y}" width="40" height="40" style="fill: rgb(${shade},${shade + 4},255)"/>\n` +
          `  <text x="${x + 20}" y="${y + 25}" text-anchor="middle" style="font: 12px sans-serif; fill: ${v > 25 ? '#ffffff' : '#000000'}">${v}</text>\n`,
      );
    }),
  );
  const ticks = labels
    .map(
      (l, k) =>
        `  <text x="${60 + k * 40}" y="210" text-anchor="middle" style="font: 10px sans-serif">${l}</text>\n` +
        `  <text x="34" y="${55 + k * 40}" text-anchor="end" style="font: 10px sans-serif">${l}</text>\n`,
    )
    .join('');
  const head =
    '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n' +
    '<svg xmlns="http://www.w3.org/2000/svg" width="216pt" height="216pt" viewBox="0 0 216 216" version="1.1">\n' +
    '  <rect width="216" height="216" style="fill: #ffffff"/>\n' +
    '  <text x="120" y="18" text-anchor="middle" style="font: 12px sans-serif">Confusion matrix</text>\n';
  const body = head + cells.join('') + ticks;
  const tail = '</svg>\n';
  const padding = size - body.length - tail.length - '<!--  -->\n'.length;
  if (padding < 0) throw new Error('confusion matrix SVG too large');
  const unit = 'matplotlib-like padding ';
  return `${body}<!-- ${unit.repeat(Math.ceil(padding / unit.length)).slice(0, padding)} -->\n${tail}`;
}

/** An SVG figure that tries to run script (must never execute in the app). */
export const HOSTILE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="120" viewBox="0 0 240 120" onload="alert(\'svg-onload\')">\n' +
  '  <script>alert(document.domain)</script>\n' +
  '  <rect width="240" height="120" fill="#fde68a"/>\n' +
  '  <text x="12" y="40" font-family="sans-serif" font-size="14">Architecture (hostile SVG)</text>\n' +
  '  <a href="javascript:alert(\'svg-link\')"><text x="12" y="70" font-family="sans-serif" font-size="12">click me</text></a>\n' +
  '  <foreignObject x="12" y="80" width="200" height="30"><img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="alert(\'svg-img\')"/></foreignObject>\n' +
  '</svg>\n';

export const HOSTILE_MD =
  '# Run notes\n\nNormal **bold**, `code`, and a table:\n\n| metric | value |\n|---|---|\n| val/accuracy | 0.94 |\n\n' +
  "<script>alert('md-script')</script>\n\n" +
  "<img src=x onerror=alert('md-img')>\n\n" +
  "[a link that must not run](javascript:alert('md-link'))\n\n" +
  '<iframe src="https://example.invalid/"></iframe>\n\n' +
  '<a href="https://example.invalid/" target="_blank">external link</a>\n';

/** An HTML report that tries to reach the embedding page. */
export const HOSTILE_HTML =
  '<!doctype html>\n<html>\n<head><meta charset="utf-8"><title>Eval report</title></head>\n<body>\n' +
  '<h1>Evaluation report</h1>\n<p>Accuracy: <b>0.94</b></p>\n' +
  '<script>\n' +
  '  try {\n' +
  "    window.parent.document.body.innerHTML = '<h1>pwned by an artifact</h1>';\n" +
  '  } catch (e) {\n' +
  "    document.body.insertAdjacentHTML('beforeend', '<p id=\"sandbox-ok\">parent access blocked: ' + e.name + '</p>');\n" +
  '  }\n' +
  "  try { localStorage.setItem('runlens-xss', '1'); } catch (e) {}\n" +
  "  fetch('/api/2.0/mlflow/experiments/delete', { method: 'POST', body: JSON.stringify({ experiment_id: '1' }) }).catch(() => {});\n" +
  "  try { top.location.href = 'https://example.invalid/phish'; } catch (e) {}\n" +
  '</script>\n' +
  "<img src=x onerror=\"window.parent.postMessage('xss', '*')\">\n" +
  '</body>\n</html>\n';

/** A one-page PDF with correct xref offsets. */
export function tinyPdf(): string {
  const content =
    'BT /F1 18 Tf 24 90 Td (Runlens demo report) Tj 0 -24 Td /F1 11 Tf (val/accuracy 0.94) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) pdf += `${String(off).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}

/** A long training log (5,000 lines, some WARN/ERROR, a few ANSI colour codes). */
export function stdoutLog(): string {
  const rng = new Rng('logs/stdout');
  const lines: string[] = [];
  for (let i = 0; i < 5000; i++) {
    const sec = 46 + Math.floor(i / 60);
    const ts = `2026-11-27 19:${String(40 + Math.floor(sec / 60)).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')},${String((i * 37) % 1000).padStart(3, '0')}`;
    const loss = (2.3 * Math.exp(-i / 1500) + 0.2 + rng.normal() * 0.02).toFixed(4);
    if (i % 997 === 500)
      lines.push(
        `[${ts}] \u001b[31mERROR\u001b[0m dataloader worker 3 exited unexpectedly; restarting`,
      );
    else if (i % 250 === 0)
      lines.push(
        `[${ts}] WARNING step=${i} grad_norm=${(8 + rng.next() * 4).toFixed(2)} clipped to 1.0`,
      );
    else
      lines.push(
        `[${ts}] INFO step=${String(i).padStart(4)} loss=${loss} lr=0.00100 throughput=${(800 + rng.normal() * 20).toFixed(1)} img/s`,
      );
  }
  return `${lines.join('\n')}\n`;
}

export function featuresTsv(): string {
  const rng = new Rng('data/features.tsv');
  const rows = ['image_id\tbrightness\tcontrast\tedges\tlabel'];
  for (let i = 0; i < 200; i++) {
    rows.push(
      `img_${String(i).padStart(4, '0')}\t${rng.next().toFixed(3)}\t${rng.next().toFixed(3)}\t${rng.int(0, 900)}\t${rng.pick(['cat', 'dog', 'car', 'plane'])}`,
    );
  }
  return `${rows.join('\n')}\n`;
}

/** Bytes with NULs and high bytes under a .txt name (served as text/plain by MLflow). */
export function binaryNamedTxt(): Uint8Array {
  const bytes = new Rng('data/labels.txt').bytes(1536);
  bytes.set([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe], 0);
  return bytes;
}

/** Large predictions JSON: fixed-width records, so the size is known without building it. */
const RECORD_TEMPLATE =
  '  {"id": "img-0000000", "label": 0, "pred": 0, "score": 0.0000, "embedding": [0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000]}';
const RECORD = RECORD_TEMPLATE.length;

export function largeJsonRecords(targetBytes: number): number {
  return Math.max(1, Math.floor((targetBytes - 5) / (RECORD + 2)));
}

export function largeJsonSize(records: number): number {
  return 2 + records * RECORD + (records - 1) * 2 + 3;
}

export function largeJson(records: number): string {
  const parts: string[] = new Array(records);
  for (let i = 0; i < records; i++) {
    const h = (i * 2654435761) >>> 0;
    const f = (k: number) => (((h >>> k) & 0x3ff) / 1024).toFixed(3);
    parts[i] =
      `  {"id": "img-${String(i).padStart(7, '0')}", "label": ${h % 10}, "pred": ${(h >>> 4) % 10}, "score": ${(((h >>> 8) % 10000) / 10000).toFixed(4)}, ` +
      `"embedding": [${f(0)}, ${f(3)}, ${f(6)}, ${f(9)}, ${f(12)}, ${f(15)}, ${f(18)}, ${f(21)}]}`;
  }
  return `[\n${parts.join(',\n')}\n]\n`;
}

/** A dataset profile as MLflow writes it (used by `log_input`). */
export const IRIS_SCHEMA = pyDumps({
  mlflow_colspec: [
    { type: 'double', name: 'sepal length (cm)', required: true },
    { type: 'double', name: 'sepal width (cm)', required: true },
    { type: 'double', name: 'petal length (cm)', required: true },
    { type: 'double', name: 'petal width (cm)', required: true },
    { type: 'long', name: 'label', required: true },
  ],
});
