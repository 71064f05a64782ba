/**
 * What MLflow 3 adds, against the real 3.x server, with the data tools/workload/v3.py
 * logged through the real client: logged models, human feedback on spans, sessions,
 * prompt versions and evaluation runs, and the hostile strings they carry.
 */
import type { Locator } from '@playwright/test';
import { expect, expectNothingInjected, test } from './stacks';
import { v3Manifest, type ScorerResult } from './v3-manifest';

// playwright.real.config.ts runs this spec on the 3.x lines only; a 2.x stack here is a config error.
test.beforeEach(({ stack }) => {
  if (!stack.version.startsWith('3.'))
    throw new Error(`mlflow3.spec.ts ran against MLflow ${stack.version}: it is for 3.x servers`);
});

/** An entry the workload must have logged; a missing one fails the test by name. */
function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the workload manifest has no ${what}`);
  return value;
}

const shown = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4))));

/** Rows with cells: the body of a <table> or of a div grid (which has no rowgroups). */
const bodyRows = (table: Locator) =>
  table.getByRole('row').filter({ has: table.page().getByRole('cell') });

/** Where a column is, by its header's text (assessment headers add value counts after it). */
async function columnIndex(table: Locator, header: string): Promise<number> {
  const headers = (await table.getByRole('columnheader').allInnerTexts()).map((t) => t.trim());
  const at = headers.findIndex((h) => h === header || new RegExp(`^${escape(header)}\\s`).test(h));
  expect(at, `column ${header} in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return at;
}

