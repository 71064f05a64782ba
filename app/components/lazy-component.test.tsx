import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyComponent } from './lazy-component';

afterEach(cleanup);

const Hello = ({ name }: { name: string }) => <p>Hello {name}</p>;

describe('lazyComponent', () => {
  it('renders at once, with no fallback, when its code was preloaded', async () => {
    const load = vi.fn(() => Promise.resolve({ default: Hello }));
    const C = lazyComponent(load);
    await C.preload();
    render(
      <Suspense fallback={<p>loading</p>}>
        <C name="ada" />
      </Suspense>,
    );
    expect(screen.getByText('Hello ada')).toBeInTheDocument();
    expect(screen.queryByText('loading')).toBeNull();
    await C.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('suspends like React.lazy when it was not', async () => {
    const C = lazyComponent(() => Promise.resolve({ default: Hello }));
    render(
      <Suspense fallback={<p>loading</p>}>
        <C name="bo" />
      </Suspense>,
    );
    expect(screen.getByText('loading')).toBeInTheDocument();
    expect(await screen.findByText('Hello bo')).toBeInTheDocument();
  });

  it('tries again after a failed load', async () => {
    let fail = true;
    const C = lazyComponent<{ name: string }>(() =>
      fail ? Promise.reject(new Error('offline')) : Promise.resolve({ default: Hello }),
    );
    await expect(C.preload()).rejects.toThrow('offline');
    fail = false;
    await act(() => C.preload());
    render(<C name="cy" />);
    expect(screen.getByText('Hello cy')).toBeInTheDocument();
  });
});
