import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { artifactKeys } from '../../lib/query-keys';
import { warmArtifact } from './warm';

/** A fetch stub for artifacts/list and get-artifact, recording each request's path and query. */
function stubArtifacts(files: Record<string, { is_dir?: boolean; file_size?: number }[]>) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', async (input: string) => {
    const url = new URL(input);
    calls.push(
      `${url.pathname.replace(/^.*\/mlflow\//, '').replace(/^\//, '')} ${url.searchParams.get('path') ?? ''}`,
    );
    if (url.pathname.endsWith('/artifacts/list')) {
      const dir = url.searchParams.get('path') ?? '';
      return Response.json({
        root_uri: 'x',
        files: (files[dir] ?? []).map((f, i) => ({ path: `${dir ? `${dir}/` : ''}f${i}`, ...f })),
      });
    }
    return new Response('a,b\n1,2\n');
  });
  return calls;
}

const settle = () => new Promise((r) => setTimeout(r, 20));

afterEach(() => vi.unstubAllGlobals());

describe('warmArtifact (a link that names an artifact)', () => {
  it('lists every folder on the way at once, then fetches a previewable file', async () => {
    const calls = stubArtifacts({ 'a/b': [{ file_size: 8 }] });
    const qc = new QueryClient();
    warmArtifact(qc, 'r1', 'a/b/f0');
    await settle();
    expect(calls.filter((c) => c.startsWith('artifacts/list')).sort()).toEqual([
      'artifacts/list a',
      'artifacts/list a/b',
    ]);
    expect(calls).toContain('get-artifact a/b/f0');
  });

  it('does not download a file over its preview limit, a binary file, or one the folder does not list', async () => {
    const calls = stubArtifacts({ d: [{ file_size: 60 * 1024 * 1024 }] });
    const qc = new QueryClient();
    warmArtifact(qc, 'r1', 'd/f0'); // too large (file name has no extension: text, 10 MB limit)
    warmArtifact(qc, 'r1', 'd/model.pkl');
    warmArtifact(qc, 'r1', 'd/missing.csv');
    await settle();
    expect(calls.some((c) => c.startsWith('get-artifact'))).toBe(false);
    expect(qc.getQueryData(artifactKeys.list('r1', 'd'))).toBeDefined();
  });

  it('does nothing without a run or a path', async () => {
    const calls = stubArtifacts({});
    warmArtifact(new QueryClient(), 'r1', '');
    await settle();
    expect(calls).toEqual([]);
  });
});
