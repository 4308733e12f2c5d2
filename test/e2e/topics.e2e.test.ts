/**
 * The topic taxonomy in the window: add a topic with words in every language and German
 * additions, save it, re-analyse every conversation from the hint, and find conversations
 * tagged with it; a name that exists already is refused with the core's message.
 */
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/results';
import { UI_TIMEOUT, useApp } from '../support/e2e';

const SPEC_TIMEOUT = 90_000;
const app = useApp();

describe('the topics page', () => {
  it(
    'adds a topic, re-analyses, and tags conversations with it',
    async () => {
      const tab = await app().open();
      const { page } = tab;
      await page.getByTestId('topics-link').click();
      await page.getByTestId('topics-screen').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const shipped = (await call(app().core, 'taxonomy.list', {})).topics;
      await expect.poll(() => page.getByTestId('topic-item').count(), { timeout: UI_TIMEOUT }).toBe(shipped.length);

      await page.getByTestId('topic-new').click();
      await page.getByTestId('topic-name').fill('doorbell hardware');
      const terms = page.getByTestId('topic-terms');
      await terms.click();
      for (const term of ['doorbell', 'chime', 'ring button']) {
        await page.keyboard.type(term);
        await page.keyboard.press('Enter');
      }
      await page.getByRole('tab', { name: 'German' }).click();
      await page.getByPlaceholder('German words and phrases').click();
      await page.keyboard.type('Klingel');
      await page.keyboard.press('Enter');
      await page.getByTestId('topic-save').click();

      await expect
        .poll(async () => (await call(app().core, 'taxonomy.list', {})).topics.find((t) => t.name === 'doorbell hardware'), { timeout: UI_TIMEOUT })
        .toMatchObject({ keywords: ['doorbell', 'chime'], phrases: ['ring button'], languages: { de: { keywords: ['klingel'], phrases: [] } } });
      await page.getByTestId('topics-reanalyse-hint').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await tab.screenshot('topics-editor');

      await page.getByRole('button', { name: 'Re-analyse every conversation' }).click();
      await expect.poll(() => page.getByTestId('analysis-progress').last().textContent(), { timeout: UI_TIMEOUT }).toMatch(/analysed again/);
      const tagged = await call(app().core, 'feedback.count', { filter: { tags: ['doorbell hardware'] } });
      expect(tagged.total).toBeGreaterThan(0);

      // The same name again: the core's message, nothing saved.
      await page.getByTestId('topic-new').click();
      await page.getByTestId('topic-name').fill('Refund');
      await terms.click();
      await page.keyboard.type('money');
      await page.keyboard.press('Enter');
      await page.getByTestId('topic-save').click();
      await expect.poll(() => page.getByTestId('topic-error').textContent(), { timeout: UI_TIMEOUT }).toMatch(/already exists/);
      expect((await call(app().core, 'taxonomy.list', {})).topics).toHaveLength(shipped.length + 1);
      tab.expectClean();
    },
    SPEC_TIMEOUT,
  );
});
