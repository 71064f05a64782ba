/**
 * Page objects: what a person sees, found the way they find it (roles and
 * accessible names). Specs get them from e2e/fixtures.ts.
 */
import type { Locator, Page } from '@playwright/test';

/** The header, navigation and banners around every page. */
export class AppShell {
  constructor(readonly page: Page) {}

  get header(): Locator {
    return this.page.getByRole('banner');
  }

  navLink(name: 'Experiments' | 'Models' | (string & {})): Locator {
    return this.header.getByRole('link', { name, exact: true });
  }

  get themeToggle(): Locator {
    return this.page.getByRole('button', { name: /switch to (dark|light) theme|theme/i });
  }

  get demoBadge(): Locator {
    return this.header.getByText('Demo workspace');
  }

  get serverVersion(): Locator {
    return this.header.getByText(/MLflow \d+\.\d+\.\d+/);
  }

  /** The banner shown while the tracking server cannot be reached. */
  get unreachableBanner(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Cannot reach the tracking server' });
  }

  /** The applied theme, as the root element carries it. */
  theme(): Promise<string | undefined> {
    return this.page.evaluate(() => document.documentElement.dataset.theme);
  }

  async goto(path = '/'): Promise<void> {
    await this.page.goto(path);
  }
}

/** The experiment list: the home page. */
export class ExperimentsPage {
  constructor(readonly page: Page) {}

  /** `base`: another server's origin (tests that start their own); the config's baseURL when omitted. */
  async goto(base = ''): Promise<void> {
    await this.page.goto(`${base}/`);
  }

  experimentLink(name: string): Locator {
    return this.page.getByRole('main').getByRole('link', { name, exact: true });
  }
}

export class NotFoundPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Page not found' });
  }
}
