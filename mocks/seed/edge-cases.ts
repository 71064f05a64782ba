/**
 * `ui-edge-cases` (EXP_EDGE): hostile strings (script and onerror payloads in a
 * param, a tag and the descriptions), unicode and right-to-left text, a
 * 10,000-character param, NaN / +inf / -inf metrics, odd names.
 */
import type { Db } from '../db';
import { addExperiment, addRun, metric, setMetric, setSingleMetric, SOURCE_TAGS } from './build';
import { buildHistory, everyStep } from './curves';
import { R } from './experiments';
import { demoIds } from './ids';
import { hexId } from './random';

export const XSS_SCRIPT = '<script>alert(1)</script>';
export const XSS_IMG = '<img src=x onerror=alert(1)>';
const EXP = demoIds.EXP_EDGE;

export function seedEdgeCases(db: Db): void {
  const created = R + 455_000;
  addExperiment(db, {
    id: EXP,
    name: 'ui-edge-cases',
    created,
    updated: created + 4_000,
    tags: [
      [
        'mlflow.note.content',
        `# Edge cases\n\n${XSS_SCRIPT}\n\n${XSS_IMG}\n\nRuns here exercise escaping, very long values and non-finite numbers.`,
      ],
      ['owner', XSS_IMG],
      ['unicode', 'ünïcödé ✓ 日本語 🚀'],
      ['rtl', 'مرحبا بالعالم'],
    ],
  });
  const long = Array.from(
    { length: 10_000 },
    (_, i) => 'abcdefghijklmnopqrstuvwxyz0123456789 '[i % 37],
  ).join('');
  const run = addRun(db, {
    id: demoIds.R_EDGE,
    experimentId: EXP,
    name: 'hostile-strings',
    start: created + 1_000,
    end: created + 2_500,
    params: [
      ['script', XSS_SCRIPT],
      ['img', XSS_IMG],
      ['long_value', long],
      ['température', '23 °C'],
      ['sql', "'; DROP TABLE runs; --"],
      ['multiline', 'line one\nline two\n\ttabbed'],
      ['json_like', '{"a": [1, 2, {"b": null}]}'],
      ['empty', ''],
    ],
    tags: [
      ...SOURCE_TAGS,
      ['xss', XSS_IMG],
      ['xss_script', XSS_SCRIPT],
      ['unicode', '日本語 ✓ ünïcödé 🚀'],
      ['rtl', 'مرحبا بالعالم'],
      ['zero width', 'a\u200bb\u200dc'],
      [
        'mlflow.note.content',
        `Run description with ${XSS_SCRIPT} and ${XSS_IMG}.\n\n**Markdown** still works.`,
      ],
      ['mlflow.runName', 'hostile-strings'],
    ],
  });
  const t = created + 2_000;
  setSingleMetric(run, 'nan_metric', NaN, t);
  setSingleMetric(run, 'pos_inf', Infinity, t);
  setSingleMetric(run, 'neg_inf', -Infinity, t);
  setSingleMetric(run, 'tiny', 1e-300, t);
  setSingleMetric(run, 'huge', 1e300, t);
  setSingleMetric(run, 'negative', -42.5, t);
  setSingleMetric(run, 'zero', 0, t);
  const odd = (s: number) => (s % 17 === 5 ? NaN : s % 23 === 11 ? Infinity : 1 / (1 + s / 10));
  setMetric(
    run,
    'loss_with_gaps',
    () => buildHistory('loss_with_gaps', everyStep(99), (s) => t + s, odd),
    metric('loss_with_gaps', odd(99), t + 99, 99),
  );
  addRun(db, {
    id: hexId('run/edge', 1),
    experimentId: EXP,
    name: `a-very-long-run-name-${'that-keeps-going-'.repeat(14)}end`,
    start: created + 3_000,
    end: created + 3_100,
    tags: [
      ...SOURCE_TAGS,
      ['mlflow.runName', `a-very-long-run-name-${'that-keeps-going-'.repeat(14)}end`],
    ],
  });
  addRun(db, {
    id: hexId('run/edge', 2),
    experimentId: EXP,
    name: '日本語の実験 🚀',
    start: created + 3_200,
    end: created + 3_300,
    params: [['言語', '日本語']],
    tags: [...SOURCE_TAGS, ['mlflow.runName', '日本語の実験 🚀']],
  });
  for (let i = 0; i < 2; i++) {
    const dup = addRun(db, {
      id: hexId('run/edge', 3 + i),
      experimentId: EXP,
      name: 'duplicate-name',
      start: created + 3_400 + i * 100,
      end: created + 3_450 + i * 100,
      tags: [...SOURCE_TAGS, ['mlflow.runName', 'duplicate-name']],
    });
    setSingleMetric(dup, 'score', 0.5 + i * 0.1, created + 3_440 + i * 100);
  }
  const tags: Array<readonly [string, string]> = [...SOURCE_TAGS];
  for (let i = 0; i < 50; i++) tags.push([`tag_${String(i).padStart(2, '0')}`, `value ${i}`]);
  tags.push(['mlflow.runName', 'fifty-tags']);
  addRun(db, {
    id: hexId('run/edge', 5),
    experimentId: EXP,
    name: 'fifty-tags',
    start: created + 3_700,
    end: created + 3_800,
    tags,
  });
}
