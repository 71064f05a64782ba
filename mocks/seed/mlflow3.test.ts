/** The MLflow 3 part of the demo seed: only on a 3.x line, deterministic, sized by its knob. */
import { describe, expect, it } from 'vitest';
import { createDemoDb, demo3Ids, demoPrompts, readScaleFromEnv } from './index';
import { playbookVersions } from './prompts';

const promptText = (db: ReturnType<typeof createDemoDb>['db'], name: string, v: number) =>
  db.modelVersions.get(name)?.[v - 1]?.tags?.find((t) => t.key === 'mlflow.prompt.text')?.value;

describe('demo seed, MLflow 3.18 line', () => {
  it('is deterministic', () => {
    const a = createDemoDb({ line: '3.18.0' }).db;
    const b = createDemoDb({ line: '3.18.0' }).db;
    expect([...a.loggedModels.values()]).toEqual([...b.loggedModels.values()]);
    expect(promptText(a, demoPrompts.PLAYBOOK, 2)).toBe(promptText(b, demoPrompts.PLAYBOOK, 2));
  });

  it('sizes the playbook prompt by RUNLENS_DEMO_PROMPT_LINES, and leaves it out at 0', () => {
    const scale = readScaleFromEnv({
      RUNLENS_DEMO_MLFLOW: '3.18',
      RUNLENS_DEMO_PROMPT_LINES: '5,000',
    });
    expect(scale).toMatchObject({ line: '3.18.0', promptLines: 5000 });
    const { db } = createDemoDb(scale);
    for (const v of [1, 2])
      expect(promptText(db, demoPrompts.PLAYBOOK, v)?.split('\n')).toHaveLength(5000);
    expect(promptText(db, demoPrompts.PLAYBOOK, 1)).not.toBe(
      promptText(db, demoPrompts.PLAYBOOK, 2),
    );
    expect(
      createDemoDb({ line: '3.18.0', promptLines: 0 }).db.registeredModels.has(
        demoPrompts.PLAYBOOK,
      ),
    ).toBe(false);
  });

  it('edits a long playbook in scattered places', () => {
    const [a, b] = playbookVersions(5000);
    // reworded steps and added notes: a few hundred edits, not a rewrite
    const edited = b.split('\n').filter((l) => l.includes('then answer') || l.includes('Note:'));
    expect(edited.length).toBeGreaterThan(50);
    expect(edited.length).toBeLessThan(500);
    expect(a.split('\n').filter((l) => l.includes('then answer'))).toEqual([]);
  });

  it('links the runs and the registry to the logged models', () => {
    const { db } = createDemoDb({ line: '3.18.0' });
    expect(db.runs.get(demo3Ids.R_LM_TRAIN)?.modelOutputs).toEqual([
      { model_id: demo3Ids.LM_IRIS, step: 0 },
    ]);
    expect(db.runs.get(demo3Ids.R_LM_SCORE)?.modelInputs).toEqual([{ model_id: demo3Ids.LM_IRIS }]);
    expect(db.modelVersions.get(demo3Ids.MODEL_LOGGED)?.map((v) => v.source)).toEqual([
      `models:/${demo3Ids.LM_IRIS}`,
      `models:/${demo3Ids.LM_IRIS_STRONG}`,
    ]);
    for (const lm of db.loggedModels.values())
      if (lm.source_run_id) expect(db.runs.has(lm.source_run_id)).toBe(true);
  });
});
