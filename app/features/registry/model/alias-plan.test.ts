import { describe, expect, it } from 'vitest';
import { describeAliasPlan, planAlias } from './alias-plan';

const aliases = { champion: '2', challenger: '3' };

describe('planAlias', () => {
  it('creates a new alias', () => {
    expect(planAlias(aliases, ' best ', '1')).toEqual({
      kind: 'create',
      alias: 'best',
      version: '1',
    });
  });
  it('moves an existing alias and remembers where it was', () => {
    const p = planAlias(aliases, 'champion', '3');
    expect(p).toEqual({ kind: 'move', alias: 'champion', was: '2', now: '3' });
    expect(describeAliasPlan(p)).toBe('@champion moves from version 2 to version 3.');
  });
  it('does nothing when the alias already points there', () => {
    expect(planAlias(aliases, 'champion', '2').kind).toBe('noop');
  });
  it('rejects empty, reserved and malformed input', () => {
    expect(planAlias(aliases, '', '1').kind).toBe('invalid');
    expect(planAlias(aliases, 'latest', '1').kind).toBe('invalid');
    expect(planAlias(aliases, 'v3', '1').kind).toBe('invalid');
    expect(planAlias(aliases, 'has space', '1').kind).toBe('invalid');
    expect(planAlias(aliases, 'ok', '')).toEqual({ kind: 'invalid', reason: 'Choose a version.' });
  });
});
