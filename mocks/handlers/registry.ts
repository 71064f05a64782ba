/** registered-models/* and model-versions/*: reads, writes, stages, aliases, tags. */
import type { WireModelVersion } from '../../app/api/wire';
import { isLine3, type Db, type DbRegisteredModel } from '../db';
import { isPromptTagged, queriesPrompts } from '../search/prompts';
import {
  compileModelFilter,
  compileModelOrder,
  compileModelVersionFilter,
  compileModelVersionOrder,
} from '../search/registry';
import { paginate } from '../search/page-token';
import { alreadyExists, invalidParameter, json, type Args, type Ctx } from './http';
import { both, type RouteDef } from './router';
import {
  aliasesOf,
  getModelOr404,
  getVersionOr404,
  latestVersions,
  modelVersionToWire,
  registeredModelToWire,
  upsertKv,
} from './serialize';
import { locateUri } from './artifacts';

const STAGES = ['None', 'Staging', 'Production', 'Archived'];

function maxResults(args: Args, dflt: number, limit: number): number {
  const max = args.int('max_results') ?? dflt;
  if (max < 1)
    throw invalidParameter(
      `Invalid value for request parameter max_results. It must be a positive integer, but got value ${max}`,
    );
  if (max > limit)
    throw invalidParameter(
      `Invalid value for request parameter max_results. It must be at most ${limit}, but got value ${max}`,
    );
  return max;
}

function searchModels({ db, args }: Ctx): Response {
  const max = maxResults(args, 100, 1000);
  const filter = compileModelFilter(args.str('filter'));
  const order = compileModelOrder(args.list('order_by'));
  // 3.x: prompts only when the filter asks for them, models only when it does not.
  const prompts = isLine3(db) ? queriesPrompts(args.str('filter')) : null;
  const hits = [...db.registeredModels.values()].filter(
    (rm) =>
      (prompts === null || isPromptTagged(rm.model.tags) === prompts) &&
      (!filter || filter(rm.model)),
  );
  const sorted = order(hits.map((rm) => ({ ...rm.model, rm })));
  const { page, next } = paginate(sorted, args.str('page_token'), max);
  return json({
    ...(page.length
      ? { registered_models: page.map((row) => registeredModelToWire(db, row.rm)) }
      : {}),
    ...(next ? { next_page_token: next } : {}),
  });
}

function getModel({ db, args }: Ctx): Response {
  return json({
    registered_model: registeredModelToWire(db, getModelOr404(db, args.reqStr('name'))),
  });
}

function touch(rm: DbRegisteredModel, now = Date.now()): void {
  rm.model.last_updated_timestamp = now;
}

function createModel({ db, args }: Ctx): Response {
  const name = args.reqStr('name');
  const now = Date.now();
  const description = args.str('description') ?? '';
  if (db.registeredModels.has(name)) {
    throw alreadyExists(
      `Registered Model (name=${name}) already exists. Error: (sqlite3.IntegrityError) UNIQUE constraint failed: registered_models.name\n` +
        `[SQL: INSERT INTO registered_models (name, creation_time, last_updated_time, description) VALUES (?, ?, ?, ?)]\n` +
        `[parameters: ('${name}', ${now}, ${now}, '${description}')]\n(Background on this error at: https://sqlalche.me/e/14/gkpj)`,
    );
  }
  const tags = args.keyValues('tags');
  const rm: DbRegisteredModel = {
    model: {
      name,
      creation_timestamp: now,
      last_updated_timestamp: now,
      description,
      ...(tags.length ? { tags } : {}),
    },
    aliases: new Map(),
  };
  db.registeredModels.set(name, rm);
  db.modelVersions.set(name, []);
  return json({ registered_model: registeredModelToWire(db, rm) });
}

function updateModel({ db, args }: Ctx): Response {
  const rm = getModelOr404(db, args.reqStr('name'));
  const description = args.str('description');
  if (description !== undefined) rm.model.description = description;
  touch(rm);
  return json({ registered_model: registeredModelToWire(db, rm) });
}

function renameModel({ db, args }: Ctx): Response {
  const name = args.reqStr('name');
  const newName = args.reqStr('new_name');
  const rm = getModelOr404(db, name);
  if (newName !== name && db.registeredModels.has(newName)) {
    throw alreadyExists(`Registered Model (name=${newName}) already exists.`);
  }
  const now = Date.now();
  const versions = db.modelVersions.get(name) ?? [];
  for (const mv of versions) {
    mv.name = newName;
    mv.last_updated_timestamp = now;
  }
  db.registeredModels.delete(name);
  db.modelVersions.delete(name);
  rm.model.name = newName;
  touch(rm, now);
  db.registeredModels.set(newName, rm);
  db.modelVersions.set(newName, versions);
  return json({ registered_model: registeredModelToWire(db, rm) });
}

