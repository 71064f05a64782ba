import { describe, expect, it } from 'vitest';
import { modelListParams, parseModelListUrl } from './list-params';

const parse = (q: string) => parseModelListUrl(new URLSearchParams(q));

describe('models list URL', () => {
  it('reads known values, defaults the rest', () => {
    expect(parse('')).toEqual({ q: '', sort: 'updated', desc: true });
    expect(parse('q=iris&sort=name')).toEqual({ q: 'iris', sort: 'name', desc: false });
    expect(parse('sort=version&dir=up')).toEqual({ q: '', sort: 'updated', desc: true });
  });

  it('builds the server query', () => {
    expect(modelListParams(parse('q=iris&sort=name&dir=desc'))).toEqual({
      filter: "name ILIKE '%iris%'",
      orderBy: ['name DESC'],
    });
  });
});
