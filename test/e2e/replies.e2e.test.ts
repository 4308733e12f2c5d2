/**
 * Suggested replies in the window: the composer offers the core's top suggestions with
 * their reasons; the agent picks one, edits it and marks it sent. The reply lands in the
 * thread, the status becomes Replied, the text is on the clipboard, and the acceptance
 * record (edited, for this template) is in the store. A picked suggestion set aside is
 * recorded as discarded.
 */
import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../src/shared/contract';
import { call } from '../helpers/results';
import { UI_TIMEOUT, useApp } from '../support/e2e';
import { openId, rowIds } from './inbox-helpers';

const SPEC_TIMEOUT = 120_000;
const app = useApp();

/** Among the first rows, conversations still open whose best suggestion is a template. */
async function withTemplateFirst(ids: string[]): Promise<{ id: string; suggestions: Suggestion[] }[]> {
  const found: { id: string; suggestions: Suggestion[] }[] = [];
  for (const id of ids) {
    const detail = await call(app().core, 'feedback.get', { id });
    if (detail.status === 'replied') continue;
    const { suggestions } = await call(app().core, 'suggestions.list', { feedbackId: id });
    if (suggestions[0]?.kind === 'template' && suggestions[0].missing.length === 0) found.push({ id, suggestions });
  }
  return found;
}

const usageOf = async (templateId: string) => (await call(app().core, 'templates.list', {})).templates.find((t) => t.id === templateId)!.usage;

describe('suggested replies in the composer', () => {
  it(
    'picks a suggestion, edits it, marks it sent, and records the outcome',
    async () => {
      const tab = await app().open();
      const { page } = tab;
      await tab.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app().bridge.url.replace(/\/$/, '') });

      const candidates = await withTemplateFirst(await rowIds(page, 30));
      expect(candidates.length, 'open conversations with a template suggestion among the first 30').toBeGreaterThanOrEqual(2);
      const { id, suggestions } = candidates[0]!;
      const best = suggestions[0]!;

      await page.locator(`[data-testid="feedback-row"][data-id="${id}"]`).click();
      await expect.poll(() => openId(page), { timeout: UI_TIMEOUT }).toBe(id);
      const rows = page.getByTestId('suggestion');
      await rows.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await rows.count()).toBe(suggestions.length);
      expect(await page.getByTestId('suggestion-reason').allTextContents()).toEqual(suggestions.map((s) => s.reason));
      expect(best.reason).toMatch(/matched: |topic: /);
      await tab.screenshot('reply-suggestions');

      // Pick: the draft is the filled suggestion, marked as suggested.
      await rows.first().click();
      const input = page.getByTestId('reply-input');
      await expect.poll(() => input.inputValue(), { timeout: UI_TIMEOUT }).toBe(best.text);
      await expect.poll(() => page.getByTestId('draft-outcome').textContent()).toBe('As suggested');

      // Edit: the badge says so (the edit distance goes to the AI-quality figures, not the agent).
      const addition = '\n\nP.S. I have added a note to your account so nobody asks you twice.';
      await input.focus();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(addition);
      const sentText = `${best.text}${addition}`;
      await expect.poll(() => page.getByTestId('draft-outcome').textContent()).toBe('Edited');
      await tab.screenshot('reply-composer');

      // Mark as sent (Ctrl+Enter).
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.getByText('Reply recorded · status Replied').count(), { timeout: UI_TIMEOUT }).toBe(1);
      expect(await page.evaluate('navigator.clipboard.readText()')).toBe(sentText);
      await expect.poll(() => input.inputValue()).toBe('');

      const detail = await call(app().core, 'feedback.get', { id });
      expect(detail.status).toBe('replied');
      expect(detail.messages.at(-1)).toMatchObject({ direction: 'out', body: sentText });
      // The thread shows it.
      await expect.poll(() => page.getByTestId('detail-body').textContent(), { timeout: UI_TIMEOUT }).toContain('nobody asks you twice');
      // The acceptance record: this template, sent once, edited.
      expect(await usageOf(best.sourceId)).toMatchObject({ used: 1, unchanged: 0, edited: 1, discarded: 0 });

      // Another conversation: pick with Alt+1, then set it aside.
      const other = candidates[1]!;
      const before = await usageOf(other.suggestions[0]!.sourceId);
      await page.locator(`[data-testid="feedback-row"][data-id="${other.id}"]`).click();
      await expect.poll(() => openId(page), { timeout: UI_TIMEOUT }).toBe(other.id);
      await page.getByTestId('suggestion').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await input.focus();
      await page.keyboard.press('Alt+1');
      await expect.poll(() => input.inputValue(), { timeout: UI_TIMEOUT }).toBe(other.suggestions[0]!.text);
      await page.getByTestId('discard-draft').click();
      await expect.poll(() => input.inputValue()).toBe('');

      // Words of the agent's own are never lost without a way back: picking a suggestion
      // over them, or clearing them, offers Undo.
      await input.focus();
      await page.keyboard.type('My own words for this customer.');
      await page.keyboard.press('Alt+1');
      await expect.poll(() => input.inputValue(), { timeout: UI_TIMEOUT }).toBe(other.suggestions[0]!.text);
      await page.getByTestId('undo-button').last().click();
      await expect.poll(() => input.inputValue(), { timeout: UI_TIMEOUT }).toBe('My own words for this customer.');
      await page.getByRole('button', { name: 'Clear the draft' }).click();
      await expect.poll(() => input.inputValue()).toBe('');
      await page.getByTestId('undo-button').last().click();
      await expect.poll(() => input.inputValue(), { timeout: UI_TIMEOUT }).toBe('My own words for this customer.');
      await page.getByRole('button', { name: 'Clear the draft' }).click();
      await expect.poll(() => usageOf(other.suggestions[0]!.sourceId), { timeout: UI_TIMEOUT }).toMatchObject({ discarded: before.discarded + 1, used: before.used });
      expect((await call(app().core, 'feedback.get', { id: other.id })).status).not.toBe('replied');
      tab.expectClean();
    },
    SPEC_TIMEOUT,
  );
});
