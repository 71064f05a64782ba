import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDuration,
  formatInt,
  formatNumber,
  formatRelative,
  quoteKey,
} from './format';

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

describe('formatInt', () => {
  it('writes integers as en-US does, without Intl', () => {
    for (const n of [
      0, 7, 999, 1000, 12_345, 999_999, 1_000_000, -1234, -999, 100_000, 9_007_199_254_740_991,
    ]) {
      expect(formatInt(n)).toBe(n.toLocaleString('en-US'));
    }
  });
  it('leaves what is not a safe integer to toLocaleString or String', () => {
    expect(formatInt(1.5)).toBe('1.5');
    expect(formatInt(NaN)).toBe('NaN');
    expect(formatInt(Infinity)).toBe('Infinity');
  });
});

describe('formatRelative', () => {
  it('says what Intl.RelativeTimeFormat("en", { numeric: "auto" }) says', () => {
    const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    const now = Date.UTC(2026, 10, 27, 12);
    const cases: [number, Intl.RelativeTimeFormatUnit, number][] = [
      [0, 'second', 0],
      [-400, 'second', 0],
      [-5_000, 'second', -5],
      [1_000, 'second', 1],
      [-60_000, 'minute', -1],
      [-150 * 60_000, 'hour', -2],
      [3 * 3600_000, 'hour', 3],
      [-24 * 3600_000, 'day', -1],
      [24 * 3600_000, 'day', 1],
      [-3 * 24 * 3600_000, 'day', -3],
      [-7 * 24 * 3600_000, 'week', -1],
      [-60 * 24 * 3600_000, 'month', -2],
      [400 * 24 * 3600_000, 'year', 1],
      [-5000 * 365 * 24 * 3600_000, 'year', -5000],
    ];
    for (const [delta, unit, n] of cases)
      expect(formatRelative(now + delta, now), `${delta}`).toBe(rtf.format(n, unit));
    expect(formatRelative(null)).toBe('');
  });
});
