import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Assessment, TraceInfo } from '../../../api';
import { at } from '../../../lib/at';
import { assessmentColumns } from '../model/assessments';
import { makeAssessment } from '../model/test-builders';
import { TracesTable } from './TracesTable';

const feedback = (name: string, value: unknown, i: number): Assessment =>
  makeAssessment({ id: `a-${i}-${name}`, name, traceId: `tr-${i}`, value });

const makeTrace = (i: number): TraceInfo => ({
  requestId: `tr-${String(i).padStart(32, '0')}`,
  experimentId: '1',
  timestampMs: 1_700_000_000_000 - i * 1000,
  executionTimeMs: 40 + (i % 50),
  status: 'OK',
  requestMetadata: {},
  tags: {},
  name: `trace-${i}`,
  sourceRunId: null,
  requestPreview: `{"question": "q${i}"}`,
  responsePreview: `"a${i}"`,
  assessments: ['correct', 'relevance', 'tone', 'length_ok', 'notes'].map((n, k) =>
    feedback(n, k === 0 ? i % 3 > 0 : k === 1 ? (i % 10) / 10 : `v${i % 4}`, i),
  ),
  sessionId: null,
  userId: null,
});

// jsdom lays nothing out: give the list's scroll box the height a window would.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (
    this: HTMLElement,
  ) {
    return this.classList.contains('traces-scroll') ? 700 : 0;
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('TracesTable', () => {
  it('renders only the rows near the view, however many traces are loaded', () => {
    const traces = Array.from({ length: 10_000 }, (_, i) => makeTrace(i));
    render(
      <MemoryRouter>
        <TracesTable
          traces={traces}
          assessmentCols={assessmentColumns(traces)}
          selected={new Set()}
          onCheck={() => {}}
          onCheckAll={() => {}}
        />
      </MemoryRouter>,
    );
    const table = screen.getByRole('table', { name: 'Traces' });
    expect(table.getAttribute('aria-rowcount')).toBe('10001');
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(80);
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent ?? '');
    for (const name of ['correct', 'relevance', 'tone', 'length_ok', 'notes'])
      expect(headers.some((h) => h.startsWith(name))).toBe(true);
    expect(
      within(at(rows, 1, 'first body row')).getByRole('link', { name: 'trace-0' }),
    ).toBeTruthy();
  });
});