function deleteModel({ db, args }: Ctx): Response {
  const name = args.reqStr('name');
  getModelOr404(db, name);
  db.registeredModels.delete(name);
  db.modelVersions.delete(name);
  return json({});
}

function setModelTag({ db, args }: Ctx): Response {
  const rm = getModelOr404(db, args.reqStr('name'));
  upsertKv(rm.model.tags ?? (rm.model.tags = []), args.reqStr('key'), args.str('value') ?? '');
  return json({});
}

function deleteModelTag({ db, args }: Ctx): Response {
  const rm = getModelOr404(db, args.reqStr('name'));
  const key = args.reqStr('key');
  rm.model.tags = (rm.model.tags ?? []).filter((t) => t.key !== key);
  return json({});
}

function getLatestVersions({ db, args }: Ctx): Response {
  const name = args.reqStr('name');
  getModelOr404(db, name);
  const latest = latestVersions(db.modelVersions.get(name) ?? [], args.list('stages')).map((mv) =>
    modelVersionToWire(mv),
  );
  return json(latest.length ? { model_versions: latest } : {});
}

// ---- aliases ---------------------------------------------------------------------------------

function setAlias({ db, args }: Ctx): Response {
  const name = args.reqStr('name');
  const alias = args.reqStr('alias');
  const version = args.reqStr('version');
  const rm = getModelOr404(db, name);
  getVersionOr404(db, name, version);
  rm.aliases.set(alias, version);
  return json({});
}

function deleteAlias({ db, args }: Ctx): Response {
  const rm = getModelOr404(db, args.reqStr('name'));
  rm.aliases.delete(args.reqStr('alias'));
  return json({});
}

function getByAlias({ db, args }: Ctx): Response {
  const name = args.reqStr('name');
  const alias = args.reqStr('alias');
  const rm = getModelOr404(db, name);
  const version = rm.aliases.get(alias);
  if (version === undefined) throw invalidParameter(`Registered model alias ${alias} not found.`);
  const mv = getVersionOr404(db, name, version);
  return json({ model_version: modelVersionToWire(mv, aliasesOf(rm, mv.version)) });
}

// ---- model versions --------------------------------------------------------------------------

function versionArgs(db: Db, args: Args): { rm: DbRegisteredModel; mv: WireModelVersion } {
  const name = args.reqStr('name');
  const version = args.reqStr('version');
  const rm = getModelOr404(db, name);
  return { rm, mv: getVersionOr404(db, name, version) };
}

function withAliases(rm: DbRegisteredModel, mv: WireModelVersion): WireModelVersion {
  return modelVersionToWire(mv, aliasesOf(rm, mv.version));
}

function searchVersions({ db, args }: Ctx): Response {
  const max = maxResults(args, 10000, 200000);
  const filter = compileModelVersionFilter(args.str('filter'));
  const order = compileModelVersionOrder(args.list('order_by'));
  const prompts = isLine3(db) ? queriesPrompts(args.str('filter')) : null;
  const hits: WireModelVersion[] = [];
  for (const versions of db.modelVersions.values())
    for (const mv of versions)
      if ((prompts === null || isPromptTagged(mv.tags) === prompts) && (!filter || filter(mv)))
        hits.push(mv);
  const { page, next } = paginate(order(hits), args.str('page_token'), max);
  return json({
    ...(page.length ? { model_versions: page.map((mv) => modelVersionToWire(mv)) } : {}),
    ...(next ? { next_page_token: next } : {}),
  });
}

function getVersion({ db, args }: Ctx): Response {
  const { rm, mv } = versionArgs(db, args);
  return json({ model_version: withAliases(rm, mv) });
}

function createVersion({ db, args }: Ctx): Response {
  const name = args.reqStr('name');
  const source = args.reqStr('source');
  const rm = getModelOr404(db, name);
  const versions = db.modelVersions.get(name) ?? [];
  const next = versions.reduce((m, v) => Math.max(m, Number(v.version) || 0), 0) + 1;
  const now = Date.now();
  const tags = args.keyValues('tags');
  const mv: WireModelVersion = {
    name,
    version: String(next),
    creation_timestamp: now,
    last_updated_timestamp: now,
    current_stage: 'None',
    description: args.str('description') ?? '',
    source,
    run_id: args.str('run_id') ?? '',
    status: 'READY',
    ...(tags.length ? { tags } : {}),
    run_link: args.str('run_link') ?? '',
  };
  versions.push(mv);
  db.modelVersions.set(name, versions);
  touch(rm, now);
  return json({ model_version: withAliases(rm, mv) });
}

