import { describe, expect, it } from 'vitest';
import { traceOrderBy, traceSearchFilter } from './list-filter';

const base = { text: '', status: '' as const, minMs: null, maxMs: null, runId: '' };

describe('traceSearchFilter', () => {
  it('is empty with no filters', () => expect(traceSearchFilter(base)).toBe(''));

  it('uses the run filter form the real server accepted', () => {
    expect(traceSearchFilter({ ...base, runId: '084435f233184ac99a64c132ce5972bb' })).toBe(
      "request_metadata.`mlflow.sourceRun` = '084435f233184ac99a64c132ce5972bb'",
    );
  });

  it('ANDs status, latency range and a typed expression; plain words search the name', () => {
    expect(
      traceSearchFilter({
        ...base,
        text: "tags.env = 'prod'",
        status: 'ERROR',
        minMs: 10,
        maxMs: 200.5,
      }),
    ).toBe(
      "tags.env = 'prod' AND attributes.status = 'ERROR' AND attributes.execution_time_ms >= 10 AND attributes.execution_time_ms <= 201",
    );
    expect(traceSearchFilter({ ...base, text: "o'brien" })).toBe(
      `tags.\`mlflow.traceName\` ILIKE "%o'brien%"`,
    );
  });

  it('orders by the chosen column', () => {
    expect(traceOrderBy('latency', true)).toEqual(['execution_time_ms DESC']);
    expect(traceOrderBy('time', false)).toEqual(['timestamp_ms ASC']);
    expect(traceOrderBy('time', true)).toEqual([]);
  });
});
