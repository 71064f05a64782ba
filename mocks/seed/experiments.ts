/** The recorded experiments 0..13, exactly as the 2.17 server lists them, and the NLP run. */
import type { Db } from '../db';
import { addExperiment, addRun, setSingleMetric, SOURCE_TAGS } from './build';

/** Recorded timestamps are written as R + offset (ms). */
export const R = 1795808000000;

export function seedRecordedExperiments(db: Db): void {
  addExperiment(db, { id: '0', name: 'Default', created: R + 298721 });
  addExperiment(db, {
    id: '1',
    name: 'hyperparam-sweep',
    created: R + 390221,
    tags: [
      ['team', 'vision'],
      ['project', 'resnet-tuning'],
      [
        'mlflow.note.content',
        '# Hyperparameter sweep\nGrid over **lr**, batch size, optimizer and depth.\n\n- metric: `val/accuracy`\n- owner: ml-platform',
      ],
    ],
  });
  addExperiment(db, { id: '2', name: 'vision-demo', created: R + 407097 });
  addExperiment(db, { id: '3', name: 'model-training', created: R + 407666 });
  addExperiment(db, { id: '4', name: 'churn', created: R + 408585 });
  addExperiment(db, { id: '5', name: 'llm-agent', created: R + 408731 });
  addExperiment(db, {
    id: '6',
    name: 'old-experiment-to-delete',
    created: R + 411566,
    updated: R + 411604,
    deleted: true,
    tags: [['temp', 'yes']],
  });
  addExperiment(db, {
    id: '7',
    name: 'nlp/sentiment-classification',
    created: R + 411610,
    tags: [
      ['team', 'nlp'],
      ['priority', 'high'],
      ['mlflow.note.content', 'Sentiment models on product reviews.\n\n*Dataset*: reviews-2024'],
    ],
  });
  const scratchTimes = [411660, 411666, 411671, 411677, 411682, 411687];
  scratchTimes.forEach((t, i) => {
    addExperiment(db, {
      id: String(8 + i),
      name: `scratch-${String(i).padStart(2, '0')}`,
      created: R + t,
      tags: [['scratch', 'true']],
    });
  });
}

/** `bert-base` in nlp/sentiment-classification: a 600-character param, a tag key with spaces, an emoji tag. */
export function seedNlpRun(db: Db, runId: string): void {
  const run = addRun(db, {
    id: runId,
    experimentId: '7',
    name: 'bert-base',
    start: R + 411615,
    end: R + 411644,
    params: [
      ['model', 'bert-base-uncased'],
      ['max_len', '256'],
      ['long_param', 'x'.repeat(600)],
    ],
    tags: [
      ...SOURCE_TAGS,
      ['mlflow.runName', 'bert-base'],
      ['mlflow.note.content', 'baseline **BERT**'],
      ['tag with spaces', 'v a l'],
      ['emoji', '\u{1F680}'],
    ],
  });
  setSingleMetric(run, 'f1', 0.912, R + 411630);
  setSingleMetric(run, 'precision', 0.9, R + 411630);
  setSingleMetric(run, 'recall', 0.925, R + 411630);
}
