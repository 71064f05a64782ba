import { describe, expect, it } from 'vitest';
import type { BucketEngine } from './bucket-engine';
import { CompareLoader, FULL_CONCURRENCY } from './compare-loader';

/** A promise the test resolves by hand. */
function gate() {
  let open!: () => void;
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
}

describe('CompareLoader', () => {
  it('runs at most FULL_CONCURRENCY full-history loads at once, the rest in order', async () => {
    const loader = new CompareLoader(() => ({}) as BucketEngine);
    const gates = Array.from({ length: FULL_CONCURRENCY + 2 }, gate);
    const started: number[] = [];
    const done = gates.map((g, i) =>
      loader.full(async () => {
        started.push(i);
        await g.p;
        return i;
      }),
    );
    await Promise.resolve();
    expect(loader.running).toBe(FULL_CONCURRENCY);
    expect(started).toEqual([0, 1, 2, 3]);
    gates[2]!.open();
    await done[2];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    gates.forEach((g) => g.open());
    expect(await Promise.all(done)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(loader.running).toBe(0);
  });

  it('keeps its own load order: two pages never share one', () => {
    const a = new CompareLoader(() => ({}) as BucketEngine);
    const b = new CompareLoader(() => ({}) as BucketEngine);
    a.order.getState().set('loss', true, true);
    expect(a.order.getState().waitingPaint.has('loss')).toBe(true);
    expect(b.order.getState().waitingPaint.size).toBe(0);
  });

  it('creates its engine on first use and disposes it', () => {
    let made = 0;
    let disposed = 0;
    const loader = new CompareLoader(() => {
      made++;
      return { dispose: () => void disposed++ } as unknown as BucketEngine;
    });
    expect(made).toBe(0);
    void loader.engine;
    void loader.engine;
    expect(made).toBe(1);
    loader.dispose();
    expect(disposed).toBe(1);
  });
});
