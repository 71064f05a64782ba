import { describe, expect, it } from 'vitest';
import { at } from '../../app/lib/at';
import { parseFilter, stringList, type RawValue } from './filter';
import { parseOrderBy } from './order-by';
import { decodePageToken, encodePageToken, paginate } from './page-token';
import { ilike, like } from './like';
import { tokenize } from './tokens';

describe('tokenize', () => {
  it('keeps dotted, back-quoted and double-quoted identifiers whole', () => {
    expect(
      tokenize("metrics.`val/loss` < 1 and tags.mlflow.parentRunId = 'x'").map((t) => [
        t.kind,
        t.text,
      ]),
    ).toEqual([
      ['ident', 'metrics.`val/loss`'],
      ['op', '<'],
      ['number', '1'],
      ['keyword', 'and'],
      ['ident', 'tags.mlflow.parentRunId'],
      ['op', '='],
      ['string', "'x'"],
    ]);
    expect(tokenize('params."my param" != "a b"').map((t) => t.kind)).toEqual([
      'ident',
      'op',
      'ident',
    ]);
  });

  it('reads negative and float numbers after an operator', () => {
    const t = tokenize('metrics.x >= -1.5e-3');
    expect(t[2]).toMatchObject({ kind: 'number', text: '-1.5e-3', numberKind: 'float' });
  });
});

describe('parseFilter', () => {
  it('splits AND-ed comparisons and upper-cases keyword comparators', () => {
    expect(parseFilter("params.opt like 'a%' AND attributes.run_id not in ('a', 'b')")).toEqual([
      { identifier: 'params.opt', comparator: 'LIKE', value: { kind: 'string', text: "'a%'" } },
      expect.objectContaining({ identifier: 'attributes.run_id', comparator: 'NOT IN' }),
    ]);
  });

  it('accepts an empty filter and a trailing AND, as sqlparse does', () => {
    expect(parseFilter('')).toEqual([]);
    expect(parseFilter('  ')).toEqual([]);
    expect(parseFilter('metrics.x > 1 and')).toHaveLength(1);
  });

  it("reports the recorded message for 'metrics.val/accuracy >> 0.8 and'", () => {
    expect(() => parseFilter('metrics.val/accuracy >> 0.8 and')).toThrow(
      "Invalid comparison clause. Expected 'Identifier' found 'metrics.val/accuracy'",
    );
  });

  it('reads a run of comparison characters as one operator, as sqlparse does (3.18: error_runs_search_malformed_filter)', () => {
    expect(() => parseFilter('metrics.x >>')).toThrow(
      "Invalid clause(s) in filter string: 'metrics.x', '>>'",
    );
    expect(() => parseFilter('metrics.x ><')).toThrow(
      "Invalid clause(s) in filter string: 'metrics.x', '><'",
    );
    expect(at(parseFilter('metrics.x >> 0.8'), 0).comparator).toBe('>>');
  });

  it('rejects OR and clauses without a comparison', () => {
    expect(() => parseFilter("params.a = 'x' or params.b = 'y'")).toThrow(
      "Invalid clause(s) in filter string: 'or'",
    );
    expect(() => parseFilter('metrics.x >')).toThrow(
      "Invalid clause(s) in filter string: 'metrics.x', '>'",
    );
    expect(() => parseFilter('foo', { quoteInvalidClauses: false })).toThrow(
      'Invalid clause(s) in filter string: foo',
    );
  });

  it('parses string lists, keeping lower-case items like MLflow does', () => {
    const c = at(parseFilter("run_id IN ('abc', 'DEF', 'x1')"), 0);
    expect(stringList(c.value)).toEqual(['abc', 'x1']);
    const empty: RawValue = { kind: 'list', text: '()', items: [] };
    expect(() => stringList(empty)).toThrow(
      'expected a non-empty list of string values, but got empty list',
    );
    expect(() => stringList(at(parseFilter('run_id IN (1, 2)'), 0).value)).toThrow(
      'expected string value, punctuation, or whitespace',
    );
  });
});

describe('parseOrderBy', () => {
  it('reads key and direction, ASC by default', () => {
    expect(parseOrderBy('metrics.`val/loss` DESC')).toEqual({
      entity: 'metrics',
      key: 'val/loss',
      ascending: false,
    });
    expect(parseOrderBy('start_time')).toEqual({
      entity: null,
      key: 'start_time',
      ascending: true,
    });
    expect(parseOrderBy('tags.`mlflow.runName` asc')).toEqual({
      entity: 'tags',
      key: 'mlflow.runName',
      ascending: true,
    });
  });

  it('has the recorded message for a bad direction', () => {
    expect(() => parseOrderBy('metrics.`val/loss` SIDEWAYS')).toThrow(
      "Invalid ordering key in order_by clause 'metrics.`val/loss` SIDEWAYS'.",
    );
    expect(() => parseOrderBy('a b c')).toThrow(
      "Invalid order_by clause 'a b c'. Could not be parsed.",
    );
  });
});

describe('page tokens', () => {
  it('are base64 of {"offset": N}, as the real server makes them', () => {
    expect(encodePageToken(10)).toBe('eyJvZmZzZXQiOiAxMH0=');
    expect(encodePageToken(4)).toBe('eyJvZmZzZXQiOiA0fQ==');
    expect(decodePageToken('eyJvZmZzZXQiOiAxMn0=')).toBe(12);
    expect(decodePageToken(undefined)).toBe(0);
  });

  it('rejects what the real server rejects', () => {
    expect(() => decodePageToken('not-a-token')).toThrow(
      'Invalid page token, could not base64-decode',
    );
    expect(() => decodePageToken(btoa('{"x": 1}'))).toThrow('Invalid page token, parsed value=');
  });

  it('paginates; a full page gives a token only in full-page mode', () => {
    const items = [1, 2, 3, 4];
    expect(paginate(items, undefined, 3)).toEqual({ page: [1, 2, 3], next: encodePageToken(3) });
    expect(paginate(items, encodePageToken(3), 3)).toEqual({ page: [4] });
    expect(paginate(items, encodePageToken(2), 2)).toEqual({ page: [3, 4] });
    expect(paginate(items, encodePageToken(2), 2, { fullPageToken: true })).toEqual({
      page: [3, 4],
      next: encodePageToken(4),
    });
    expect(paginate(items, encodePageToken(4), 2, { fullPageToken: true })).toEqual({ page: [] });
  });
});

describe('LIKE / ILIKE', () => {
  it('match % and _ with LIKE case-sensitive and ILIKE not', () => {
    expect(like('scratch-01', 'scratch%')).toBe(true);
    expect(like('Scratch-01', 'scratch%')).toBe(false);
    expect(ilike('vision-demo', '%VISION%')).toBe(true);
    expect(like('fold-1', 'fold-_')).toBe(true);
    expect(like('fold-10', 'fold-_')).toBe(false);
    expect(like('a.b(c)', 'a.b(c)')).toBe(true);
    expect(like('axb', 'a.b')).toBe(false);
  });
});
