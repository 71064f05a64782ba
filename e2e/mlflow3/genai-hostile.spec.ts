/**
 * Hostile strings on a 3.x demo (issue #16): in assessment rationales and
 * session messages they show as text and nothing executes.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { ASSESSED_TRACE, experimentId, IMG, LLM_EXPERIMENT, SCRIPT } from './genai-support';

/** Fails the test on any dialog (alert) and counts elements the strings would make. */
async function watch(page: Page): Promise<() => Promise<void>> {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return async () => {
    expect(dialogs, 'alerts raised').toEqual([]);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    const injected = await page
      .locator('script')
      .evaluateAll((s) => s.filter((e) => e.textContent?.includes('alert(1)')).length);
    expect(injected, 'injected script elements').toBe(0);
  };
}

test('hostile rationales show as text on the trace page', async ({ page }) => {
  const check = await watch(page);
  await page.goto(`/experiments/${LLM_EXPERIMENT}/traces/${ASSESSED_TRACE}`);
  const panel = page.getByRole('region', { name: /^Assessments/ });
  await expect(
    panel
      .getByRole('listitem', { name: 'feedback relevance' })
      .getByText(`Judge says fine ${SCRIPT}`),
  ).toBeVisible();
  await expect(
    panel
      .getByRole('list', { name: 'Assessments on span call_llm' })
      .getByText(IMG, { exact: true }),
  ).toBeVisible();
  await check();
});

test('hostile session messages show as text in the conversation', async ({ page, request }) => {
  const check = await watch(page);
  const exp = await experimentId(request, 'chat-sessions');
  await page.goto(`/experiments/${exp}/sessions/onboarding-17`);
  const turn = page.getByRole('list', { name: 'Conversation' }).getByRole('listitem').nth(1);
  await expect(turn.getByText(`Say ${SCRIPT} ${IMG}`, { exact: true })).toBeVisible();
  await expect(turn.getByText(`You said: ${SCRIPT} ${IMG}`, { exact: true })).toBeVisible();
  await check();
});