/** The texts of one column of a table's body. */
async function columnTexts(table: Locator, header: string): Promise<string[]> {
  const at = await columnIndex(table, header);
  const out: string[] = [];
  for (const row of await bodyRows(table).all())
    out.push((await row.getByRole('cell').nth(at).innerText()).trim());
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a logged model shows its params, its metrics by dataset and its registered version', async ({
  page,
  stack,
  dialogs,
}) => {
  const m = v3Manifest(stack.manifest);
  const model = m.logged_models['iris-logreg'];
  await page.goto(stack.url(`/experiments/${m.experiments.logged_models}/models`));
  await page.getByRole('link', { name: 'iris-logreg', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'iris-logreg' })).toBeVisible();
  const params = page.getByRole('table', { name: 'Parameters' });
  for (const [key, value] of Object.entries(model.params))
    await expect(params.getByRole('row', { name: `${key} ${value}`, exact: true })).toBeVisible();
  for (const [dataset, metrics] of Object.entries(model.metrics)) {
    const table = page.getByRole('table', { name: `Metrics: Dataset ${dataset}` });
    await expect(table.getByRole('row')).toHaveCount(Object.keys(metrics).length);
    for (const [key, value] of Object.entries(metrics))
      await expect(
        table.getByRole('row', { name: `${key} ${shown(value)}`, exact: true }),
      ).toBeVisible();
  }
  const { name, version } = m.logged_models.registered;
  await page
    .getByRole('region', { name: 'Registered versions' })
    .getByRole('link', { name: `${name} version ${version}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/models/${name}/versions/${version}$`));
  await expect(
    page.getByRole('heading', { level: 1, name: `${name} version ${version}` }),
  ).toBeVisible();
  // The version page links back to the logged model it was made from.
  await page.getByRole('link', { name: `iris-logreg ${model.model_id}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'iris-logreg' })).toBeVisible();
  expect(dialogs).toEqual([]);
});

test('human feedback on a span: added, edited, shown in the traces list, deleted', async ({
  page,
  stack,
  dialogs,
}, testInfo) => {
  const m = v3Manifest(stack.manifest);
  const exp = m.experiments.assessments;
  const traceId = m.assessments.traces[2];
  // A retry runs on the same server: its feedback has a name of its own.
  const name = `e2e_review_${testInfo.retry}`;
  const tracePage = stack.url(`/experiments/${exp}/traces/${traceId}`);
  await page.goto(tracePage);
  await page
    .getByRole('tree', { name: 'Spans' })
    .getByRole('treeitem', { name: 'retrieve' })
    .click();
  const panel = page.getByRole('region', { name: /^Assessments/ });
  await panel.getByRole('button', { name: 'Add to span retrieve' }).click();
  const add = panel.getByRole('form', { name: 'Add assessment' });
  await add.getByLabel('Name').fill(name);
  await add.getByLabel('Value').fill('true');
  await add.getByLabel('Rationale').fill('Cites the right document.');
  await add.getByRole('button', { name: 'Add assessment' }).click();
  const onSpan = panel.getByRole('list', { name: 'Assessments on span retrieve' });
  const item = onSpan.getByRole('listitem', { name: `feedback ${name}` });
  await expect(item).toContainText('pass');
  await expect(item).toContainText('Cites the right document.');

  // Edited, and still so after a reload: the server has it.
  await item.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = panel.getByRole('form', { name: 'Edit assessment' });
  await edit.getByLabel('Value').fill('false');
  await edit.getByLabel('Rationale').fill('Wrong document after all.');
  await edit.getByRole('button', { name: 'Save assessment' }).click();
  await expect(edit).toHaveCount(0);
  await page.reload();
  await expect(item).toContainText('fail');
  await expect(item).toContainText('Wrong document after all.');
  await expect(item).not.toContainText('Cites the right document.');

  // The traces list has a column for it: one fail, on this trace.
  await page.getByRole('link', { name: '← Traces' }).click();
  const table = page.getByRole('table', { name: 'Traces' });
  await expect(table.getByRole('button', { name: `Only ${name} fail (1)` })).toBeVisible();
  await expect(table.getByRole('button', { name: new RegExp(`^Only ${name} pass`) })).toHaveCount(
    0,
  );
  const row = table
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: `Trace ${traceId}` }) });
  expect((await columnTexts(table, name)).filter(Boolean)).toEqual(['fail']);
  await expect(row.getByRole('cell').nth(await columnIndex(table, name))).toHaveText('fail');

  // Deleted: gone from the trace and from the list.
  await page.goto(tracePage);
  await panel.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(panel.getByRole('listitem', { name: `feedback ${name}` })).toHaveCount(0);
  await page.reload();
  await expect(panel.getByRole('heading', { level: 2 })).toBeVisible();
  await expect(panel.getByRole('listitem', { name: `feedback ${name}` })).toHaveCount(0);
  await page.getByRole('link', { name: '← Traces' }).click();
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await expect(table.getByRole('columnheader', { name: new RegExp(`^${name}`) })).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('a session reads as a conversation: turns in order, each linking to its trace', async ({
  page,
  stack,
  dialogs,
}) => {
  const m = v3Manifest(stack.manifest);
  const session = m.sessions['session-alpha'];
  await page.goto(stack.url(`/experiments/${m.experiments.sessions}/sessions`));
  const row = page
    .getByRole('table', { name: 'Sessions' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'session-alpha', exact: true }) });
  await expect(row.getByRole('cell', { name: session.user, exact: true })).toBeVisible();
  await expect(
    row.getByRole('cell', { name: String(session.messages.length), exact: true }),
  ).toBeVisible();
  await row.getByRole('link', { name: 'session-alpha', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Session session-alpha' }),
  ).toBeVisible();
  const turns = page.getByRole('list', { name: 'Conversation' }).getByRole('listitem');
  await expect(turns).toHaveCount(session.messages.length);
  for (const [i, message] of session.messages.entries()) {
    const turn = turns.nth(i);
    await expect(turn).toHaveAccessibleName(`Turn ${i + 1}`);
    await expect(turn.getByText(`user · ${session.user}`, { exact: true })).toBeVisible();
    await expect(turn.getByText(message, { exact: true })).toBeVisible();
    await expect(turn.getByText(`Answer to: ${message}`, { exact: true })).toBeVisible();
    await expect(turn.getByRole('link', { name: 'Open trace' })).toHaveAttribute(
      'href',
      new RegExp(`/traces/${session.traces[i]}$`),
    );
  }
  await turns.nth(1).getByRole('link', { name: 'Open trace' }).click();
  await expect(page).toHaveURL(new RegExp(`/traces/${session.traces[1]}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'chat-turn' })).toBeVisible();
  expect(dialogs).toEqual([]);
});

