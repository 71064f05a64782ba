import { describe, expect, it } from 'vitest';
import type { Assessment, TraceInfo } from '../../../api';
import {
  assessmentColumns,
  cellValue,
  feedbackFilter,
  parseTypedValue,
  shownValue,
} from './assessments';
import { makeAssessment } from './test-builders';

const a = (p: Partial<Assessment>): Assessment => makeAssessment({ id: 'a', traceId: 't', ...p });
const t = (assessments: Assessment[]) => ({ requestId: 't', assessments }) as unknown as TraceInfo;

describe('assessment values', () => {
  it('reads pass/fail, numbers, text and JSON', () => {
    expect(shownValue(a({ value: true })).kind).toBe('pass');
    expect(shownValue(a({ value: false })).kind).toBe('fail');
    expect(shownValue(a({ value: 0.123456 }))).toEqual({ kind: 'number', text: '0.1235' });
    expect(shownValue(a({ value: '<script>' }))).toEqual({ kind: 'text', text: '<script>' });
    expect(shownValue(a({ value: { answer: 'hi' } })).kind).toBe('json');
    expect(shownValue(a({ value: null, error: 'timeout' })).text).toBe('error: timeout');
  });
  it('parses typed values as JSON when they are JSON', () => {
    expect(parseTypedValue('true')).toBe(true);
    expect(parseTypedValue('0.5')).toBe(0.5);
    expect(parseTypedValue('{"a":1}')).toEqual({ a: 1 });
    expect(parseTypedValue('good answer')).toBe('good answer');
  });
});

describe('assessment columns', () => {
  it('one column per name with counts per value, overridden ones left out', () => {
    const cols = assessmentColumns([
      t([a({ value: true }), a({ name: 'score', value: 3 })]),
      t([a({ value: false }), a({ value: true, valid: false })]),
      t([a({ value: true }), a({ name: 'expected', kind: 'expectation', value: 'x' })]),
    ]);
    expect(cols.find((c) => c.name === 'expected')?.filterable).toBe(false);
    cols.splice(
      cols.findIndex((c) => c.name === 'expected'),
      1,
    );
    expect(cols).toEqual([
      {
        name: 'correct',
        filterable: true,
        counts: [
          { value: 'pass', count: 2 },
          { value: 'fail', count: 1 },
        ],
      },
      { name: 'score', filterable: true, counts: [{ value: '3', count: 1 }] },
    ]);
  });
  it('a cell shows the newest current value', () => {
    expect(
      cellValue(
        t([a({ value: false, lastUpdateTime: 1 }), a({ value: true, lastUpdateTime: 2 })]),
        'correct',
      )?.text,
    ).toBe('pass');
    expect(cellValue(t([]), 'correct')).toBeNull();
  });
  it('filters on a value as the v3 search expects', () => {
    expect(feedbackFilter('correct', 'pass')).toBe("feedback.correct = 'true'");
    expect(feedbackFilter('my metric', "it's")).toBe('feedback.`my metric` = "it\'s"');
  });
});
