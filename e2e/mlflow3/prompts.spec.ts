import { expect, test } from '../fixtures';
import { failOnInjectedHtml, open } from './support';

/** The 3.18 demo's prompt registry: versions, the diff of two, hostile templates. */
test.describe('prompts (3.18 demo)', () => {
  failOnInjectedHtml();

  test('two prompt versions are diffed', async ({ page }) => {
    await open(page, '/prompts');
    await page
      .getByRole('table', { name: 'Prompts' })
      .getByRole('link', { name: 'qa-prompt' })
      .click();
    await expect(page.getByRole('heading', { name: 'qa-prompt', level: 1 })).toBeVisible();
    const versions = page.getByRole('table', { name: 'Prompt versions' });
    await expect(
      versions.getByRole('row', { name: /Version 2.*v2: refine.*@production/ }),
    ).toBeVisible();
    // the run that loaded version 2 (its mlflow.linkedPrompts tag)
    await expect(
      versions
        .getByRole('row', { name: /Version 2/ })
        .getByRole('list', { name: 'Runs that used it' })
        .getByRole('link', { name: 'agent-eval-run' }),
    ).toBeVisible();
    await page.getByRole('combobox', { name: /^From/ }).selectOption('1');
    await page.getByRole('combobox', { name: /^To/ }).selectOption('3');
    const diff = page.getByRole('table', { name: 'Diff of version 1 and version 3' });
    await expect(
      diff.getByRole('row', { name: /removed.*Answer the question: \{\{question\}\}/ }),
    ).toBeVisible();
    await expect(
      diff.getByRole('row', { name: /added.*You are a concise assistant\./ }),
    ).toBeVisible();
    await expect(page.getByText('version 1 → version 3: 3 lines added, 1 removed')).toBeVisible();
  });

  test('a hostile template shows as text', async ({ page }) => {
    await open(page, '/prompts/hostile-prompt');
    await expect(page.getByLabel('Template', { exact: true })).toContainText(
      'Say <script>alert(1)</script> <img src=x onerror=alert(1)> to {{name}}',
    );
    await expect(
      page.getByRole('table', { name: 'Prompt versions' }).getByRole('row', { name: /Version 1/ }),
    ).toContainText('hostile <script>alert(1)</script>');
  });
});