test('two prompt versions are diffed', async ({ page, stack, dialogs }) => {
  const m = v3Manifest(stack.manifest);
  const { name, templates } = m.prompts.qa;
  await page.goto(stack.url('/prompts'));
  await page.getByRole('table', { name: 'Prompts' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const compare = page.getByRole('region', { name: 'Compare versions' });
  await compare.getByRole('combobox', { name: 'From' }).selectOption({ label: 'Version 1' });
  await compare.getByRole('combobox', { name: 'To' }).selectOption({ label: 'Version 2' });
  const diff = compare.getByRole('table', { name: 'Diff of version 1 and version 2' });
  const [v1, v2] = [
    need(templates[0], 'template of version 1').split('\n'),
    need(templates[1], 'template of version 2').split('\n'),
  ];
  const added = v2.filter((l) => !v1.includes(l));
  const removed = v1.filter((l) => !v2.includes(l));
  expect(added.length).toBeGreaterThan(0);
  await expect(compare).toContainText(`${added.length} lines added, ${removed.length} removed`);
  for (const line of added)
    await expect(
      diff.getByRole('row', { name: new RegExp(`added${escape(line)}$`) }),
    ).toBeVisible();
  await expect(diff.getByRole('row', { name: /removed/ })).toHaveCount(removed.length);
  await expect(diff.getByRole('row')).toHaveCount(v1.length + added.length);
  expect(dialogs).toEqual([]);
});

/** A scorer's value as the evaluation table shows it. */
const cellOf = (v: ScorerResult['values'][number]) =>
  v === true ? 'pass' : v === false ? 'fail' : typeof v === 'number' ? shown(v) : v;

test("an evaluation run's scorer columns and aggregates match what evaluate logged", async ({
  page,
  stack,
  dialogs,
}) => {
  const m = v3Manifest(stack.manifest);
  const run = m.evaluations.baseline;
  await page.goto(stack.url(`/experiments/${m.experiments.eval}/runs/${run.run_id}`));
  await page.getByRole('link', { name: 'Open its evaluation results' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Evaluation eval-baseline' }),
  ).toBeVisible();
  const aggregates = page.getByRole('table', { name: 'Scorer aggregates' });
  const rows = page.getByRole('table', { name: 'Evaluation rows' });
  await expect(bodyRows(rows)).toHaveCount(m.evaluations.rows);
  for (const scorer of m.evaluations.scorers) {
    const logged = need(run.scorers[scorer], `result of scorer ${scorer}`);
    expect(logged.rows, `${scorer}: one value per row`).toBe(m.evaluations.rows);
    const mean = shown(need(run.metrics[`${scorer}/mean`], `metric ${scorer}/mean`));
    await expect(
      aggregates.getByRole('row', {
        name: `${scorer} ${logged.rows} ${mean} ${logged.passed} ${logged.failed} ${mean}`,
        exact: true,
      }),
    ).toBeVisible();
    const column = await columnTexts(rows, scorer);
    expect(column.sort()).toEqual(logged.values.map(cellOf).sort());
  }
  expect(dialogs).toEqual([]);
});

test('hostile strings in assessment rationales, prompt templates and session messages show as text', async ({
  page,
  stack,
  dialogs,
}) => {
  const m = v3Manifest(stack.manifest);
  const { script, img } = stack.manifest.hostile;

  await page.goto(
    stack.url(`/experiments/${m.experiments.assessments}/traces/${m.assessments.traces[0]}`),
  );
  const panel = page.getByRole('region', { name: /^Assessments/ });
  await expect(panel.getByText(`Judge says fine ${script}`, { exact: true })).toBeVisible();
  await expect(panel.getByText(img, { exact: true })).toBeVisible();
  await expectNothingInjected(page);

  await page.goto(stack.url(`/prompts/${m.prompts.hostile}`));
  await expect(page.getByRole('region', { name: 'Template of version 1' })).toContainText(
    `Say ${script} ${img} to`,
  );
  await expect(page.getByRole('table', { name: 'Prompt versions' })).toContainText(
    `hostile ${script}`,
  );
  await expectNothingInjected(page);

  const beta = m.sessions['session-beta'];
  const hostileTurn = beta.messages.findIndex((t) => t.includes(script));
  const hostileMessage = need(beta.messages[hostileTurn], 'session-beta turn with the script');
  await page.goto(stack.url(`/experiments/${m.experiments.sessions}/sessions/session-beta`));
  await expect(
    page.getByRole('list', { name: 'Conversation' }).getByRole('listitem').nth(hostileTurn),
  ).toContainText(`Answer to: ${hostileMessage}`);
  await expect(page.getByText(hostileMessage, { exact: true })).toBeVisible();
  await expectNothingInjected(page);
  expect(dialogs).toEqual([]);
});
