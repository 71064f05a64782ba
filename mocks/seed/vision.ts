/**
 * `vision-demo` (id 2): the recorded runs and artifact tree (paths and sizes
 * from artifacts_list_* / get_artifact_*), plus a preview of every kind.
 */
import type { WireDatasetInput } from '../../app/api/wire';
import { at } from '../../app/lib/at';
import type { Db, DbArtifactFile } from '../db';
import {
  addFiles,
  addRun,
  binaryFile,
  kvs,
  lazyFile,
  metric,
  setMetric,
  SOURCE_TAGS,
  textFile,
} from './build';
import { R } from './experiments';
import { demoIds } from './ids';
import {
  attentionPng,
  gradientPng,
  lossCurvePng,
  noisePng,
  photoJpeg,
  sampleCanvas,
  spinnerGif,
  stepSwatch,
} from './images';
import { pyDumps } from './pyjson';
import { hexId, Rng } from './random';
import * as F from './vision-files';

const EXP = demoIds.EXP_VISION;

const IRIS_SOURCE_TAGS = pyDumps({
  tags: {
    'mlflow.user': 'root',
    'mlflow.source.name': 'workload.py',
    'mlflow.source.type': 'LOCAL',
  },
});

const VISION_INPUTS: WireDatasetInput[] = [
  {
    tags: kvs([
      ['mlflow.data.context', 'training'],
      ['split', 'train'],
    ]),
    dataset: {
      name: 'iris-train',
      digest: '25a8342e',
      source_type: 'http',
      source: pyDumps({ url: 'https://example.invalid/iris.csv' }),
      schema: F.IRIS_SCHEMA,
      profile: pyDumps({ num_rows: 150, num_elements: 750 }),
    },
  },
  {
    tags: kvs([['mlflow.data.context', 'eval']]),
    dataset: {
      name: 'iris-eval',
      digest: 'fd316679',
      source_type: 'code',
      source: IRIS_SOURCE_TAGS,
      schema: F.IRIS_SCHEMA,
      profile: pyDumps({ num_rows: 30, num_elements: 150 }),
    },
  },
];

/**
 * The recorded step images: `log_image(key="predictions", step=...)` names
 * that the 2.17 proxy URL-decoded ("%10" became \x10, ...). Every one of them
 * downloads as 400 on a real server; [name, png size, webp size].
 */
// prettier-ignore
const MANGLED: ReadonlyArray<readonly [string, number, number]> = [
  ['predictions%step%0%timestamp\u001795808446984\ufffd1f2959-37e3-4a7d-8bb4-3b770394e47c', 154, 396],
  ['predictions%step%5%timestamp\u001795808447037m3effe2-3112-4953-b5ff-62defd9c957d', 153, 420],
  ['predictions%step\u0010%timestamp\u00179580844707303e0b3-04d3-42f2-9ba6-c4945ff2db3b', 155, 404],
  ['predictions%step\u0015%timestamp\u001795808447111\u001c497781-4a7e-4440-88cf-75ba0dab5d91', 156, 406],
  ['predictions%step %timestamp\u001795808447146\ufffd7ce178-b163-412b-9337-0bcfb8480193', 154, 408],
];

/** Python's repr() of a str, enough for file names. */
function pyReprStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** The 400 HTML body a 2.17 server sends for a file name it cannot put in a header. */
export function invalidHeaderBody(fileName: string): string {
  const header = pyReprStr(pyReprStr(`attachment; filename="${fileName}"`));
  const escaped = header
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
  return (
    '<html>\n  <head>\n    <title>Bad Request</title>\n  </head>\n  <body>\n' +
    `    <h1><p>Bad Request</p></h1>\n    Invalid HTTP Header: ${escaped}\n  </body>\n</html>\n`
  );
}

function failing(file: DbArtifactFile): DbArtifactFile {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  return {
    ...file,
    failWith: { status: 400, contentType: 'text/html', body: invalidHeaderBody(name) },
  };
}

