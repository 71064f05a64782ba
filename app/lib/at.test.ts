import { describe, expect, it } from 'vitest';
import { at, IndexOutOfRangeError } from './at';

describe('at', () => {
  it('returns the element at an index in range, undefined elements included', () => {
    expect(at(['a', 'b'], 1)).toBe('b');
    expect(at([undefined], 0)).toBeUndefined();
    expect(at(new Int32Array([7]), 0)).toBe(7);
  });

  it('throws a named error for an index out of range', () => {
    expect(() => at(['a'], 1, 'span')).toThrow(IndexOutOfRangeError);
    expect(() => at(['a'], -1, 'span')).toThrow('span: index -1 out of range (length 1)');
    expect(() => at(['a'], 0.5)).toThrow(IndexOutOfRangeError);
  });
});
