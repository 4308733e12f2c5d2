/**
 * The run-time half of the security checklist in Chromium: the built renderer, served over
 * 127.0.0.1 with the app's CSP header by the e2e bridge, must refuse what the checklist says
 * it refuses. test/packaging/electron-app.e2e.test.ts runs the same specs in the app's window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useApp, type AppPage } from '../support/e2e';
import { sharedChecks } from './runtime-checks';

describe('security checklist at run time, in Chromium', () => {
  // No store: the first-run screen is enough, and nothing here needs one.
  const app = useApp({ seed: 'none' });
  let page: AppPage;
  beforeAll(async () => {
    page = await app().open({ ready: null });
    await page.page.waitForFunction("document.querySelector('#root')?.childElementCount > 0");
  });
  afterAll(async () => {
    // The refusals happened before any request left the page: none reached the network.
    expect(page.offHostRequests).toEqual([]);
  });

  for (const check of sharedChecks) {
    it(`${check.item}. ${check.name}`, () => check.run(page.page));
  }
});
