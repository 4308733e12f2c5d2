/**
 * AI & privacy in the window, against the fake OpenAI-compatible server on 127.0.0.1: open the
 * page with g p, point Hearken at the fake (Custom), a model and an API key, redaction on;
 * save, and the key field is empty while the status says where the key is kept. Test
 * connection lists the fake's models. One triage call later, What left this machine lists it,
 * and its request body holds placeholders, not the customer's name. The key appears nowhere in
 * the page, nor in the exported log.
 */
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers/results';
import { UI_TIMEOUT, useApp } from '../support/e2e';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';
import { colorScheme, openId } from './inbox-helpers';

const SPEC_TIMEOUT = 180_000;
const API_KEY = 'sk-hearken-e2e-7f3a9c1d5e8b2f60';
const MODEL = 'hearken-test-8b';
const exportFile = (): string => join(app().scratch, 'what-left.jsonl');

const app = useApp({
  core: {
    dialogs: {
      chooseImportFiles: () => Promise.resolve([]),
      chooseOpenFile: () => Promise.resolve(null),
      // The host's save dialog, answered with a file in the spec's scratch folder.
      chooseSavePath: () => Promise.resolve(exportFile()),
    },
  },
});

/** A port nothing listens on: taken, then let go. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi({ models: [MODEL, 'llama3.1', 'qwen2.5', 'mistral-nemo'], latencyMs: 20 });
});
afterAll(() => fake?.close());

describe('the AI & privacy page', () => {
  it(
    'saves an endpoint and a key the window never sees again, tests it, and shows exactly what left the machine',
    async () => {
      const tab = await app().open();
      const { page } = tab;
      // Pictures without toasts over the header: they close by themselves within seconds.
      const quiet = () => expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: UI_TIMEOUT }).toBe(0);
      await page.keyboard.press('g');
      await page.keyboard.press('p');
      await page.getByTestId('ai-screen').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await page.getByTestId('ai-provider-tab').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      // Off by default, and nothing is dirty yet.
      expect(await page.getByTestId('ai-enabled').isChecked()).toBe(false);
      expect(await page.getByTestId('ai-save').isDisabled()).toBe(true);

      await page.getByTestId('ai-enabled').click({ force: true });
      await page.getByTestId('ai-provider').getByText('Custom', { exact: true }).click();
      // A URL that is not one: Save names the field and sends nothing.
      await page.getByTestId('ai-base-url').fill('localhost 11434');
      await page.getByTestId('ai-save').click();
      await expect.poll(() => page.getByText('Give a full URL, e.g. http://127.0.0.1:11434/v1').count(), { timeout: UI_TIMEOUT }).toBe(1);
      expect(await page.getByTestId('ai-save-state').textContent()).toBe('Correct the marked fields to save.');
      expect((await call(app().core, 'ai.status', {})).settings.enabled).toBe(false);
      await page.getByTestId('ai-base-url').fill(fake.baseUrl);
      await page.getByTestId('ai-model').fill(MODEL);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('ai-loopback-badge').textContent(), { timeout: UI_TIMEOUT }).toBe('Nothing leaves this machine');
      // Loopback: Auto would not redact; On makes the log show placeholders.
      await page.getByTestId('ai-redact').getByText('On', { exact: true }).click();
      await expect.poll(() => page.getByTestId('ai-redaction-line').textContent()).toMatch(/^Redacting: e-mails, phone numbers/);
      await page.getByTestId('ai-api-key').fill(API_KEY);
      expect(await page.getByTestId('ai-save-state').textContent()).toBe('Unsaved changes.');
      await page.getByTestId('ai-save').click();

      const status = async () => call(app().core, 'ai.status', {});
      await expect.poll(async () => (await status()).hasApiKey, { timeout: UI_TIMEOUT }).toBe(true);
      const saved = await status();
      expect(saved.settings).toMatchObject({ enabled: true, provider: 'custom', baseUrl: fake.baseUrl, model: MODEL, redact: 'on' });
      expect(saved.loopback).toBe(true);
      expect(saved.redacting).toBe(true);
      const keptWords = saved.keyStore === 'store' ? 'Sealed in the encrypted store (no keychain)' : 'Saved in the system keychain';
      await expect.poll(() => page.getByTestId('ai-key-status').textContent(), { timeout: UI_TIMEOUT }).toBe(`A key is kept. ${keptWords}.`);
      await expect.poll(() => page.getByTestId('ai-save-state').textContent()).toBe('All changes saved.');
      // The field is gone once saved; opening Replace shows it empty.
      expect(await page.getByTestId('ai-api-key').count()).toBe(0);
      await page.getByTestId('ai-key-replace').click();
      expect(await page.getByTestId('ai-api-key').inputValue()).toBe('');
      await page.getByTestId('ai-key-replace').click();
      expect(await page.getByTestId('ai-api-key').count()).toBe(0);

      // Test connection: the fake's models, the configured one found.
      await page.getByTestId('ai-test').click();
      await page.getByTestId('ai-test-result').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await page.getByTestId('ai-test-models').textContent()).toBe(`${MODEL}, llama3.1, qwen2.5 and 1 more`);
      expect(await page.getByTestId('ai-test-result').textContent()).toContain(`${MODEL} is available`);
      expect(await page.getByTestId('ai-test-result').textContent()).toMatch(/Structured output\s*Enforced/);
      // The key reached the server, and only there.
      expect(fake.requests.some((r) => r.headers.authorization === `Bearer ${API_KEY}`)).toBe(true);
      // The picture: the form from its top, no toast over the header.
      await page.getByTestId('ai-provider-tab').evaluate((el) => el.scrollTo(0, 0));
      await quiet();
      await tab.screenshot('ai-settings', { bothSizes: true });

      // One triage, for a conversation signed with the customer's name.
      const { items } = await call(app().core, 'feedback.list', { filter: { query: 'live view crashes' }, sort: 'newest', cursor: null, limit: 20 });
      const item = items.find((i) => i.subject === 'App crashes on live view');
      expect(item).toBeDefined();
      const detail = await call(app().core, 'feedback.get', { id: item!.id });
      const customerFirst = detail.customer!.name!.split(' ')[0]!;
      expect(JSON.stringify(detail)).toContain(customerFirst);
      await call(app().core, 'ai.triage.start', { ids: [item!.id] });
      await expect.poll(async () => (await call(app().core, 'ai.triage.get', { feedbackId: item!.id })).triage !== null, { timeout: UI_TIMEOUT }).toBe(true);

      await page.getByTestId('ai-tab-log').click();
      const triageEntry = page.getByTestId('ai-log-entry').filter({ hasText: 'Triage' }).first();
      await triageEntry.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const logged = (await call(app().core, 'ai.log.list', { kind: 'llm' })).entries.find((e) => e.purpose === 'triage')!;
      expect(await triageEntry.getAttribute('data-entry-id')).toBe(logged.id);
      await triageEntry.getByTestId('ai-log-toggle').click();
      const request = triageEntry.getByTestId('ai-log-request');
      await request.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const shown = (await request.textContent())!;
      // Exactly what was sent, pretty-printed: the same JSON value, with placeholders for the name.
      expect(JSON.parse(shown)).toEqual(JSON.parse(logged.request));
      expect(shown).toMatch(/\[NAME_\d+\]/);
      expect(shown).not.toContain(customerFirst);
      expect(logged.request).toBe(fake.requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1)!.raw);
      await quiet();
      await tab.screenshot('ai-what-left', { bothSizes: true });
      // Read as messages: the customer's words, with the name replaced.
      await triageEntry.getByTestId('ai-log-request-view').getByText('Messages', { exact: true }).click();
      const messages = (await triageEntry.getByTestId('ai-log-request-messages').textContent())!;
      expect(messages).toMatch(/live view/);
      expect(messages).toMatch(/\[NAME_\d+\]/);
      expect(messages).not.toContain(customerFirst);
      await tab.screenshot('ai-what-left-messages');
      // The dark scheme, on the same entry and on the Provider tab.
      await page.getByTestId('theme-toggle').click();
      await expect.poll(() => colorScheme(page)).toBe('dark');
      await tab.screenshot('ai-what-left-dark');
      await page.getByTestId('ai-tab-provider').click();
      await page.getByTestId('ai-provider-tab').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      // The meter counts the triage's tokens.
      const { budget } = await status();
      expect(budget.used).toBeGreaterThan(0);
      await expect
        .poll(() => page.getByTestId('ai-budget-label').textContent(), { timeout: UI_TIMEOUT })
        .toMatch(new RegExp(`^${budget.used.toLocaleString('en')} of 2,000,000 tokens used this month \\(`));
      await tab.screenshot('ai-settings-dark');
      await page.getByTestId('theme-toggle').click();
      await expect.poll(() => colorScheme(page)).toBe('light');
      await page.getByTestId('ai-tab-log').click();
      await triageEntry.getByTestId('ai-log-request-view').getByText('As sent', { exact: true }).click();
      await triageEntry.getByTestId('ai-log-request').waitFor({ state: 'visible', timeout: UI_TIMEOUT });

      // The queue lists the finished job.
      await page.getByTestId('ai-tab-queue').click();
      await expect.poll(() => page.getByTestId('ai-job-row').filter({ hasText: 'App crashes on live view' }).count(), { timeout: UI_TIMEOUT }).toBe(1);
      expect(await page.getByTestId('ai-job-row').first().getAttribute('data-state')).toBe('done');
      await tab.screenshot('ai-queue');

      // Export: JSON Lines in the file the save dialog named, one line per entry, no key.
      await page.getByTestId('ai-tab-log').click();
      await page.getByTestId('ai-log-export').click();
      await expect.poll(() => page.getByText(/written to/).count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
      const exported = readFileSync(exportFile(), 'utf8').trim().split('\n');
      expect(exported.length).toBe((await call(app().core, 'ai.log.list', {})).total);
      expect(exported.join('\n')).not.toContain(API_KEY);

      // An endpoint that does not answer: Save and test says what to do; a triage waits, paused, until cancelled.
      await page.getByTestId('ai-tab-provider').click();
      await page.getByTestId('ai-provider-tab').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      // Looking at Azure with redaction off: its preset, its api-version, a warning; back to Custom, what was typed returns.
      await page.getByTestId('ai-provider').getByText('Azure OpenAI', { exact: true }).click();
      expect(await page.getByTestId('ai-base-url').inputValue()).toBe('https://YOUR-RESOURCE.openai.azure.com');
      await page.getByTestId('ai-azure-version').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await page.getByTestId('ai-redact').getByText('Off', { exact: true }).click();
      await page.getByTestId('ai-redaction-warning').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await page.getByTestId('ai-remote-badge').textContent()).toBe('Sends to your-resource.openai.azure.com');
      expect(await page.getByTestId('ai-test-stale').textContent()).toMatch(/Save and test to check your-resource\.openai\.azure\.com/);
      await quiet();
      await page.getByTestId('ai-redaction-warning').scrollIntoViewIfNeeded();
      await tab.screenshot('ai-settings-azure-off');
      await page.getByTestId('ai-provider').getByText('Custom', { exact: true }).click();
      await page.getByTestId('ai-redact').getByText('On', { exact: true }).click();
      expect(await page.getByTestId('ai-base-url').inputValue()).toBe(fake.baseUrl);
      expect(await page.getByTestId('ai-model').inputValue()).toBe(MODEL);
      expect(await page.getByTestId('ai-save-state').textContent()).toBe('All changes saved.');
      expect(await page.getByTestId('ai-test-stale').count()).toBe(0);

      const dead = `http://127.0.0.1:${await closedPort()}/v1`;
      await page.getByTestId('ai-base-url').fill(dead);
      // The key goes too: Remove waits for Save, and can be taken back until then.
      await page.getByTestId('ai-key-remove').click();
      expect(await page.getByTestId('ai-key-status').textContent()).toBe('The key will be removed when you save.');
      expect(await page.getByTestId('ai-test').textContent()).toBe('Save and test');
      await page.getByTestId('ai-test').click();
      await page.getByTestId('ai-test-error').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await page.getByTestId('ai-test-error').textContent()).toMatch(/server is running/);
      expect((await status()).settings.baseUrl).toBe(dead);
      expect((await status()).hasApiKey).toBe(false);
      expect(await page.getByTestId('ai-key-status').count()).toBe(0);
      expect(await page.getByTestId('ai-api-key').inputValue()).toBe('');
      const other = items.find((i) => i.id !== item!.id) ?? (await call(app().core, 'feedback.list', { filter: {}, sort: 'newest', cursor: null, limit: 2 })).items.find((i) => i.id !== item!.id)!;
      await call(app().core, 'ai.triage.start', { ids: [other.id] });
      await page.getByTestId('ai-tab-queue').click();
      await page.getByTestId('ai-pause-banner').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await page.getByTestId('ai-pause-banner').textContent()).toMatch(/The endpoint doesn’t answer; jobs resume by themselves when it does/);
      await quiet();
      await tab.screenshot('ai-queue-paused');
      await page.getByTestId('ai-cancel-all').click();
      await expect.poll(async () => (await call(app().core, 'ai.jobs.list', {})).jobs.find((j) => j.feedbackId === other.id)?.state, { timeout: UI_TIMEOUT }).toBe('cancelled');
      await expect.poll(() => page.locator('[data-testid="ai-job-row"][data-state="cancelled"]').count(), { timeout: UI_TIMEOUT }).toBe(1);
      // Nothing waits now, so nothing to say about the endpoint.
      await page.getByTestId('ai-pause-banner').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      // A job's item opens in the inbox.
      await page.getByTestId('ai-job-item').filter({ hasText: 'App crashes on live view' }).click();
      await expect.poll(() => openId(page), { timeout: UI_TIMEOUT }).toBe(item!.id);

      // The key never reached the window.
      expect(await page.content()).not.toContain(API_KEY);
      tab.expectClean();
    },
    SPEC_TIMEOUT,
  );
});
