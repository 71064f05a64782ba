/**
 * Human feedback on a 3.x demo (issue #16): added to a span, edited, shown in
 * the traces list's column, and deleted, through the v3 assessment endpoints.
 */
import { expect, test } from '../fixtures';
import { TraceView } from '../traces-support';
import { LLM_EXPERIMENT, PLAIN_TRACE } from './genai-support';

test('a human feedback is added to a span, edited, shown in the list, and deleted', async ({
  page,
  demo,
}) => {
  await demo.reset();
  const trace = new TraceView(page);
  await page.goto(`/experiments/${LLM_EXPERIMENT}/traces/${PLAIN_TRACE}`);
  await trace.span('retrieve').click();
  const panel = page.getByRole('region', { name: /^Assessments/ });
  await expect(panel.getByText('No feedback or expectations yet.')).toBeVisible();

  await panel.getByRole('button', { name: 'Add to span retrieve' }).click();
  const form = panel.getByRole('form', { name: 'Add assessment' });
  await form.getByLabel('Name').fill('grounded');
  await form.getByLabel('Value').fill('true');
  await form.getByLabel('Rationale').fill('The documents support the answer.');
  await form.getByRole('button', { name: 'Add assessment' }).click();

  const onSpan = panel.getByRole('list', { name: 'Assessments on span retrieve' });
  const item = onSpan.getByRole('listitem', { name: 'feedback grounded' });
  await expect(item).toContainText('pass');
  await expect(item).toContainText('The documents support the answer.');
  await expect(item).toContainText('runlens');

  await item.getByRole('button', { name: 'Edit grounded' }).click();
  const edit = panel.getByRole('form', { name: 'Edit assessment' });
  await edit.getByLabel('Value').fill('false');
  await edit.getByLabel('Rationale').fill('Doc 2 contradicts it.');
  await edit.getByRole('button', { name: 'Save assessment' }).click();
  await expect(item).toContainText('fail');
  await expect(item).toContainText('Doc 2 contradicts it.');

  // The list shows it in its own column, with a count per value.
  await page.getByRole('link', { name: '← Traces' }).click();
  const table = page.getByRole('table', { name: 'Traces' });
  await expect(table.getByRole('columnheader', { name: /^grounded/ })).toBeVisible();
  await table.getByRole('button', { name: 'Only grounded fail (1)' }).click();
  await expect(page).toHaveURL(/grounded/);
  await expect(table.getByRole('link', { name: `Trace ${PLAIN_TRACE}` })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2); // header and the one trace

  await table.getByRole('link', { name: `Trace ${PLAIN_TRACE}` }).click();
  await panel
    .getByRole('listitem', { name: 'feedback grounded' })
    .getByRole('button', { name: 'Delete grounded' })
    .click();
  await page
    .getByRole('dialog', { name: 'Delete the assessment grounded?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(panel.getByText('No feedback or expectations yet.')).toBeVisible();

  await page.goto(`/experiments/${LLM_EXPERIMENT}/traces`);
  await expect(page.getByRole('table', { name: 'Traces' }).getByRole('link').first()).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Traces' }).getByRole('columnheader', { name: /^grounded/ }),
  ).toHaveCount(0);
});

test('the seeded assessments read with their sources, spans and overrides', async ({ page }) => {
  await page.goto(`/experiments/${LLM_EXPERIMENT}/traces/tr-8bb6da8ad2a54129b60293ccc98c06da`);
  const panel = page.getByRole('region', { name: /^Assessments/ });
  const onTrace = panel.getByRole('list', { name: 'Assessments on the trace' });
  const verdicts = onTrace.getByRole('listitem', { name: 'feedback correct' });
  await expect(verdicts).toHaveCount(2);
  await expect(verdicts.first()).toContainText('overridden');
  await expect(verdicts.first()).toContainText('LLM judge · gpt-judge-v1');
  await expect(verdicts.nth(1)).toContainText('human · alice@example.com');
  await expect(verdicts.nth(1)).toContainText('overrides correct = fail');
  await expect(onTrace.getByRole('listitem', { name: 'expectation expected_facts' })).toContainText(
    'spans nest',
  );
  const onSpan = panel.getByRole('list', { name: 'Assessments on span retrieve' });
  await expect(onSpan.getByRole('listitem', { name: 'feedback retrieval_quality' })).toContainText(
    'code · recall_at_3',
  );
});
