import { describe, expect, it } from 'vitest';
import { experimentListParams, parseExperimentListUrl } from './list-params';

const parse = (q: string) => parseExperimentListUrl(new URLSearchParams(q));

describe('experiments list URL', () => {
  it('reads known values and defaults the rest', () => {
    expect(parse('')).toEqual({ q: '', view: 'ACTIVE_ONLY', sort: 'updated', desc: true });
    expect(parse('q=bert&view=DELETED_ONLY&sort=name')).toEqual({
      q: 'bert',
      view: 'DELETED_ONLY',
      sort: 'name',
      desc: false,
    });
    expect(parse('sort=created&dir=asc')).toMatchObject({ sort: 'created', desc: false });
  });

  it('never passes an unknown value on to the server', () => {
    const u = parse('view=deleted&sort=size&dir=sideways');
    expect(u).toEqual({ q: '', view: 'ACTIVE_ONLY', sort: 'updated', desc: true });
    expect(experimentListParams(u)).toEqual({
      filter: undefined,
      viewType: 'ACTIVE_ONLY',
      orderBy: ['last_update_time DESC'],
    });
  });
});
