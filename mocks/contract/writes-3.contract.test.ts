/**
 * Contract (MLflow 3.18.0): the recorded assessment and trace-tag writes,
 * replayed in their recorded order against the recorded 3.18 workspace
 * (recorded-seed-3.ts, real ids), answer with the recorded status, body form
 * and JSON shape, and change the workspace as the real server did. The
 * logged-model and prompt writes are replayed in mlflow3-models.contract.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../handlers/index';
import { contentTypeOf, type Exchange } from './exchanges';
import { exchange3, loadExchanges3 } from './exchanges-3';
import { createRecordedDb3 } from './recorded-seed-3';
import { IdMap, replay } from './replay';
import { shapeDiff } from './shape';

const TRACE = 'tr-26081c3034e5b21fdb2d3b6130d4230c';
/** The recorded ids the server gave the two new assessments. */
const RECORDED_FEEDBACK = 'a-035b8d573e194f89bb483d6f2fdfd85f';
const RECORDED_EXPECTATION = 'a-95851846453144ef984169cc5bf422e2';

const WRITES = [
  'write_assessments_create_feedback',
  'write_assessments_create_expectation',
  'write_assessments_update',
  'write_assessments_delete',
  'write_error_assessments_delete_missing',
  'write_traces_set_tag_v3',
  'write_traces_delete_tag_v3',
];

const hexOf = (assessmentId: string) => assessmentId.replace(/^a-/, '');

describe('contract (3.18.0 recorded workspace): assessment and trace-tag writes', () => {
  it('covers every recorded 3.18 write that no other contract test replays', () => {
    const covered = new Set([...WRITES]);
    const others = loadExchanges3()
      .map((x) => x.name)
      .filter((n) => n.startsWith('write_') && !/logged_models|prompts|runs_/.test(n));
    expect(others.filter((n) => !covered.has(n))).toEqual([]);
  });

  it('answers them in order, as recorded, and the trace shows each change', async () => {
    const db = createRecordedDb3();
    const handlers = createHandlers(db);
    const ids = new IdMap();
    const trace = db.traces.get(TRACE);
    expect(trace, `${TRACE} in the recorded workspace`).toBeDefined();
    const before = trace?.assessments?.length ?? 0;

    const answer = async (x: Exchange): Promise<unknown> => {
      const r = await replay(handlers, x, ids);
      expect(r.status, `${x.name} status (body ${r.text.slice(0, 300)})`).toBe(x.status);
      expect(r.contentType.split(';')[0]).toBe(contentTypeOf(x).split(';')[0]);
      const diffs = shapeDiff(x.response, r.json, []);
      expect(diffs, `${x.name}: ${diffs.join('\n')}`).toEqual([]);
      return r.json;
    };
    const created = async (name: string, recordedId: string): Promise<string> => {
      const body = (await answer(exchange3(name))) as { assessment: { assessment_id: string } };
      const id = body.assessment.assessment_id;
      expect(id).toMatch(/^a-[0-9a-f]{32}$/);
      // later requests name the recorded id: they mean the one the mock made
      ids.hex.set(hexOf(recordedId), hexOf(id));
      return id;
    };

    const feedback = await created('write_assessments_create_feedback', RECORDED_FEEDBACK);
    await created('write_assessments_create_expectation', RECORDED_EXPECTATION);
    expect(trace?.assessments?.length).toBe(before + 2);

    const updated = (await answer(exchange3('write_assessments_update'))) as {
      assessment: { assessment_id: string; feedback?: { value: unknown }; rationale?: string };
    };
    expect(updated.assessment).toMatchObject({
      assessment_id: feedback,
      feedback: { value: false },
      rationale: 'On reflection, no.',
    });

    expect(await answer(exchange3('write_assessments_delete'))).toEqual({});
    expect(trace?.assessments?.some((a) => a.assessment_id === feedback)).toBe(false);
    expect(trace?.assessments?.length).toBe(before + 1);
    // 3.18 answers a delete of an assessment that does not exist with 200 and {}
    expect(await answer(exchange3('write_error_assessments_delete_missing'))).toEqual({});
    expect(trace?.assessments?.length).toBe(before + 1);

    const tag = () => trace?.info.tags?.find((t) => t.key === 'reviewed')?.value;
    expect(await answer(exchange3('write_traces_set_tag_v3'))).toEqual({});
    expect(tag()).toBe('yes');
    expect(await answer(exchange3('write_traces_delete_tag_v3'))).toEqual({});
    expect(tag()).toBeUndefined();
  });
});
