import { describe, expect, it } from 'vitest';
import { parseTraceListUrl, traceListParams } from './list-params';

const parse = (q: string) => parseTraceListUrl(new URLSearchParams(q));

describe('traces list URL', () => {
  it('reads known values', () => {
    expect(parse('q=chat&status=ERROR&minMs=5&maxMs=100&run=r1&sort=latency&dir=asc')).toEqual({
      text: 'chat',
      status: 'ERROR',
      minMs: 5,
      maxMs: 100,
      runId: 'r1',
      sort: 'latency',
      desc: false,
      feedback: '',
    });
  });

  it('drops unknown values instead of sending them to the server', () => {
    const u = parse('status=BROKEN&minMs=abc&maxMs=&sort=size&dir=x');
    expect(u).toEqual({
      text: '',
      status: '',
      minMs: null,
      maxMs: null,
      runId: '',
      sort: 'time',
      desc: true,
      feedback: '',
    });
    expect(traceListParams('5', u)).toEqual({ experimentId: '5', filter: '', orderBy: [] });
  });
});
