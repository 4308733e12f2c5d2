/**
 * The first-run choice of starter topics: a new, empty store shows a calm card in the
 * inbox (not a modal: the rest of the window stays usable); choosing banking adds its
 * topics, and the card goes away for good. A store with the demo inbox is not blocked either.
 */
import { describe, expect, it } from 'vitest';
import { starterTopics } from '../../src/main/core/analysis/taxonomies/starters';
import { call } from '../helpers/results';
import { UI_TIMEOUT, useApp } from '../support/e2e';

const SPEC_TIMEOUT = 120_000;
const app = useApp({ seed: 'empty' });

describe('starter topics on first run', () => {
  it(
    'offers the starters on a new store; choosing banking adds its topics and the card goes away',
    async () => {
      expect((await call(app().core, 'taxonomy.list', {})).starter).toBeNull();
      const tab = await app().open();
      const { page } = tab;
      const card = page.getByTestId('starter-card');
      await card.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await expect.poll(() => card.textContent()).toMatch(/Pick topics that fit your team/);
      // Not a modal: the import button beside it still answers.
      expect(await page.getByTestId('empty-import').isEnabled()).toBe(true);
      await tab.screenshot('starter-card', { bothSizes: true });

      await page.getByTestId('starter-choose').click();
      const dialog = page.getByRole('dialog', { name: 'Start from a set of topics' });
      await dialog.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await page.getByTestId('starter-banking').click();
      await tab.screenshot('starter-dialog', { bothSizes: true });

      // Replacing asks first and says the tags stay; cancel it and add instead.
      await page.getByTestId('starter-replace').click();
      await expect.poll(() => page.getByTestId('starter-replace-question').textContent(), { timeout: UI_TIMEOUT }).toMatch(/Tags already on conversations stay/);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByTestId('starter-add').click();

      await expect.poll(async () => (await call(app().core, 'taxonomy.list', {})).starter, { timeout: UI_TIMEOUT }).toBe('banking');
      const names = (await call(app().core, 'taxonomy.list', {})).topics.map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(starterTopics('banking').map((t) => t.name)));
      await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      await card.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

      // Chosen is chosen: a reload does not ask again.
      await page.reload();
      await page.getByTestId('empty-import').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await page.waitForTimeout(500);
      expect(await card.count()).toBe(0);
      await tab.screenshot('starter-chosen');
      tab.expectClean();
    },
    SPEC_TIMEOUT,
  );
});
