import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { buildTab } from './build-tab';
import { launchChromium, type Browser } from './chromium';
import { startApp, type RunningApp } from './start-app';

export interface TabInBrowser {
  tabDir: string;
  app: RunningApp;
  browser: Browser;
}

/**
 * The fixture every browser test file needs: the tab built with the project's Vite config into a temp
 * folder, the real server serving it over a fresh SQLite file, headless Chromium, and a new page for
 * each test. `ready` receives the shared parts once; `page` receives each test's page. All is closed after.
 */
export function useTabInBrowser(ready: (parts: TabInBrowser) => void, page: (page: Page) => void): void {
  let parts: Partial<TabInBrowser> = {};
  let current: Page | undefined;
  beforeAll(async () => {
    const tabDir = await buildTab();
    parts = { tabDir, app: await startApp({ tabDir }), browser: await launchChromium() };
    ready(parts as TabInBrowser);
  });
  afterAll(async () => {
    await parts.browser?.close();
    await parts.app?.close();
    if (parts.tabDir) fs.rmSync(parts.tabDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    current = await parts.browser!.context.newPage();
    page(current);
  });
  afterEach(async () => {
    await current?.close();
  });
}
