import { describe, expect, it } from 'vitest';
import { at } from '../../../lib/at';
import { closeMatches, replaceKey, suggestValues, unknownKeys } from './filter-help';
import type { RunKeys } from './keys';

const keys: RunKeys = {
  metrics: ['train/loss', 'val/accuracy', 'val/loss'],
  params: ['lr', 'optimizer'],
  tags: [],
  datasets: [],
};

describe('filter help', () => {
  it('offers quoted values after a comparison, narrowed by what is typed', () => {
    const values = () => ['adam', 'adamw', 'sgd', "it's"];
    expect(suggestValues('params.optimizer = ', 19, values)?.items.map((i) => i.label)).toEqual([
      "'adam'",
      "'adamw'",
      "'sgd'",
      `"it's"`,
    ]);
    const s = suggestValues("params.optimizer = 'ad", 22, values);
    expect(s?.items.map((i) => i.insert)).toEqual(["'adam' ", "'adamw' "]);
    expect(s?.from).toBe(19);
    expect(suggestValues('params.optimizer', 16, values)).toBeNull();
  });

  it('names keys no run has, with close matches, and replaces them', () => {
    const u = unknownKeys('metrics.accuracy > 0.9 and params.lr = 0.1', keys);
    expect(u).toHaveLength(1);
    expect(u[0]?.key).toBe('accuracy');
    expect(u[0]?.matches[0]).toEqual({
      label: 'metrics.val/accuracy',
      insert: 'metrics.`val/accuracy`',
    });
    const first = at(u, 0);
    expect(replaceKey('metrics.accuracy > 0.9', first, at(first.matches, 0).insert)).toBe(
      'metrics.`val/accuracy` > 0.9',
    );
    expect(closeMatches('optimiser', keys.params)).toEqual(['optimizer']);
  });
});
