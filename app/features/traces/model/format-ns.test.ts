import { describe, expect, it } from 'vitest';
import { formatNs } from './format-ns';

describe('formatNs', () => {
  it('picks a unit per magnitude', () => {
    expect(formatNs(840)).toBe('840ns');
    expect(formatNs(12_500)).toBe('12.5µs');
    expect(formatNs(3_200_000)).toBe('3.2ms');
    expect(formatNs(250_000_000)).toBe('250ms');
    expect(formatNs(1_400_000_000)).toBe('1.4s');
    expect(formatNs(123_000_000_000)).toBe('2m 3s');
    expect(formatNs(-1)).toBe('');
  });
});
