import { describe, expect, it } from 'vitest';
import { compareText } from './compare-text';

describe('compareText', () => {
  const sorted = (xs: string[]) => [...xs].sort(compareText);

  it('orders alphabetically, ignoring case, shorter prefix first', () => {
    expect(sorted(['val/loss', 'Accuracy', 'train', 'val', 'beta'])).toEqual([
      'Accuracy',
      'beta',
      'train',
      'val',
      'val/loss',
    ]);
  });

  it('breaks case ties by code point, so the order is total and stable', () => {
    expect(sorted(['lr', 'LR', 'Lr'])).toEqual(['LR', 'Lr', 'lr']);
    expect(compareText('x', 'x')).toBe(0);
  });

  it('keeps non-ASCII names in code point order', () => {
    expect(sorted(['über', 'uber', 'zeta'])).toEqual(['uber', 'zeta', 'über']);
  });
});
