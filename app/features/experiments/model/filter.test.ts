import { describe, expect, it } from 'vitest';
import { experimentOrderBy, experimentSearchFilter } from './filter';

describe('experiment search filter', () => {
  it('turns words into a name search', () => {
    expect(experimentSearchFilter('sweep')).toBe("name ILIKE '%sweep%'");
    expect(experimentSearchFilter("bob's")).toBe(`name ILIKE "%bob's%"`);
    expect(experimentSearchFilter('  ')).toBeUndefined();
  });
  it('passes expressions through untouched', () => {
    expect(experimentSearchFilter("tags.team = 'nlp'")).toBe("tags.team = 'nlp'");
    expect(experimentSearchFilter('name = ')).toBe('name =');
  });
  it('builds order_by', () => {
    expect(experimentOrderBy('updated', true)).toEqual(['last_update_time DESC']);
    expect(experimentOrderBy('name', false)).toEqual(['name ASC']);
  });
});
