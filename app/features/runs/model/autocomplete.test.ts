import { describe, expect, it } from 'vitest';
import { at } from '../../../lib/at';
import { applySuggestion, pushHistory, suggest } from './autocomplete';
import type { RunKeys } from './keys';

const keys: RunKeys = {
  metrics: ['train/loss', 'val/accuracy', 'val/loss'],
  params: ['lr', 'optimizer'],
  tags: ['team'],
  datasets: [],
};

describe('filter autocomplete', () => {
  it('offers entities for a bare word', () => {
    expect(suggest('met', 3, keys)?.items.map((i) => i.label)).toEqual(['metrics.']);
    expect(suggest('a', 1, keys)?.items.map((i) => i.label)).toEqual(['attributes.']);
  });
  it('offers keys of the entity, back-quoting those that need it', () => {
    const s = suggest('metrics.val', 11, keys)!;
    expect(s.items.map((i) => i.insert)).toEqual([
      'metrics.`val/accuracy` ',
      'metrics.`val/loss` ',
    ]);
    expect(s.from).toBe(0);
    expect(suggest('params.o', 8, keys)?.items[0]?.insert).toBe('params.optimizer ');
  });
  it('matches inside keys after prefix matches', () => {
    expect(suggest('metrics.loss', 12, keys)!.items.map((i) => i.label)).toEqual([
      'metrics.train/loss',
      'metrics.val/loss',
    ]);
  });
  it('works after an AND and inside a back-quote', () => {
    const text = "params.lr = '0.1' and metrics.`val/a";
    const s = suggest(text, text.length, keys)!;
    expect(s.items.map((i) => i.label)).toEqual(['metrics.val/accuracy']);
    expect(applySuggestion(text, s, at(s.items, 0)).text).toBe(
      "params.lr = '0.1' and metrics.`val/accuracy` ",
    );
  });
  it('offers nothing inside a value or for unknown entities', () => {
    expect(suggest("params.lr = 'me", 15, keys)).toBeNull();
    expect(suggest('foo.bar', 7, keys)).toBeNull();
  });
  it('replaces the whole word under the cursor', () => {
    const text = 'metrics.va > 1';
    const s = suggest(text, 9, keys)!;
    expect(applySuggestion(text, s, at(s.items, 0)).text).toBe('metrics.`val/accuracy` > 1');
  });
});

describe('filter history', () => {
  it('keeps the most recent first, unique and short', () => {
    let h: string[] = [];
    for (const e of ['a', 'b', 'a', ' ', 'c']) h = pushHistory(h, e, 2);
    expect(h).toEqual(['c', 'a']);
  });
});
