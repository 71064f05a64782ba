/**
 * Contract for the 42 recorded writes. The recorder ran them in sequence on
 * a copy of the workspace (create an experiment, a run in it, a registered
 * model with versions, ...), so each write is replayed on a fresh db after
 * the writes that preceded it; ids the mock creates (experiment, run) are
 * learnt from its answers and substituted in later requests. Each answer
 * must match the recording: status, JSON shape, error code and message
 * (messages that embed the server's clock are compared with digits masked).
 */
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../handlers/index';
import { exchange, loadExchanges } from './exchanges';
import { replay } from './replay';
import { shapeDiff } from './shape';
import { contractWorkspaces, type Workspace } from './workspaces';

/** The order the recorder ran them in (read off their ids, names and timestamps). */
export const WRITE_SEQUENCE = [
  'write_experiments_create',
  'write_error_experiments_create_duplicate',
  'write_experiments_set_tag',
  'write_experiments_update_rename',
  'write_experiments_delete',
  'write_experiments_restore',
  'write_error_experiments_delete_missing',
  'write_runs_create',
  'write_runs_log_metric',
  'write_runs_log_parameter',
  'write_error_runs_log_parameter_changed',
  'write_runs_log_batch',
  'write_runs_set_tag',
  'write_runs_delete_tag',
  'write_error_runs_delete_tag_missing',
  'write_runs_update',
  'write_runs_delete',
  'write_runs_restore',
  'write_registered_models_create',
  'write_error_registered_models_create_duplicate',
  'write_registered_models_update',
  'write_registered_models_set_tag',
  'write_registered_models_delete_tag',
  'write_model_versions_create',
  'write_model_versions_create_second',
  'write_model_versions_update',
  'write_model_versions_set_tag',
  'write_model_versions_delete_tag',
  'write_model_versions_transition_stage',
  'write_registered_models_alias_set',
  'write_registered_models_alias_move',
  'write_error_registered_models_alias_missing_version',
  'write_registered_models_alias_delete',
  'write_registered_models_rename',
  'write_model_versions_delete',
  'write_registered_models_delete',
  'write_traces_set_tag',
  'write_traces_delete_tag',
  'write_error_traces_delete_tag_key_in_query',
  'write_error_traces_set_tag_missing_trace',
  'write_traces_delete_traces',
  'write_traces_delete_traces_older_than',
];

const workspaces: Workspace[] = await contractWorkspaces();

const maskDigits = (s: string): string => s.replace(/\d{10,}/g, '<n>');

for (const ws of workspaces) {
  describe(`contract (${ws.label}): recorded writes, in the recorded order`, () => {
    it('covers every recorded write', () => {
      const all = loadExchanges()
        .filter((x) => x.name.startsWith('write_'))
        .map((x) => x.name)
        .sort();
      expect([...WRITE_SEQUENCE].sort()).toEqual(all);
      expect(all.length).toBe(42);
    });
    WRITE_SEQUENCE.forEach((name, k) => {
      it(name, async () => {
        const db = ws.makeDb();
        const ids = ws.ids(db);
        const handlers = createHandlers(db);
        for (const before of WRITE_SEQUENCE.slice(0, k)) {
          const x = exchange(before);
          const r = await replay(handlers, x, ids);
          expect(r.status, `setup step ${before}: ${r.text.slice(0, 300)}`).toBe(x.status);
          ids.align(x.response, r.json);
        }
        const x = exchange(name);
        const r = await replay(handlers, x, ids);
        expect(r.status, r.text.slice(0, 300)).toBe(x.status);
        expect(r.contentType).toMatch(/^application\/json/);
        const diffs = shapeDiff(x.response, r.json);
        expect(diffs, diffs.join('\n')).toEqual([]);
        const rec = x.response as { error_code?: string; message?: string };
        if (typeof rec.error_code === 'string') {
          const got = r.json as { error_code: string; message: string };
          expect(got.error_code).toBe(rec.error_code);
          expect(maskDigits(got.message)).toBe(maskDigits(ids.text(rec.message ?? '')));
        }
      });
    });
  });
}
