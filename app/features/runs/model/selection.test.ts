import { describe, expect, it } from 'vitest';
import { pruneSelection, selectRange, toggleOne } from './selection';

const order = ['a', 'b', 'c', 'd', 'e'];

describe('selection', () => {
  it('toggles one id', () => {
    expect([...toggleOne(new Set(['a']), 'b')]).toEqual(['a', 'b']);
    expect([...toggleOne(new Set(['a']), 'a')]).toEqual([]);
  });
  it('selects a range in either direction', () => {
    expect([...selectRange(new Set(), order, 'b', 'd')].sort()).toEqual(['b', 'c', 'd']);
    expect([...selectRange(new Set(), order, 'd', 'b')].sort()).toEqual(['b', 'c', 'd']);
  });
  it('clears a range when the target was selected', () => {
    expect([...selectRange(new Set(order), order, 'a', 'c')].sort()).toEqual(['d', 'e']);
  });
  it('falls back to a single toggle without an anchor', () => {
    expect([...selectRange(new Set(), order, null, 'c')]).toEqual(['c']);
  });
  it('prunes ids no longer present', () => {
    expect([...pruneSelection(new Set(['a', 'z']), new Set(order))]).toEqual(['a']);
  });
});
