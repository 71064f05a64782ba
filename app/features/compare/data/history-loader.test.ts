import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistoryReply, HistoryRequest } from './history-protocol';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

const history = {
  metrics: [
    { key: 'loss', value: 0.5, timestamp: 20, step: 2 },
    { key: 'loss', value: 'NaN', timestamp: 10, step: 1 },
  ],
};

describe('loadFullSeries', () => {
  it('without Worker (jsdom), fetches and decodes on the main thread, sorted by step', async () => {
    vi.stubGlobal('fetch', async () => Response.json(history));
    const { loadFullSeries } = await import('./history-loader');
    const s = await loadFullSeries('r1', 'loss');
    expect([...s.steps]).toEqual([1, 2]);
    expect(Number.isNaN(s.values[0])).toBe(true);
    expect(s.values[1]).toBe(0.5);
  });

  it('with a Worker, asks it and turns its failure into an ApiError; abort tells it to stop', async () => {
    const sent: HistoryRequest[] = [];
    class FakeWorker {
      onmessage: ((e: MessageEvent<HistoryReply>) => void) | null = null;
      onerror: (() => void) | null = null;
      postMessage(m: HistoryRequest) {
        sent.push(m);
        if (m.type !== 'load') return;
        const reply: HistoryReply =
          m.runId === 'gone'
            ? {
                id: m.id,
                error: {
                  status: 404,
                  errorCode: 'RESOURCE_DOES_NOT_EXIST',
                  message: 'Run gone not found',
                  details: '',
                },
              }
            : {
                id: m.id,
                series: {
                  steps: new Float64Array([0]),
                  times: new Float64Array([5]),
                  values: new Float64Array([1]),
                },
              };
        if (m.runId !== 'slow')
          queueMicrotask(() => this.onmessage?.({ data: reply } as MessageEvent<HistoryReply>));
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', FakeWorker);
    const { loadFullSeries } = await import('./history-loader');
    expect([...(await loadFullSeries('r1', 'loss')).values]).toEqual([1]);
    await expect(loadFullSeries('gone', 'loss')).rejects.toMatchObject({
      name: 'ApiError',
      status: 404,
      message: 'Run gone not found',
    });
    const ctl = new AbortController();
    const slow = loadFullSeries('slow', 'loss', ctl.signal);
    ctl.abort();
    await expect(slow).rejects.toMatchObject({ name: 'AbortError' });
    expect(sent.at(-1)).toMatchObject({ type: 'abort' });
  });
});
