import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api';
import * as api from '../../../api';
import { registeredModelKeys } from '../../../lib/query-keys';
import { AliasesPanel } from './AliasesPanel';

vi.mock('../../../api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../api')>();
  return { ...real, setRegisteredModelAlias: vi.fn(), deleteRegisteredModelAlias: vi.fn() };
});

// jsdom has no <dialog> methods.
beforeEach(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});
afterEach(() => {
  cleanup();
  vi.mocked(api.setRegisteredModelAlias).mockReset();
});

function setup(qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })) {
  const wrap = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={qc}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>
  );
  render(
    <AliasesPanel
      modelName="iris"
      aliases={{ champion: '2', challenger: '3' }}
      versions={['3', '2', '1']}
    />,
    { wrapper: wrap },
  );
  return qc;
}

describe('AliasesPanel', () => {
  it('asks before moving an alias, naming where it pointed, then sets it and refreshes the model', async () => {
    vi.mocked(api.setRegisteredModelAlias).mockResolvedValue(undefined);
    const qc = setup();
    const spy = vi.spyOn(qc, 'invalidateQueries');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Alias'), 'champion');
    await user.selectOptions(screen.getByLabelText('Alias version'), '3');
    await user.click(screen.getByRole('button', { name: 'Set alias' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('points to version 2 now');
    expect(dialog).toHaveTextContent('will point to version 3');
    expect(api.setRegisteredModelAlias).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Move alias' }));
    await waitFor(() =>
      expect(api.setRegisteredModelAlias).toHaveBeenCalledWith('iris', 'champion', '3'),
    );
    await waitFor(() =>
      expect(spy).toHaveBeenCalledWith({ queryKey: registeredModelKeys.detail('iris') }),
    );
  });

  it('creates a new alias without asking', async () => {
    vi.mocked(api.setRegisteredModelAlias).mockResolvedValue(undefined);
    setup();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Alias'), 'best');
    await user.selectOptions(screen.getByLabelText('Alias version'), '1');
    await user.click(screen.getByRole('button', { name: 'Set alias' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() =>
      expect(api.setRegisteredModelAlias).toHaveBeenCalledWith('iris', 'best', '1'),
    );
  });

  it("shows the server's message when the write fails and keeps the typed alias", async () => {
    vi.mocked(api.setRegisteredModelAlias).mockRejectedValue(
      new ApiError(
        404,
        'RESOURCE_DOES_NOT_EXIST',
        'Model Version (name=iris, version=1) not found',
      ),
    );
    const qc = setup();
    const spy = vi.spyOn(qc, 'invalidateQueries');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Alias'), 'best');
    await user.selectOptions(screen.getByLabelText('Alias version'), '1');
    await user.click(screen.getByRole('button', { name: 'Set alias' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Model Version (name=iris, version=1) not found',
    );
    expect(screen.getByLabelText('Alias')).toHaveValue('best');
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses reserved aliases before asking the server', async () => {
    setup();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Alias'), 'latest');
    await user.selectOptions(screen.getByLabelText('Alias version'), '1');
    await user.click(screen.getByRole('button', { name: 'Set alias' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/reserved/);
    expect(api.setRegisteredModelAlias).not.toHaveBeenCalled();
  });
});
