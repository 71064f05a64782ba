import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatNumber, quoteKey } from './format';

describe('format', () => {
  it('formats special metric values', () => {
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('-∞');
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(1234)).toBe('1,234');
  });
  it('formats durations', () => {
    expect(formatDuration(250)).toBe('250ms');
    expect(formatDuration(61_000)).toBe('1m 1s');
    expect(formatDuration(null)).toBe('');
  });
  it('formats bytes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
  });
  it('quotes keys that need it', () => {
    expect(quoteKey('lr')).toBe('lr');
    expect(quoteKey('val/loss')).toBe('`val/loss`');
  });
});