function uuid(ns: string, i: number): string {
  const h = hexId(ns, i);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function imageFiles(largeJsonBytes: number): DbArtifactFile[] {
  const files: DbArtifactFile[] = [
    binaryFile('images/attention', attentionPng(422)),
    binaryFile('images/gradient_gray.png', gradientPng()),
    binaryFile('images/random_noise.png', noisePng('images/random_noise')),
    binaryFile('images/photo.jpg', photoJpeg()),
    binaryFile('images/spinner.gif', spinnerGif()),
  ];
  MANGLED.forEach(([name, pngSize, webpSize], i) => {
    const swatch = stepSwatch(i * 5);
    files.push(failing(binaryFile(`images/${name}.png`, swatch.png(pngSize))));
    files.push(failing(binaryFile(`images/${name}%compressed.webp`, swatch.webp(webpSize))));
  });
  // The same key logged through a non-proxied store keeps its names and downloads fine.
  for (let k = 0; k <= 4; k++) {
    const step = k * 100;
    const name = `images/samples%step%${step}%timestamp%${R + 447200 + k * 31}%${uuid('vision/samples', k)}`;
    const canvas = sampleCanvas(step, 400);
    files.push(
      binaryFile(`${name}.png`, canvas.png()),
      binaryFile(`${name}%compressed.webp`, canvas.webp()),
    );
  }
  const records = Math.min(9_999_999, F.largeJsonRecords(largeJsonBytes));
  files.push(
    lazyFile('data/large/predictions_full.json', F.largeJsonSize(records), () =>
      F.largeJson(records),
    ),
  );
  return files;
}

function visionFiles(largeJsonBytes: number): DbArtifactFile[] {
  const rng = new Rng('vision/files');
  return [
    textFile('config/classes.json', F.CLASSES_JSON),
    textFile('config/config.yaml', F.CONFIG_YAML),
    binaryFile('data/raw/blob.bin', rng.bytes(2048)),
    textFile('data/raw/shard-0/part-000.csv', 'a,b\n1,2\n'),
    textFile('data/raw/shard-0/part-001.csv', 'a,b\n3,4\n5,6\n'),
    binaryFile('data/raw/shard-0/labels.txt', F.binaryNamedTxt()),
    textFile('data/raw/shard-0/nested/part-000.csv', 'a,b\n7,8\n'),
    textFile('data/processed/v1/train.csv', 'id,v\n1,42\n'),
    textFile(
      'data/processed/v1/deep/nested/leaf.json',
      JSON.stringify({ depth: 5, ok: true }, null, 2),
    ),
    textFile('data/processed/features.tsv', F.featuresTsv()),
    textFile('eval_results_table.json', F.EVAL_TABLE_JSON),
    textFile('logs/train.log', F.TRAIN_LOG),
    textFile('logs/stdout.log', F.stdoutLog()),
    textFile('metrics_summary.csv', F.METRICS_SUMMARY_CSV),
    textFile('notes/README.md', F.README_MD),
    textFile('notes/hostile.md', F.HOSTILE_MD),
    textFile('notes/report.html', F.HOSTILE_HTML),
    textFile('notes/architecture.svg', F.HOSTILE_SVG),
    textFile('notes/summary.pdf', F.tinyPdf()),
    textFile('plots/confusion_matrix.svg', F.confusionMatrixSvg(12273)),
    binaryFile('plots/loss_curve.png', lossCurvePng(17350)),
    textFile('tables/predictions.json', F.PREDICTIONS_TABLE_JSON),
    ...imageFiles(largeJsonBytes),
  ];
}

export function seedVision(db: Db, largeJsonBytes: number): void {
  addRun(db, {
    id: demoIds.R_VISION_DELETED,
    experimentId: EXP,
    name: 'cnn-cifar-demo',
    status: 'FAILED',
    start: R + 407108,
    end: R + 407155,
    deleted: true,
    params: [
      ['arch', 'cnn-small'],
      ['img_size', '32'],
      ['augment', 'True'],
    ],
    tags: [
      ...SOURCE_TAGS,
      ['mlflow.note.content', 'Image logging demo run'],
      ['mlflow.runName', 'cnn-cifar-demo'],
      ['failure_reason', 'log_image(key=...) upload rejected: Invalid path'],
    ],
  });
  const run = addRun(db, {
    id: demoIds.R_VISION,
    experimentId: EXP,
    name: 'cnn-cifar-demo',
    start: R + 446945,
    end: R + 447721,
    params: [
      ['arch', 'cnn-small'],
      ['img_size', '32'],
      ['augment', 'True'],
    ],
    tags: [
      ...SOURCE_TAGS,
      ['mlflow.note.content', 'Image logging demo run'],
      ['mlflow.runName', 'cnn-cifar-demo'],
      ['mlflow.loggedImages', 'True'],
      [
        'mlflow.loggedArtifacts',
        pyDumps([
          { path: 'tables/predictions.json', type: 'table' },
          { path: 'eval_results_table.json', type: 'table' },
        ]),
      ],
    ],
    inputs: VISION_INPUTS,
  });
  const losses = [1.0, 0.7, 0.5, 0.4, 0.3];
  const history = losses.map((v, step) => metric('train/loss', v, R + 447034 + step * 35, step));
  setMetric(run, 'train/loss', history, at(history, losses.length - 1, 'train/loss history'));
  addFiles(db, run.info.run_id, visionFiles(largeJsonBytes));
  addRun(db, {
    id: demoIds.R_DATASET_ONLY,
    experimentId: EXP,
    name: 'dataset-only',
    start: R + 447743,
    end: R + 447764,
    tags: [...SOURCE_TAGS, ['mlflow.runName', 'dataset-only']],
    inputs: [
      {
        tags: kvs([['mlflow.data.context', 'training']]),
        dataset: {
          name: 'toy',
          digest: '244437a9',
          source_type: 'code',
          source: IRIS_SOURCE_TAGS,
          schema: pyDumps({
            mlflow_colspec: [
              { type: 'long', name: 'a', required: true },
              { type: 'double', name: 'b', required: true },
            ],
          }),
          profile: pyDumps({ num_rows: 3, num_elements: 6 }),
        },
      },
    ],
  });
}
