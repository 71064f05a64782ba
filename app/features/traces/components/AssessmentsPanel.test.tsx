import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Assessment, TraceInfo } from '../../../api';
import { makeAssessment as assessment } from '../model/test-builders';
import { AssessmentsPanel } from './AssessmentsPanel';

// jsdom has <dialog> without showModal(): open it the plain way.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.removeAttribute('open');
};

type Answer = { status: number; body: unknown };

function stubFetch(answer: (method: string, path: string) => Answer) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const path = new URL(input).pathname;
    const method = init?.method ?? 'GET';
    calls.push({ method, path, body: init?.body ? JSON.parse(String(init.body)) : null });
    const a = answer(method, path);
    return new Response(JSON.stringify(a.body), {
      status: a.status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  return calls;
}

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

function renderPanel(assessments: Assessment[]) {
  const qc = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const info = { requestId: 'tr-1', assessments } as unknown as TraceInfo;
  render(
    <QueryClientProvider client={qc}>
      <AssessmentsPanel
        info={info}
        spanNames={new Map([['2b4e0562da96f215', 'retrieve']])}
        selectedSpan={{ id: '2b4e0562da96f215', name: 'retrieve' }}
      />
    </QueryClientProvider>,
  );
}

const created = {
  assessment: {
    assessment_id: 'a-2',
    assessment_name: 'helpful',
    trace_id: 'tr-1',
    feedback: { value: true },
    valid: true,
  },
};

describe('AssessmentsPanel', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows value, rationale, source and what a feedback overrides, hostile text as text', () => {
    stubFetch(() => ({ status: 200, body: {} }));
    renderPanel([
      assessment({ id: 'a-0', value: true, valid: false }),
      assessment({
        id: 'a-1',
        value: false,
        rationale: HOSTILE,
        overrides: 'a-0',
        source: { type: 'LLM_JUDGE', id: 'judge-1' },
        spanId: '2b4e0562da96f215',
      }),
    ]);
    const onSpan = screen.getByRole('list', { name: 'Assessments on span retrieve' });
    expect(within(onSpan).getByText('fail')).toBeTruthy();
    expect(within(onSpan).getByText(HOSTILE)).toBeTruthy();
    expect(within(onSpan).getByText(/LLM judge · judge-1/)).toBeTruthy();
    expect(within(onSpan).getByText(/overrides correct = pass/)).toBeTruthy();
    expect(document.querySelector('img, script')).toBeNull();
    expect(screen.getByText('overridden')).toBeTruthy();
  });

  it('adds a feedback to the selected span, and shows the server error keeping what was typed', async () => {
    let fail = true;
    const calls = stubFetch((method) =>
      method === 'POST' && fail
        ? {
            status: 400,
            body: { error_code: 'INVALID_PARAMETER_VALUE', message: 'Assessment name is too long' },
          }
        : { status: 200, body: created },
    );
    renderPanel([]);
    await userEvent.click(screen.getByRole('button', { name: 'Add to span retrieve' }));
    const form = screen.getByRole('form', { name: 'Add assessment' });
    await userEvent.type(within(form).getByLabelText('Name'), 'helpful');
    await userEvent.clear(within(form).getByLabelText('Value'));
    await userEvent.type(within(form).getByLabelText('Value'), '0.5');
    await userEvent.click(within(form).getByRole('button', { name: 'Add assessment' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Assessment name is too long');
    expect((within(form).getByLabelText('Name') as HTMLInputElement).value).toBe('helpful');
    expect(calls[0]).toMatchObject({
      method: 'POST',
      path: '/api/3.0/mlflow/traces/tr-1/assessments',
      body: {
        assessment: {
          assessment_name: 'helpful',
          span_id: '2b4e0562da96f215',
          feedback: { value: 0.5 },
        },
      },
    });
    fail = false;
    await userEvent.click(within(form).getByRole('button', { name: 'Add assessment' }));
    await vi.waitFor(() =>
      expect(screen.queryByRole('form', { name: 'Add assessment' })).toBeNull(),
    );
  });

  it('edits a human feedback (PATCH with a mask) and deletes one', async () => {
    const calls = stubFetch(() => ({
      status: 200,
      body: {
        assessment: {
          assessment_id: 'a-1',
          assessment_name: 'correct',
          feedback: { value: false },
        },
      },
    }));
    renderPanel([assessment({})]);
    await userEvent.click(screen.getByRole('button', { name: 'Edit correct' }));
    const form = screen.getByRole('form', { name: 'Edit assessment' });
    await userEvent.clear(within(form).getByLabelText('Value'));
    await userEvent.type(within(form).getByLabelText('Value'), 'false');
    await userEvent.click(within(form).getByRole('button', { name: 'Save assessment' }));
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({
      path: '/api/3.0/mlflow/traces/tr-1/assessments/a-1',
      body: { update_mask: 'feedback,rationale', assessment: { feedback: { value: false } } },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Delete correct' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }),
    );
    await vi.waitFor(() =>
      expect(calls.some((c) => c.method === 'DELETE' && c.path.endsWith('/assessments/a-1'))).toBe(
        true,
      ),
    );
  });
});
