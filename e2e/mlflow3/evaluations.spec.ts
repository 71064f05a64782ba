/**
 * Evaluation runs on a 3.x demo (issue #16): the scorer columns and
 * aggregates show what `mlflow.genai.evaluate` logged, and two runs compare
 * side by side.
 */
import { expect, test } from '../fixtures';
import { experimentId, runIdByName } from './genai-support';

test('an evaluation run shows its scorers, aggregates and rows, and compares with another', async ({
  page,
  request,
}) => {
  const exp = await experimentId(request, 'genai-eval');
  const baseline = await runIdByName(request, exp, 'eval-baseline');
  await page.goto(`/experiments/${exp}/evaluations/${baseline}`);

  const aggregates = page.getByRole('table', { name: 'Scorer aggregates' });
  // Scorer, rows, mean over the rows, passed, failed, the logged `<scorer>/mean` metric.
  await expect(aggregates.getByRole('row', { name: /^exact_match/ })).toHaveText(
    /exact_match\s*5\s*0\.6\s*3\s*2\s*0\.6/,
  );
  await expect(aggregates.getByRole('row', { name: /^short_answer/ })).toHaveText(
    /short_answer\s*5\s*0\.8\s*4\s*1\s*0\.8/,
  );
  await expect(aggregates.getByRole('row', { name: /^word_count/ })).toHaveText(
    /word_count\s*5\s*2\.8.*2\.8$/,
  );

  const rows = page.getByRole('table', { name: 'Evaluation rows' });
  for (const col of ['exact_match', 'short_answer', 'word_count', 'expected: expected_response'])
    await expect(rows.getByRole('columnheader', { name: col, exact: true })).toBeVisible();
  const planet = rows.getByRole('row').filter({ hasText: 'Largest planet?' });
  await expect(planet.getByRole('cell')).toHaveText([
    /tr-/,
    /Largest planet/,
    '"Saturn"',
    'Jupiter',
    'fail',
    'pass',
    '1',
  ]);

  // The box reflects the URL, which React Router updates in a transition: the
  // new state shows a moment after the click (check()/uncheck() look at once).
  const failing = page.getByRole('checkbox', { name: 'Only failing rows' });
  await failing.click();
  await expect(failing).toBeChecked();
  await expect(page.getByText('2 of 5 rows')).toBeVisible();
  await failing.click();
  await expect(failing).not.toBeChecked();
  await expect(page.getByText('2 of 5 rows')).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Compare with evaluation run' }).selectOption({
    label: 'eval-candidate',
  });
  await expect(page.getByText('2 of 5 rows changed verdict')).toBeVisible();
  const compare = page.getByRole('table', { name: 'Evaluation comparison' });
  const changed = compare.getByRole('row').filter({ hasText: 'Largest planet?' });
  await expect(changed.getByRole('cell', { name: 'exact_match changed' })).toHaveText('fail');
  await expect(changed.getByRole('cell').nth(2)).toHaveText('pass');
  const same = compare.getByRole('row').filter({ hasText: 'Capital of France?' });
  await expect(same.getByRole('cell', { name: /changed/ })).toHaveCount(0);
});
