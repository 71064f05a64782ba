/**
 * The app's typed client (app/api) against the mock backend through
 * msw/node (mocks/node.ts): the same handlers the demo serves, a fresh db per
 * test, unhandled requests failing the test.
 */
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  deleteRunTag,
  getMetricHistory,
  getMetricHistoryBulkInterval,
  getRun,
  getTraceData,
  getTraceInfo,
  listArtifacts,
  searchRuns,
  searchTraces,
  setRunTag,
  deleteTraceTag,
  setTraceTag,
  fetchAllPages,
} from '../../app/api';
import { setupMockBackend } from '../node';
import { createRecordedDb } from './recorded-seed';

const backend = setupMockBackend(createRecordedDb);
const R_5000 = '1f95be47eefe4566a2a39775bc207c3e';
const R_FAILED = '3ab153a926374eb3800072cef3d83f07';
const R_VISION = '2c6844b8058e42868ecaaebcc49c32a0';
const TRACE_BIG = '9f15bc7966a8400c872984a97c0bdd41';

describe('app client <-> mock backend', () => {
  it('searches runs page by page with the real page tokens', async () => {
    const all = await fetchAllPages((token) =>
      searchRuns({ experimentIds: ['1'], maxResults: 10, pageToken: token }),
    );
    expect(all).toHaveLength(48); // 49 logged, one deleted
    expect(new Set(all.map((r) => r.info.id)).size).toBe(48);
    const failed = await searchRuns({
      experimentIds: ['1'],
      filter: "attributes.status = 'FAILED'",
    });
    expect(failed.items.map((r) => r.info.status)).toEqual(['FAILED', 'FAILED', 'FAILED']);
  });

  it('decodes NaN and +inf latest metrics of a failed run', async () => {
    const run = await getRun(R_FAILED);
    expect(run.metrics['val/loss']?.value).toBeNaN();
    expect(run.metrics['train/loss']?.value).toBe(Infinity);
  });

  it('returns the whole metric history, and sampled points in bulk', async () => {
    expect(await getMetricHistory(R_5000, 'train/loss')).toHaveLength(5000);
    expect(await getMetricHistory('0123456789abcdef0123456789abcdef', 'x')).toEqual([]);
    const sampled = await getMetricHistoryBulkInterval({
      runIds: [R_5000],
      key: 'train/loss',
      maxResults: 50,
    });
    expect(sampled.length).toBeGreaterThanOrEqual(50);
    expect(sampled.length).toBeLessThanOrEqual(52);
    expect(sampled.every((p) => p.runId === R_5000)).toBe(true);
    expect(sampled[0]?.step).toBe(0);
    expect(sampled[sampled.length - 1]?.step).toBe(4999);
  });

  it('lists artifact folders', async () => {
    const root = await listArtifacts(R_VISION);
    expect(root.files.find((f) => f.path === 'images')).toEqual({
      path: 'images',
      isDir: true,
      fileSize: null,
    });
    expect((await listArtifacts(R_VISION, 'metrics_summary.csv')).files).toEqual([]);
  });

  it('reads traces and keeps span nanoseconds exact', async () => {
    const page = await searchTraces({ experimentIds: ['5'], maxResults: 5 });
    expect(page.items).toHaveLength(5);
    expect(page.nextPageToken).toBeTruthy();
    expect((await getTraceInfo(TRACE_BIG)).name).toBe('batch_embedding_job');
    const data = await getTraceData(TRACE_BIG);
    expect(data.spans.length).toBe(300);
    expect(data.spans[0]?.startNs).toBe(0);
  });

  it('writes tags and turns error bodies into ApiError', async () => {
    await setRunTag(R_VISION, 'reviewed', 'yes');
    expect((await getRun(R_VISION)).tags.reviewed).toBe('yes');
    await deleteRunTag(R_VISION, 'reviewed');
    await expect(deleteRunTag(R_VISION, 'reviewed')).rejects.toMatchObject({
      status: 404,
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
    });
    await setTraceTag(TRACE_BIG, 'k', 'v');
    expect(backend.db.traces.get(TRACE_BIG)?.info.tags).toContainEqual({ key: 'k', value: 'v' });
    await deleteTraceTag(TRACE_BIG, 'k');
    const err = await searchRuns({
      experimentIds: ['1'],
      filter: 'metrics.val/accuracy >> 0.8 and',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, errorCode: 'INVALID_PARAMETER_VALUE' });
    expect((err as ApiError).message).toBe(
      "Invalid comparison clause. Expected 'Identifier' found 'metrics.val/accuracy'",
    );
  });

  it('gives each test a fresh db', () => {
    expect(backend.db.runs.get(R_VISION)?.tags.some((t) => t.key === 'reviewed')).toBe(false);
    expect(backend.db.traces.get(TRACE_BIG)?.info.tags?.some((t) => t.key === 'k')).toBe(false);
  });

  it('fails on requests no handler answers', async () => {
    await expect(fetch('http://elsewhere.test/not-mlflow')).rejects.toThrow();
  });
});
