/**
 * The AI in the inbox end to end: the core talks to the fake OpenAI-compatible server over
 * real HTTP on 127.0.0.1. Triage with AI puts the model's answer beside local analysis;
 * accepting the sentiment changes the item (source llm); the suggested escalation only opens
 * the Escalate dialog, prefilled. An AI draft streams into the composer with its sources (the
 * knowledge-base article among them) as chips, a promise no source supports is flagged, and
 * Mark as sent records the draft's outcome. Pictures at 1440x900 and 1024x700.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { NoSecretStore } from '../../src/main/core/secrets';
import { databaseKeyFromRecovery, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import { openEncrypted } from '../../src/main/core/store/open';
import { call } from '../helpers/results';
import { PASSPHRASE, UI_TIMEOUT, useApp, type AppPage } from '../support/e2e';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';
import { openId } from './inbox-helpers';

const SPEC_TIMEOUT = 180_000;
const sizes = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;
const SUBJECT = 'Double charge on my card';
const ARTICLE = {
  title: 'Double charges on a card',
  body: 'When a card shows the same order charged twice, the second line is a pending authorisation from a retried payment. It drops off the statement within 3 to 5 business days; the customer does not need to do anything.',
  tags: ['billing', 'card'],
};
const PROMISE = 'We will give you a full refund by Friday [S1]. A second line on the statement is usually a pending authorisation that drops off within 3 to 5 business days [S2].';

let fake: FakeOpenAi | undefined;
let recoveryKey = '';

const app = useApp({
  secrets: new NoSecretStore(),
  seed: 'none',
  prepare: async (core) => {
    fake = await startFakeOpenAi({ models: ['fake-model'] });
    recoveryKey = (await call(core, 'store.create', { passphrase: PASSPHRASE })).recoveryKey;
    await call(core, 'demo.load', {});
    await call(core, 'ai.settings.save', { enabled: true, provider: 'custom', baseUrl: fake.baseUrl, model: 'fake-model', redact: 'off' });
    await call(core, 'kb.save', { article: ARTICLE });
  },
});
afterAll(async () => {
  await fake?.close();
});

async function resize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await expect.poll(() => page.evaluate('[window.innerWidth, window.innerHeight]'), { timeout: UI_TIMEOUT }).toEqual([size.width, size.height]);
}

async function atBothSizes(tab: AppPage, name: string): Promise<void> {
  for (const size of sizes) {
    await resize(tab.page, size);
    await tab.screenshot(`${name}-${size.width}x${size.height}`);
  }
  await resize(tab.page, sizes[0]);
}

async function itemId(): Promise<string> {
  const { items } = await call(app().core, 'feedback.list', { filter: { query: SUBJECT }, sort: 'newest', cursor: null, limit: 10 });
  const item = items.find((i) => i.subject === SUBJECT);
  if (!item) throw new Error(`the demo inbox has no "${SUBJECT}"`);
  return item.id;
}

/** Opens the conversation through the search box, as an agent would find it. */
async function openItem(page: Page, id: string): Promise<void> {
  const search = page.getByTestId('search-input');
  await search.fill(SUBJECT);
  const row = page.locator(`[data-testid="feedback-row"][data-id="${id}"]`);
  await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await row.click();
  await expect.poll(() => openId(page), { timeout: UI_TIMEOUT }).toBe(id);
}

