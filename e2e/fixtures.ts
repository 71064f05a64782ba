/**
 * Playwright fixtures: specs import `test` and `expect` from here and receive
 * page objects instead of building locators themselves (the habit of
 * tldraw's e2e fixtures).
 *
 *   import { test, expect } from './fixtures';
 *   test('...', async ({ shell, experimentsPage }) => { ... })
 *
 * Demo data isolation: every test gets its own demo workspace. All its
 * requests (the page's and the `request` fixture's) carry
 * `X-Runlens-Demo-Workspace: <test id>`, and the demo server (started with
 * RUNLENS_DEMO_WORKSPACES=1 by playwright.config.ts) seeds a private db for
 * that id on first use. Tests that write therefore never see each other's
 * changes, even across the two parallel workers, and need no cleanup.
 * `demo.reset()` re-seeds the test's db mid-test (POST /runlens/demo/reset).
 *
 * Every test fails on an uncaught exception in the page.
 */
import { test as base, expect, type TestInfo } from '@playwright/test';
import { AppShell, ExperimentsPage, NotFoundPage } from './support/pages';

export const DEMO_WORKSPACE_HEADER = 'x-runlens-demo-workspace';

export interface DemoWorkspace {
  /** The workspace id this test's requests carry. */
  id: string;
  /** Re-seed this test's demo db. */
  reset(): Promise<void>;
}

interface Fixtures {
  shell: AppShell;
  experimentsPage: ExperimentsPage;
  notFoundPage: NotFoundPage;
  demo: DemoWorkspace;
  failOnPageError: void;
}

function workspaceId(info: TestInfo): string {
  return `w${info.workerIndex}-${info.testId}-r${info.retry}`;
}

// The second fixture argument is Playwright's `use`; named `provide` so the React
// hooks lint rule does not take it for React's `use()`.
export const test = base.extend<Fixtures>({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide, testInfo) => {
    await provide({ ...extraHTTPHeaders, [DEMO_WORKSPACE_HEADER]: workspaceId(testInfo) });
  },
  shell: async ({ page }, provide) => {
    await provide(new AppShell(page));
  },
  experimentsPage: async ({ page }, provide) => {
    await provide(new ExperimentsPage(page));
  },
  notFoundPage: async ({ page }, provide) => {
    await provide(new NotFoundPage(page));
  },
  demo: async ({ request }, provide, testInfo) => {
    const reset = async () => {
      // A JSON body: the server refuses resets that a cross-site form could send.
      const res = await request.post('/runlens/demo/reset', { data: {} });
      if (!res.ok())
        throw new Error(
          `POST /runlens/demo/reset answered ${res.status()}: is the server in demo mode?`,
        );
    };
    await provide({ id: workspaceId(testInfo), reset });
  },
  failOnPageError: [
    async ({ page }, provide) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
      await provide();
      expect(errors, 'uncaught exceptions in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
