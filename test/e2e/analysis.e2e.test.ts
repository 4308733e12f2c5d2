/**
 * Local analysis in the window: the demo inbox arrives analysed, "Why?" under the
 * sentiment lists the cue words with their kind, the urgency badge gives its reasons, and
 * "Re-analyse this view" runs from the command palette with its progress in a notification.
 */
import { describe, expect, it } from 'vitest';
import type { FeedbackDetail } from '../../src/shared/contract';
import { call } from '../helpers/results';
import { UI_TIMEOUT, useApp } from '../support/e2e';
import { openId, rowIds, typeInPalette } from './inbox-helpers';

const SPEC_TIMEOUT = 90_000;
const app = useApp();

describe('local analysis in the window', () => {
  it(
    'explains a sentiment with its cue words and an urgency with its reasons, and re-analyses a view',
    async () => {
      const tab = await app().open();
      const { page } = tab;

      // Among the first visible conversations, the one whose sentiment has the most cue words.
      const ids = await rowIds(page, 10);
      let target: FeedbackDetail | undefined;
      for (const id of ids) {
        const detail = await call(app().core, 'feedback.get', { id });
        if (detail.sentimentSource === 'local' && detail.sentimentCues.length > (target?.sentimentCues.length ?? 0)) target = detail;
      }
      expect(target, 'a row with cue words among the first ten').toBeDefined();
      const item = target!;

      await page.locator(`[data-testid="feedback-row"][data-id="${item.id}"]`).click();
      await expect.poll(() => openId(page), { timeout: UI_TIMEOUT }).toBe(item.id);
      // The summary line opens the full details, where the explanations live.
      await page.getByTestId('details-toggle').click();
      await page.getByTestId('properties').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await expect.poll(() => page.getByTestId('sentiment-source').textContent(), { timeout: UI_TIMEOUT }).toContain('from local analysis');

      await page.getByTestId('sentiment-why').hover();
      const card = page.getByTestId('sentiment-why-card');
      await card.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await card.textContent()).toContain('Local analysis');
      const shown = await page.getByTestId('sentiment-cue').allTextContents();
      // Repeated words are shown once, counted.
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.length).toBeLessThanOrEqual(item.sentimentCues.length);
      expect(shown[0]).toContain(`“${item.sentimentCues[0]!.text}”`);
      await tab.screenshot('analysis-explanation', { parkMouse: false });

      // The urgency badge says why, on hover.
      await page.mouse.move(1, 1);
      await card.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      const badge = page.getByTestId('urgency-badge');
      expect((await badge.textContent())?.toLowerCase()).toBe(item.urgency!.level);
      await badge.hover();
      const reasons = page.getByTestId('urgency-reasons');
      await reasons.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      for (const reason of item.urgency!.reasons) expect(await reasons.textContent()).toContain(reason);
      await page.mouse.move(1, 1);

      // An agent's override, then a re-analysis of the view from the command palette: the override stays.
      await call(app().core, 'feedback.update', { ids: [item.id], change: { sentiment: 'neutral' } });
      await typeInPalette(page, 'Re-analyse this view');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.getByTestId('analysis-progress').last().textContent(), { timeout: UI_TIMEOUT })
        .toMatch(/analysed again/);
      const after = await call(app().core, 'feedback.get', { id: item.id });
      expect(after).toMatchObject({ sentiment: 'neutral', sentimentSource: 'human', sentimentCues: [] });
      await expect.poll(() => page.getByTestId('sentiment-source').textContent(), { timeout: UI_TIMEOUT }).toContain('set by you');
      tab.expectClean();
    },
    SPEC_TIMEOUT,
  );
});