function updateVersion({ db, args }: Ctx): Response {
  const { rm, mv } = versionArgs(db, args);
  const description = args.str('description');
  if (description !== undefined) mv.description = description;
  mv.last_updated_timestamp = Date.now();
  return json({ model_version: withAliases(rm, mv) });
}

function transitionStage({ db, args }: Ctx): Response {
  const { rm, mv } = versionArgs(db, args);
  const raw = args.reqStr('stage');
  const stage = STAGES.find((s) => s.toLowerCase() === raw.toLowerCase());
  if (!stage)
    throw invalidParameter(
      `Invalid Model Version stage: ${raw}. Value must be one of ${STAGES.join(', ')}.`,
    );
  const archive = args.bool('archive_existing_versions') ?? false;
  const now = Date.now();
  if (archive && (stage === 'Staging' || stage === 'Production')) {
    for (const other of db.modelVersions.get(mv.name) ?? []) {
      if (other !== mv && other.current_stage === stage) {
        other.current_stage = 'Archived';
        other.last_updated_timestamp = now;
      }
    }
  }
  mv.current_stage = stage;
  mv.last_updated_timestamp = now;
  touch(rm, now);
  return json({ model_version: withAliases(rm, mv) });
}

function deleteVersion({ db, args }: Ctx): Response {
  const { rm, mv } = versionArgs(db, args);
  db.modelVersions.set(
    mv.name,
    (db.modelVersions.get(mv.name) ?? []).filter((v) => v !== mv),
  );
  for (const [alias, version] of [...rm.aliases])
    if (version === mv.version) rm.aliases.delete(alias);
  touch(rm);
  return json({});
}

function setVersionTag({ db, args }: Ctx): Response {
  const { mv } = versionArgs(db, args);
  upsertKv(mv.tags ?? (mv.tags = []), args.reqStr('key'), args.str('value') ?? '');
  return json({});
}

function deleteVersionTag({ db, args }: Ctx): Response {
  const { mv } = versionArgs(db, args);
  const key = args.reqStr('key');
  mv.tags = (mv.tags ?? []).filter((t) => t.key !== key);
  return json({});
}

function downloadUri({ db, args }: Ctx): Response {
  const { mv } = versionArgs(db, args);
  let uri = mv.source ?? '';
  // A `runs:/` source is stored resolved to the run's artifact location.
  const where = uri.startsWith('runs:/') ? locateUri(db, uri) : null;
  if (where?.kind === 'run') {
    const root = db.runs.get(where.runId)?.info.artifact_uri ?? '';
    uri = where.folder ? `${root}/${where.folder}` : root;
  }
  return json({ artifact_uri: uri });
}

export function registryRoutes(): RouteDef[] {
  return [
    ...both('/registered-models/search', { GET: searchModels }),
    ...both('/registered-models/get', { GET: getModel }),
    ...both('/registered-models/create', { POST: createModel }),
    ...both('/registered-models/update', { PATCH: updateModel }),
    ...both('/registered-models/rename', { POST: renameModel }),
    ...both('/registered-models/delete', { DELETE: deleteModel }),
    ...both('/registered-models/set-tag', { POST: setModelTag }),
    ...both('/registered-models/delete-tag', { DELETE: deleteModelTag }),
    ...both('/registered-models/get-latest-versions', {
      GET: getLatestVersions,
      POST: getLatestVersions,
    }),
    ...both('/registered-models/alias', { GET: getByAlias, POST: setAlias, DELETE: deleteAlias }),
    ...both('/model-versions/search', { GET: searchVersions }),
    ...both('/model-versions/get', { GET: getVersion }),
    ...both('/model-versions/create', { POST: createVersion }),
    ...both('/model-versions/update', { PATCH: updateVersion }),
    ...both('/model-versions/transition-stage', { POST: transitionStage }),
    ...both('/model-versions/delete', { DELETE: deleteVersion }),
    ...both('/model-versions/set-tag', { POST: setVersionTag }),
    ...both('/model-versions/delete-tag', { DELETE: deleteVersionTag }),
    ...both('/model-versions/get-download-uri', { GET: downloadUri }),
  ];
}
