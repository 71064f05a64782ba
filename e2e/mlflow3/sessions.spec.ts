/** Sessions on a 3.x demo (issue #16): a session reads as a conversation. */
import { expect, test } from '../fixtures';
import { experimentId } from './genai-support';

test('a session reads as a conversation, each turn linking to its trace', async ({
  page,
  request,
}) => {
  const exp = await experimentId(request, 'chat-sessions');
  await page.goto(`/experiments/${exp}/sessions`);
  const sessions = page.getByRole('table', { name: 'Sessions' });
  const row = sessions.getByRole('row').filter({ hasText: 'support-2291' });
  await expect(row).toContainText('alice');
  await expect(row.getByRole('cell').nth(3)).toHaveText('4'); // turns
  await sessions.getByRole('link', { name: 'support-2291' }).click();

  await expect(page.getByRole('heading', { name: 'Session support-2291' })).toBeVisible();
  const turns = page.getByRole('list', { name: 'Conversation' }).getByRole('listitem');
  await expect(turns).toHaveCount(4);
  await expect(turns.nth(0)).toContainText('Hi! My training run keeps failing.');
  await expect(turns.nth(0)).toContainText('Which run, and what does the log say?');
  await expect(turns.nth(1)).toContainText('CUDA out of memory');
  await expect(turns.nth(3)).toContainText('Have a good day!');

  await turns.nth(1).getByRole('link', { name: 'Open trace' }).click();
  await expect(page.getByRole('heading', { name: 'chat-turn', level: 1 })).toBeVisible();
  await expect(page.getByRole('tree', { name: 'Spans' })).toBeVisible();
});
