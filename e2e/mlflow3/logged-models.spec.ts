import { demo3Ids } from '../../mocks/seed/logged-models';
import { demoIds } from '../../mocks/seed/ids';
import { expect, test } from '../fixtures';
import { failOnInjectedHtml, open } from './support';

/** The 3.18 demo's logged models: their page, the runs around them, the versions made from them. */
const runPage = (runId: string) => `/experiments/${demoIds.EXP_MODEL}/runs/${runId}`;

test.describe('logged models (3.18 demo)', () => {
  failOnInjectedHtml();

  test('a logged model shows its params, metrics by dataset and registered version', async ({
    page,
  }) => {
    await open(page, `/experiments/${demoIds.EXP_MODEL}/models`);
    await page
      .getByRole('table', { name: 'Logged models' })
      .getByRole('link', { name: 'iris-logreg', exact: true })
      .click();
    await expect(page.getByRole('heading', { name: 'iris-logreg', level: 1 })).toBeVisible();
    const params = page.getByRole('table', { name: 'Parameters' });
    await expect(params.getByRole('row', { name: /C\s+1\.0/ })).toBeVisible();
    const train = page.getByRole('table', { name: 'Metrics: Dataset iris-train' });
    await expect(train.getByRole('row', { name: /accuracy/ })).toContainText('0.9733');
    const evaluation = page.getByRole('table', { name: 'Metrics: Dataset iris-eval' });
    await expect(evaluation.getByRole('row', { name: /^accuracy/ })).toContainText('0.98');
    await expect(evaluation.getByRole('row', { name: /batch_accuracy/ })).toContainText('0.95');
    // its files, the MLmodel read as a model card
    await page.getByRole('treeitem', { name: 'MLmodel' }).click();
    const card = page.getByRole('region', { name: 'Preview of MLmodel' });
    await expect(
      card
        .getByRole('region', { name: 'Flavors' })
        .getByRole('listitem', { name: /mlflow\.sklearn/ }),
    ).toBeVisible();
    await expect(card.getByRole('table', { name: 'Inputs' })).toContainText('sepal_length');
    await page.getByRole('link', { name: 'iris-logged version 1' }).click();
    // the version page links back to the logged model it was made from
    await expect(page).toHaveURL(/\/models\/iris-logged\/versions\/1/);
    await page.getByRole('link', { name: new RegExp(`iris-logreg ${demo3Ids.LM_IRIS}`) }).click();
    await expect(page).toHaveURL(new RegExp(`/logged-models/${demo3Ids.LM_IRIS}`));
  });

  test('the Models tab filters on the server and shows its errors', async ({ page }) => {
    await open(page, `/experiments/${demoIds.EXP_MODEL}/models`);
    const table = page.getByRole('table', { name: 'Logged models' });
    await expect(table.getByRole('link', { name: 'external-model' })).toBeVisible();
    const filter = page.getByRole('searchbox', { name: 'Filter models' });
    await filter.fill('metrics.accuracy > 0.95');
    await expect(table.getByRole('link', { name: 'external-model' })).toBeHidden();
    await expect(table.getByRole('link', { name: 'iris-logreg', exact: true })).toBeVisible();
    await expect(table.getByRole('link', { name: 'iris-logreg-strong' })).toBeHidden();
    await filter.fill("status = 'NOPE'");
    await expect(page.getByText("Unknown model status in filter: 'NOPE'")).toBeVisible();
  });

  test('the run page lists the models a run produced and used', async ({ page }) => {
    await open(page, runPage(demo3Ids.R_LM_TRAIN));
    await expect(
      page
        .getByRole('list', { name: 'Models produced' })
        .getByRole('link', { name: /iris-logreg/ }),
    ).toBeVisible();
    await open(page, runPage(demo3Ids.R_LM_SCORE));
    await page
      .getByRole('list', { name: 'Models used' })
      .getByRole('link', { name: /iris-logreg/ })
      .click();
    await expect(page.getByRole('heading', { name: 'iris-logreg', level: 1 })).toBeVisible();
  });

  test('hostile strings in a logged model show as text', async ({ page }) => {
    await open(page, `/logged-models/${demo3Ids.LM_IRIS_STRONG}`);
    await expect(
      page.getByRole('table', { name: 'Tags' }).getByRole('row', { name: /note/ }),
    ).toContainText('<img src=x onerror=alert(1)>');
    await expect(
      page.getByRole('table', { name: 'Parameters' }).getByRole('row', { name: /preprocess/ }),
    ).toContainText('<script>alert(1)</script> standard-scaler');
  });
});
