import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RegisterModelDialog } from './RegisterModelDialog';

// jsdom has <dialog> without showModal(): open it the plain way.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.removeAttribute('open');
};

type Answer = { status: number; body: unknown };

/** A fetch stub answering by endpoint suffix, recording request bodies. */
function stubFetch(answers: Record<string, Answer>) {
  const calls: { path: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const path = new URL(input).pathname;
    calls.push({ path, body: init?.body ? JSON.parse(String(init.body)) : null });
    const key = Object.keys(answers).find((k) => path.endsWith(k));
    const a = key
      ? answers[key]
      : { status: 404, body: { error_code: 'ENDPOINT_NOT_FOUND', message: path } };
    return new Response(JSON.stringify(a?.body), {
      status: a?.status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  return calls;
}

function renderDialog(onClose = vi.fn()) {
  const qc = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  render(
    <QueryClientProvider client={qc}>
      <RegisterModelDialog
        runId="r1"
        artifactUri="mlflow-artifacts:/3/r1/artifacts/"
        folders={['model']}
        onClose={onClose}
      />
    </QueryClientProvider>,
  );
  return onClose;
}

const version = {
  model_version: { name: 'iris', version: '4', source: 'x', run_id: 'r1', status: 'READY' },
};

describe('RegisterModelDialog', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('adds a version to an existing model, with the folder under the run artifact root as source', async () => {
    const calls = stubFetch({
      'registered-models/create': {
        status: 400,
        body: { error_code: 'RESOURCE_ALREADY_EXISTS', message: 'exists' },
      },
      'model-versions/create': { status: 200, body: version },
    });
    const onClose = renderDialog();
    await userEvent.type(screen.getByLabelText('Model name'), 'iris');
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls.at(-1)).toEqual({
      path: '/api/2.0/mlflow/model-versions/create',
      body: { name: 'iris', source: 'mlflow-artifacts:/3/r1/artifacts/model', run_id: 'r1' },
    });
  });

  it('shows the server error in the dialog and keeps the typed name', async () => {
    stubFetch({
      'registered-models/create': {
        status: 400,
        body: { error_code: 'INVALID_PARAMETER_VALUE', message: 'Invalid model name' },
      },
    });
    const onClose = renderDialog();
    await userEvent.type(screen.getByLabelText('Model name'), 'bad/name');
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid model name');
    expect(screen.getByLabelText('Model name')).toHaveValue('bad/name');
    expect(onClose).not.toHaveBeenCalled();
  });
});