describe('AI in the inbox', () => {
  it(
    'triage with AI shows beside the local result; Accept sets the sentiment (llm); the escalation suggestion only opens the dialog',
    async () => {
      const id = await itemId();
      const before = await call(app().core, 'feedback.get', { id });
      const { topics } = await call(app().core, 'taxonomy.list', {});
      const { targets } = await call(app().core, 'escalation.targets.list', {});
      const billing = targets.find((t) => t.name === 'Billing');
      expect(billing, 'the shipped teams include Billing').toBeDefined();
      // A sentiment the local analysis did not give, so accepting it changes something.
      const sentiment = before.sentiment === 'negative' ? 'positive' : 'negative';
      fake!.enqueue({
        kind: 'json',
        value: {
          sentiment,
          topics: [topics[0]!.name],
          proposedTopics: ['duplicate charge'],
          urgency: 'high',
          priority: 'high',
          language: 'en',
          summary: 'Charged twice for one order; wants the duplicate taken off the card.',
          escalation: { target: 'Billing', reason: 'A duplicate card charge needs Billing to check the payment.' },
          confidence: 'high',
          reason: 'The customer reports two identical charges and asks for one to be reversed.',
        },
      });

      const tab = await app().open({ ready: 'feedback-row' });
      const { page } = tab;
      await openItem(page, id);
      const card = page.getByTestId('ai-triage');
      await card.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await card.getByTestId('ai-triage-start').click();
      // The answer arrives through the queue: the card fills in with it.
      await expect.poll(() => card.getByTestId('ai-summary').textContent(), { timeout: UI_TIMEOUT }).toContain('Charged twice');
      expect(await card.getByTestId('ai-confidence').textContent()).toBe('High confidence');
      const sentimentRow = card.locator('[data-testid="ai-field"][data-field="sentiment"]');
      expect(await sentimentRow.getByTestId('ai-value').textContent()).toBe(sentiment === 'negative' ? 'Negative' : 'Positive');
      expect(await sentimentRow.getByTestId('local-value').textContent()).toMatch(/^now /);
      expect(await card.locator('[data-testid="ai-field"][data-field="topics"]').textContent()).toContain('duplicate charge');
      expect(await card.getByTestId('ai-escalation').textContent()).toContain('Suggests escalating to Billing');
      await card.getByTestId('ai-why').click();
      await expect.poll(() => card.getByTestId('ai-reason').textContent()).toContain('two identical charges');
      await atBothSizes(tab, 'ai-triage');

      // Accept the sentiment: the item's sentiment is the model's, marked as from it.
      await card.getByTestId('ai-accept-sentiment').click();
      await expect.poll(async () => (await call(app().core, 'feedback.get', { id })).sentimentSource, { timeout: UI_TIMEOUT }).toBe('llm');
      expect((await call(app().core, 'feedback.get', { id })).sentiment).toBe(sentiment);
      await expect.poll(() => page.getByTestId('undo-button').isVisible(), { timeout: UI_TIMEOUT }).toBe(true);
      await expect.poll(() => sentimentRow.getAttribute('data-differs'), { timeout: UI_TIMEOUT }).toBeNull();

      // The suggested escalation: the dialog opens prefilled; nothing is escalated without confirming.
      await card.getByTestId('ai-escalate').click();
      const dialog = page.getByRole('dialog', { name: 'Escalate 1 conversation' });
      await dialog.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await expect.poll(() => dialog.getByTestId('escalate-target').inputValue(), { timeout: UI_TIMEOUT }).toBe('Billing');
      expect(await dialog.getByTestId('escalate-reason').inputValue()).toContain('A duplicate card charge needs Billing');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      expect((await call(app().core, 'feedback.get', { id })).escalation).toBeNull();
      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );

  it(
    'an AI draft streams into the composer with its sources; an unsupported promise is flagged; Mark as sent records the outcome',
    async () => {
      const id = await itemId();
      // Dark, so both schemes are pictured (the triage is light).
      const tab = await app().open({ ready: 'feedback-row', colorScheme: 'dark' });
      const { page } = tab;
      await tab.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app().bridge.url.replace(/\/$/, '') });
      // A window tall enough that the draft's marked-up copy starts open.
      await resize(page, sizes[0]);
      await openItem(page, id);

      // A slow endpoint, so the draft is seen on its way: Stop offered, the box not yet the agent's.
      fake!.latencyMs = 1_500;
      fake!.enqueue({ kind: 'text', text: `Hi, thanks for telling us. ${PROMISE} Sorry for the trouble.`, chunks: 12 });
      await page.getByTestId('ai-draft').click();
      await page.getByTestId('ai-draft-tone-apologetic').click();
      await page.getByTestId('ai-draft-streaming').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await page.getByTestId('ai-draft-stop').isVisible()).toBe(true);
      await tab.screenshot('ai-draft-streaming');
      expect(await page.getByTestId('reply-input').getAttribute('readonly')).not.toBeNull();

      const input = page.getByTestId('reply-input');
      await expect.poll(() => input.inputValue(), { timeout: UI_TIMEOUT }).toContain('Sorry for the trouble.');
      fake!.latencyMs = 0;
      const panel = page.getByTestId('ai-draft-panel');
      await panel.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await panel.getByTestId('ai-written').textContent()).toContain('AI-written — check before sending');
      // The knowledge-base article is a cited source; the text's [S1] and [S2] are chips.
      const kbChip = panel.locator('[data-testid="ai-source"][data-kind="kb"]');
      await kbChip.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await kbChip.first().textContent()).toContain(ARTICLE.title);
      expect(await kbChip.first().getAttribute('data-cited')).toBe('true');
      expect(await panel.getByTestId('ai-cite').allTextContents()).toEqual(['S1', 'S2']);
      const { draft } = await call(app().core, 'ai.draft.get', { feedbackId: id });
      // Earlier replies to this customer did refund a double charge, so the refund has a source;
      // "by Friday" has none: it is listed, and marked where it stands in the text.
      expect(draft?.unsupportedPromises.map((p) => p.text)).toEqual(['by Friday']);
      expect(await panel.getByTestId('ai-promise').allTextContents()).toEqual(['Promises a date (“by Friday”): no source supports it']);
      expect(await panel.getByTestId('ai-promise-mark').allTextContents()).toEqual(['by Friday']);
      expect(draft?.state).toBe('done');
      expect(draft?.tone).toBe('apologetic');
      await atBothSizes(tab, 'ai-draft');
      // Sources retrieved but not cited wait behind a click.
      const shown = await panel.getByTestId('ai-source').count();
      await panel.getByTestId('ai-sources-more').click();
      await expect.poll(() => panel.getByTestId('ai-source').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(shown);
      // A source chip opens what it names: the article in the knowledge base; the draft waits in the inbox.
      await kbChip.first().click();
      await page.getByTestId('kb-screen').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await expect.poll(() => page.getByTestId('kb-title').inputValue(), { timeout: UI_TIMEOUT }).toBe(ARTICLE.title);
      await page.locator('[data-testid="view-link"][data-view-id="builtin:inbox"]').click();
      await expect.poll(() => openId(page), { timeout: UI_TIMEOUT }).toBe(id);
      await expect.poll(() => page.getByTestId('reply-input').inputValue(), { timeout: UI_TIMEOUT }).toBe(draft!.text);

      // The agent edits and sends: the reply is recorded without markers, the draft's outcome with it.
      await input.fill(`${await input.inputValue()}\nBest, Sam`);
      await page.getByTestId('mark-sent').click();
      await expect.poll(async () => (await call(app().core, 'feedback.get', { id })).status, { timeout: UI_TIMEOUT }).toBe('replied');
      const sent = (await call(app().core, 'feedback.get', { id })).messages.at(-1)!;
      expect(sent.direction).toBe('out');
      expect(sent.body).toContain('Best, Sam');
      expect(sent.body).not.toContain('[S1]');
      const raw = openEncrypted(join(app().temp.dataDir, 'hearken.db'), { keyHex: databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex') });
      try {
        expect(raw.prepare('SELECT outcome FROM ai_drafts WHERE id = ?').get(draft!.id)).toEqual({ outcome: 'edited' });
      } finally {
        raw.close();
      }
      // Sent: the composer is empty and the AI panel has stepped aside.
      await expect.poll(() => input.inputValue(), { timeout: UI_TIMEOUT }).toBe('');
      expect(await page.getByTestId('ai-draft-panel').count()).toBe(0);
      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );

  it(
    'Shift+T triages the checked conversations with AI: a toast says how many were queued, and each gets its triage',
    async () => {
      const tab = await app().open({ ready: 'feedback-row' });
      const { page } = tab;
      const rows = page.getByTestId('feedback-row');
      const ids = [(await rows.nth(0).getAttribute('data-id'))!, (await rows.nth(1).getAttribute('data-id'))!];
      await page.getByTestId('feedback-list').focus();
      // j onto the first row, x to check it; the same for the second.
      for (const key of ['j', 'x', 'j', 'x']) await page.keyboard.press(key);
      await expect.poll(() => page.locator('[data-testid="feedback-row"][aria-selected="true"]').count(), { timeout: UI_TIMEOUT }).toBe(2);
      await page.keyboard.press('Shift+T');
      await page.getByText('Triage with AI · 2 conversations').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await page.getByText(/^Queued 2/).count()).toBe(1);
      for (const feedbackId of ids) {
        await expect.poll(async () => (await call(app().core, 'ai.triage.get', { feedbackId })).triage?.model ?? null, { timeout: UI_TIMEOUT }).toBe('fake-model');
      }
      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );

  it(
    'the knowledge base is a tab of the Templates page: the article is listed and edited there',
    async () => {
      const tab = await app().open({ ready: 'feedback-row' });
      const { page } = tab;
      await page.getByTestId('feedback-list').focus();
      await page.keyboard.press('g');
      await page.keyboard.press('t');
      await page.getByTestId('library-tabs').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await page.getByTestId('library-tabs').getByText('Knowledge base').click();
      const item = page.getByTestId('kb-item').filter({ hasText: ARTICLE.title });
      await item.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await item.click();
      await expect.poll(() => page.getByTestId('kb-title').inputValue(), { timeout: UI_TIMEOUT }).toBe(ARTICLE.title);
      await page.getByTestId('kb-title').fill(`${ARTICLE.title} (pending authorisations)`);
      await page.getByTestId('kb-save').click();
      await expect
        .poll(async () => (await call(app().core, 'kb.list', {})).articles.map((a) => a.title), { timeout: UI_TIMEOUT })
        .toContain(`${ARTICLE.title} (pending authorisations)`);
      // Unsaved edits are asked about before another article opens.
      await page.getByTestId('kb-title').fill('Half-written title');
      await page.getByTestId('kb-new').click();
      await page.getByTestId('kb-unsaved').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await page.getByTestId('kb-discard').click();
      await expect.poll(() => page.getByTestId('kb-title').inputValue(), { timeout: UI_TIMEOUT }).toBe('');
      await page.getByTestId('kb-item').first().click();
      await expect.poll(() => page.getByTestId('kb-title').inputValue(), { timeout: UI_TIMEOUT }).toBe(`${ARTICLE.title} (pending authorisations)`);
      // A folder import with no dialog to answer it changes nothing and breaks nothing.
      await page.getByTestId('kb-import').click();
      await tab.screenshot('ai-kb-editor');
      await tab.close();
    },
    SPEC_TIMEOUT,
  );
});
