import { describe, expect, it } from 'vitest';
import { experimentIdsOf, parseRunsListUrl, runListParams } from './list-params';

describe('runs list URL', () => {
  it('reads the experiment ids of the path', () => {
    expect(experimentIdsOf('1,3')).toEqual(['1', '3']);
    expect(experimentIdsOf(' 1 ,,3,')).toEqual(['1', '3']);
    expect(experimentIdsOf(undefined)).toEqual([]);
  });

  it('builds the server query from the checked view', () => {
    const view = parseRunsListUrl(new URLSearchParams('v=deleted&st=failed&s=-m:acc'));
    expect(runListParams(['1'], view)).toEqual({
      experimentIds: ['1'],
      filter: "attributes.status = 'FAILED'",
      viewType: 'DELETED_ONLY',
      orderBy: ['metrics.`acc` DESC'],
    });
    const bogus = parseRunsListUrl(new URLSearchParams('v=gone&st=sleeping'));
    expect(runListParams(['1'], bogus)).toMatchObject({
      filter: undefined,
      viewType: 'ACTIVE_ONLY',
    });
  });
});
