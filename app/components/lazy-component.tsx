import { lazy, type ComponentType } from 'react';

/**
 * React.lazy suspends on its first render even when the chunk is already
 * here, and React then holds the reveal back (its Suspense throttle, about
 * 300 ms). This component renders at once when `preload()` has finished
 * before it mounts, and falls back to React.lazy (and the nearest Suspense)
 * otherwise.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
) {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  const preload = (): Promise<void> =>
    (pending ??= load().then(
      (m) => {
        loaded = m.default;
      },
      (e: unknown) => {
        pending = null; // let a later render try again
        throw e;
      },
    ));
  const Lazy = lazy(() => preload().then(() => ({ default: loaded as ComponentType<P> })));
  function LazyComponent(props: P) {
    const C = loaded ?? Lazy;
    return <C {...props} />;
  }
  return Object.assign(LazyComponent, { preload });
}
