/**
 * The trace page as a person meets it (roles and names only). Shared by
 * traces.spec.ts (demo workspace) and traces-recorded.spec.ts (replayed MLflow).
 */
import type { Locator, Page } from '@playwright/test';

export class TraceView {
  constructor(readonly page: Page) {}

  get tree(): Locator {
    return this.page.getByRole('tree', { name: 'Spans' });
  }

  span(name: string): Locator {
    return this.tree.getByRole('treeitem', { name, exact: true });
  }

  get spans(): Locator {
    return this.tree.getByRole('treeitem');
  }

  get detail(): Locator {
    return this.page.getByRole('article', { name: 'Selected span' });
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search spans' });
  }

  typeFilter(type: string): Locator {
    return this.page
      .getByRole('group', { name: 'Span types' })
      .getByRole('button', { name: type, exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** "300 of 300 spans" under the toolbar. */
  get shownCount(): Locator {
    return this.page.getByText(/^[\d,]+ of [\d,]+ spans$/);
  }

  async openFromList(experimentId: string, traceName: string, base = ''): Promise<void> {
    await this.page.goto(`${base}/experiments/${experimentId}/traces`);
    await this.page
      .getByRole('table', { name: 'Traces' })
      .getByRole('link', { name: traceName, exact: true })
      .first()
      .click();
    await this.tree.waitFor();
  }
}
