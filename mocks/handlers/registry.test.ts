/** Registry semantics: version numbering, stages, latest_versions, aliases, rename, delete. */
import { describe, expect, it } from 'vitest';
import { createRecordedDb } from '../contract/recorded-seed';
import { client, type Call } from './test-client';

const API = '/api/2.0/mlflow';
const SOURCE = 'mlflow-artifacts:/3/3e3374d79f124f52be62a48e28e484fc/artifacts/model';

async function modelWithVersions(call: Call, n: number): Promise<void> {
  await call('POST', `${API}/registered-models/create`, { name: 'm' });
  for (let i = 0; i < n; i++)
    await call('POST', `${API}/model-versions/create`, {
      name: 'm',
      source: SOURCE,
      run_id: '3e3374d79f124f52be62a48e28e484fc',
    });
}

type Version = { version: string; current_stage: string; aliases?: string[] };

async function latest(call: Call): Promise<string[]> {
  const rm = (await call('GET', `${API}/registered-models/get`, { name: 'm' })).body
    .registered_model as { latest_versions?: Version[] };
  return (rm.latest_versions ?? []).map((v) => `${v.current_stage}:${v.version}`);
}

describe('registry', () => {
  it('numbers versions and computes latest_versions per stage', async () => {
    const call = client(createRecordedDb());
    await modelWithVersions(call, 3);
    expect(await latest(call)).toEqual(['None:3']);
    await call('POST', `${API}/model-versions/transition-stage`, {
      name: 'm',
      version: '1',
      stage: 'production',
      archive_existing_versions: false,
    });
    expect(await latest(call)).toEqual(['Production:1', 'None:3']);
    const staged = await call('POST', `${API}/registered-models/get-latest-versions`, {
      name: 'm',
      stages: ['Production'],
    });
    expect((staged.body.model_versions as Version[]).map((v) => v.version)).toEqual(['1']);
  });

  it('archives the other versions of the stage with archive_existing_versions', async () => {
    const call = client(createRecordedDb());
    await modelWithVersions(call, 2);
    await call('POST', `${API}/model-versions/transition-stage`, {
      name: 'm',
      version: '1',
      stage: 'Production',
      archive_existing_versions: false,
    });
    const r = await call('POST', `${API}/model-versions/transition-stage`, {
      name: 'm',
      version: '2',
      stage: 'Production',
      archive_existing_versions: true,
    });
    expect((r.body.model_version as Version).current_stage).toBe('Production');
    const v1 = (await call('GET', `${API}/model-versions/get`, { name: 'm', version: '1' })).body
      .model_version as Version;
    expect(v1.current_stage).toBe('Archived');
    expect(
      (
        await call('POST', `${API}/model-versions/transition-stage`, {
          name: 'm',
          version: '2',
          stage: 'Nope',
        })
      ).status,
    ).toBe(400);
  });

  it('moves, resolves and deletes aliases; a missing alias is a 400, a missing version a 404', async () => {
    const call = client(createRecordedDb());
    await modelWithVersions(call, 2);
    await call('POST', `${API}/registered-models/alias`, {
      name: 'm',
      alias: 'champion',
      version: '1',
    });
    await call('POST', `${API}/registered-models/alias`, {
      name: 'm',
      alias: 'champion',
      version: '2',
    });
    const byAlias = await call('GET', `${API}/registered-models/alias`, {
      name: 'm',
      alias: 'champion',
    });
    expect((byAlias.body.model_version as Version).version).toBe('2');
    expect((byAlias.body.model_version as Version).aliases).toEqual(['champion']);
    const rm = (await call('GET', `${API}/registered-models/get`, { name: 'm' })).body
      .registered_model as { aliases: unknown };
    expect(rm.aliases).toEqual([{ alias: 'champion', version: '2' }]);
    expect(
      (
        await call('POST', `${API}/registered-models/alias`, {
          name: 'm',
          alias: 'x',
          version: '9',
        })
      ).status,
    ).toBe(404);
    await call('DELETE', `${API}/registered-models/alias`, { name: 'm', alias: 'champion' });
    const gone = await call('GET', `${API}/registered-models/alias`, {
      name: 'm',
      alias: 'champion',
    });
    expect([gone.status, gone.body.message]).toEqual([
      400,
      'Registered model alias champion not found.',
    ]);
  });

  it('renames with the versions and aliases; delete removes the versions', async () => {
    const call = client(createRecordedDb());
    await modelWithVersions(call, 2);
    await call('POST', `${API}/registered-models/alias`, { name: 'm', alias: 'a', version: '2' });
    const renamed = await call('POST', `${API}/registered-models/rename`, {
      name: 'm',
      new_name: 'n',
    });
    expect((renamed.body.registered_model as { name: string }).name).toBe('n');
    expect(
      (await call('GET', `${API}/model-versions/get`, { name: 'n', version: '2' })).body
        .model_version,
    ).toMatchObject({ name: 'n', aliases: ['a'] });
    expect((await call('GET', `${API}/registered-models/get`, { name: 'm' })).status).toBe(404);
    const dup = await call('POST', `${API}/registered-models/rename`, {
      name: 'n',
      new_name: 'iris-classifier',
    });
    expect(dup.body.error_code).toBe('RESOURCE_ALREADY_EXISTS');
    await call('DELETE', `${API}/model-versions/delete`, { name: 'n', version: '2' });
    expect(
      (await call('GET', `${API}/registered-models/get`, { name: 'n' })).body.registered_model,
    ).not.toHaveProperty('aliases');
    await call('DELETE', `${API}/registered-models/delete`, { name: 'n' });
    const left = await call('GET', `${API}/model-versions/search`, { filter: "name='n'" });
    expect(left.body).toEqual({});
  });

  it('searches versions by run and pages registered models', async () => {
    const call = client(createRecordedDb());
    const byRun = await call('GET', `${API}/model-versions/search`, {
      filter: "run_id IN ('3e3374d79f124f52be62a48e28e484fc')",
    });
    expect((byRun.body.model_versions as Version[]).map((v) => v.version)).toEqual(['2']);
    const p1 = await call('GET', `${API}/registered-models/search`, { max_results: 2 });
    const p2 = await call('GET', `${API}/registered-models/search`, {
      max_results: 2,
      page_token: p1.body.next_page_token,
    });
    expect(p2.body.next_page_token).toBeUndefined();
    expect(
      (await call('GET', `${API}/registered-models/search`, { max_results: 1001 })).status,
    ).toBe(400);
  });

  it('resolves a runs:/ source for downloads', async () => {
    const call = client(createRecordedDb());
    await call('POST', `${API}/registered-models/create`, { name: 'r' });
    await call('POST', `${API}/model-versions/create`, {
      name: 'r',
      source: 'runs:/3e3374d79f124f52be62a48e28e484fc/model',
    });
    const uri = await call('GET', `${API}/model-versions/get-download-uri`, {
      name: 'r',
      version: '1',
    });
    expect(uri.body.artifact_uri).toBe(SOURCE);
    const file = await call('GET', '/model-versions/get-artifact', {
      name: 'r',
      version: '1',
      path: 'MLmodel',
    });
    expect(file.status).toBe(200);
  });
});
