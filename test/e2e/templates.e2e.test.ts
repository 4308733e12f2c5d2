/**
 * The template library, end to end: the built renderer in Chromium over the loopback
 * bridge, a real core on a temporary encrypted store with the demo inbox and the shipped
 * templates. Only the OS file dialogs are replaced (the core's `dialogs`), so Import JSON…
 * and Export JSON… read and write real files in a scratch folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/types';
import type { Template } from '../../src/shared/contract';
import { usageSentence } from '../../src/shared/template-words';
import type { TemplateFile } from '../../src/shared/templates';
import { call } from '../helpers/results';
import { UI_TIMEOUT, useApp, type AppPage } from '../support/e2e';
import { colorScheme } from './inbox-helpers';

const SPEC_TIMEOUT = 120_000;
const NEW_NAME = 'Delivery: address changed';
const EDITED_NAME = 'Refund: request received';

let tab: AppPage;
let page: Page;
/** What the next "Import JSON…" dialog answers. */
let openNext: string | null = null;
/** Where "Export JSON…" wrote, as the save dialog answered. */
let exportedTo: string | null = null;

async function templates(): Promise<Template[]> {
  return (await call(app().core, 'templates.list', {})).templates;
}

async function byName(name: string): Promise<Template | undefined> {
  return (await templates()).find((t) => t.name === name);
}

/**
 * Replies sent from suggestions, so the list has usage figures to show: the first
 * suggestion of a few conversations, sent as suggested or with a line added.
 */
async function sendSomeReplies(core: Core): Promise<void> {
  const { items } = await call(core, 'feedback.list', { filter: {}, sort: 'newest', cursor: null, limit: 40 });
  let sent = 0;
  for (const item of items) {
    const { suggestions } = await call(core, 'suggestions.list', { feedbackId: item.id, limit: 3 });
    const first = suggestions.find((s) => s.kind === 'template');
    if (!first) continue;
    const body = sent % 4 === 3 ? `${first.text}\n\nP.S. Thanks again for your patience.` : first.text;
    await call(core, 'replies.send', { feedbackId: item.id, body, suggestion: { kind: first.kind, sourceId: first.sourceId, text: first.text, rank: 1 } });
    if (++sent === 16) break;
  }
}

const app = useApp({
  core: {
    dialogs: {
      chooseImportFiles: () => Promise.resolve([]),
      chooseSavePath: (defaultName) => {
        exportedTo = join(app().scratch, defaultName);
        return Promise.resolve(exportedTo);
      },
      chooseOpenFile: () => Promise.resolve(openNext),
    },
  },
  async prepare(core) {
    await call(core, 'profile.save', { agentName: 'Sam Rivera' });
    await sendSomeReplies(core);
  },
});

beforeAll(async () => {
  tab = await app().open();
  page = tab.page;
}, UI_TIMEOUT);

function item(name: string) {
  return page.locator(`[data-testid="template-item"][data-name="${name}"]`);
}

/** The data-testid of the element with focus. */
function focused(): Promise<string | null> {
  return page.evaluate('document.activeElement?.getAttribute("data-testid") ?? null') as Promise<string | null>;
}

function preview(): Promise<string> {
  return page.getByTestId('template-preview').innerText();
}

async function statusText(): Promise<string> {
  return (await page.getByTestId('template-status').textContent()) ?? '';
}

async function openTemplate(name: string): Promise<void> {
  await item(name).click();
  await expect.poll(() => page.getByTestId('template-name').inputValue(), { timeout: UI_TIMEOUT }).toBe(name);
}

describe('the reply template library', () => {
  it(
    'opens from the nav, lists the shipped templates with their usage, and creates a template with a placeholder',
    async () => {
      await page.getByTestId('templates-link').click();
      await page.getByTestId('templates-screen').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await item(EDITED_NAME).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const shipped = await templates();
      await expect.poll(() => page.getByTestId('template-item').count()).toBe(shipped.length);
      expect(await page.getByTestId('template-count').textContent()).toContain(`${shipped.length} templates`);
      expect(await page.getByTestId('agent-name').textContent()).toBe('Sam Rivera');

      // The usage line of the most used template, as the core counts it.
      const mostUsed = [...shipped].sort((a, b) => b.usage.used - a.usage.used)[0]!;
      expect(mostUsed.usage.used, 'replies sent from suggestions in set-up').toBeGreaterThan(0);
      // A sentence an agent reads at a glance, not a ratio.
      const usageLine = await item(mostUsed.name).getByTestId('template-usage').textContent();
      expect(usageLine).toBe(usageSentence(mostUsed.usage));
      expect(usageLine).toMatch(/^Sent (once|twice|\d+ times), /);

      // Search narrows the list by body text too, and clears.
      await page.getByTestId('template-search').fill('working days');
      await expect.poll(() => page.getByTestId('template-item').count()).toBeLessThan(shipped.length);
      expect(await item(EDITED_NAME).count()).toBe(1);
      await page.getByTestId('template-search').fill('');

      // Keyboard: "/" goes to the search, ArrowDown into the list, Enter opens.
      await item(EDITED_NAME).focus();
      await page.keyboard.press('/');
      await expect.poll(focused).toBe('template-search');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect.poll(focused).toBe('template-item');
      const second = (await page.evaluate('document.activeElement?.getAttribute("data-name") ?? ""')) as string;
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('template-name').inputValue()).toBe(second);

      // A new template: name, language, topic, keyword, and a placeholder from the menu.
      await page.getByTestId('template-new').click();
      await expect.poll(focused).toBe('template-name');
      await tab.screenshot('template-new');
      await page.keyboard.type(NEW_NAME);
      await page.getByTestId('template-language').click();
      await page.getByRole('option', { name: 'English', exact: true }).click();
      await page.getByTestId('template-topics').click();
      await page.getByRole('option', { name: 'delivery', exact: true }).click();
      await page.keyboard.press('Escape');
      await page.getByTestId('template-keywords').fill('new address, wrong address');
      await page.keyboard.press('Enter');

      const body = page.getByTestId('template-body');
      await body.click();
      await page.keyboard.type('Hi ');
      await page.getByTestId('placeholder-menu').click();
      // The menu names placeholders as their chips do.
      const firstNameOption = page.locator('[data-testid="placeholder-option"][data-key="customer.first_name"]');
      expect(await firstNameOption.textContent()).toContain('First name');
      expect(await firstNameOption.textContent()).not.toContain('{{');
      await firstNameOption.click();
      // The fallback is selected after inserting, so typing replaces it.
      await expect.poll(() => page.evaluate('(({ value, selectionStart, selectionEnd }) => value.slice(selectionStart, selectionEnd))(document.activeElement)')).toBe('there');
      await page.keyboard.type('friend');
      await page.keyboard.press('End');
      await page.keyboard.type(',\n\nThanks, the parcel now goes to your new address.\n\n{{agent.name}}');
      expect(await body.inputValue()).toBe('Hi {{customer.first_name|friend}},\n\nThanks, the parcel now goes to your new address.\n\n{{agent.name}}');
      // The placeholders read as chips with their names, over the raw text the agent typed.
      const chips = page.getByTestId('template-body-backdrop').getByTestId('placeholder-chip');
      await expect.poll(() => chips.allTextContents()).toEqual(['First nameor “friend”', 'Your name']);
      // The one the caret is in reads as written, so it can be edited.
      await body.focus();
      await page.evaluate('document.activeElement.setSelectionRange(6, 6)');
      await expect.poll(() => chips.allTextContents()).toEqual(['Your name']);
      await tab.screenshot('template-chip-editing');
      await page.evaluate('document.activeElement.setSelectionRange(document.activeElement.value.length, document.activeElement.value.length)');
      await expect.poll(() => chips.count()).toBe(2);
      await expect.poll(preview, { timeout: UI_TIMEOUT }).toContain('Hi Harriet,');
      expect(await preview()).toContain('Sam Rivera');
      expect(await statusText()).toContain('not saved yet');

      await page.keyboard.press('Control+s');
      await expect.poll(statusText, { timeout: UI_TIMEOUT }).toBe('Saved');
      const saved = await byName(NEW_NAME);
      expect(saved).toMatchObject({
        language: 'en',
        topics: ['delivery'],
        keywords: 'new address, wrong address',
        body: 'Hi {{customer.first_name|friend}},\n\nThanks, the parcel now goes to your new address.\n\n{{agent.name}}',
      });
      await item(NEW_NAME).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await item(NEW_NAME).getAttribute('aria-current')).toBe('true');
      expect(await item(NEW_NAME).getByTestId('template-usage').textContent()).toBe('Not sent yet');
    },
    SPEC_TIMEOUT,
  );

  it(
    'previews an edit live, refuses an unknown placeholder, guards unsaved changes, and saves',
    async () => {
      await openTemplate(EDITED_NAME);
      const before = (await byName(EDITED_NAME))!;
      const body = page.getByTestId('template-body');
      expect(await preview()).toContain('Hi Harriet,');

      // The preview follows the text; for a customer without a name the fallback reads.
      await body.fill(before.body.replace('Hi {{customer.first_name|there}},', 'Hello {{customer.first_name|there}},'));
      await expect.poll(preview, { timeout: UI_TIMEOUT }).toContain('Hello Harriet,');
      await page.getByTestId('preview-sample').getByText('Name unknown').click();
      await expect.poll(preview, { timeout: UI_TIMEOUT }).toContain('Hello there,');
      await page.getByTestId('preview-sample').getByText('Named customer').click();

      // An unknown placeholder is named under the text, shows in the preview, and is not saved.
      await body.fill(`${await body.inputValue()}\nOrder: {{order.number}}`);
      const error = page.locator('#template-body-error');
      await error.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await error.textContent()).toContain('Unknown placeholder {{order.number}}');
      expect(await page.getByTestId('preview-missing').allTextContents()).toContain('{{order.number}}');
      await page.getByTestId('template-save').click();
      // A refused save hands the focus back from the button to the field at fault.
      await expect.poll(focused, { timeout: UI_TIMEOUT }).toBe('template-body');
      expect(await statusText()).toContain('Unsaved changes');
      expect((await byName(EDITED_NAME))!.body, 'nothing saved with an unknown placeholder').toBe(before.body);

      // Opening another template asks first; "Keep editing" stays.
      await item(NEW_NAME).click();
      await page.getByTestId('unsaved-question').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await page.getByTestId('unsaved-stay').click();
      await page.getByTestId('unsaved-question').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      expect(await page.getByTestId('template-name').inputValue()).toBe(EDITED_NAME);

      // Without the unknown placeholder it saves.
      await body.fill((await body.inputValue()).replace('\nOrder: {{order.number}}', ''));
      await error.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      await page.getByTestId('template-save').click();
      await expect.poll(statusText, { timeout: UI_TIMEOUT }).toBe('Saved');
      const after = (await byName(EDITED_NAME))!;
      expect(after.body.startsWith('Hello {{customer.first_name|there}},')).toBe(true);
      expect(after.id).toBe(before.id);
      expect(after.updatedAt).toBeGreaterThanOrEqual(before.updatedAt);

      // The editor as a lead sees it: a template open, its preview beside it.
      await page.getByTestId('template-body').blur();
      await page.getByTestId('template-editor-scroll').evaluate((el) => el.scrollTo(0, 0));
      await item(EDITED_NAME).scrollIntoViewIfNeeded();
      await expect.poll(preview, { timeout: UI_TIMEOUT }).toContain('Hello Harriet,');
      await tab.screenshot('template-editor', { bothSizes: true });
      await page.getByTestId('theme-toggle').click();
      await expect.poll(() => colorScheme(page)).toBe('dark');
      await tab.screenshot('template-editor-dark', { bothSizes: true });
      // Dialogs over the library in the dark: the placeholder menu, the shortcut sheet and the palette.
      await page.getByTestId('placeholder-menu').click();
      await page.locator('[data-testid="placeholder-option"]').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await tab.screenshot('template-placeholder-menu-dark');
      await page.keyboard.press('Escape');
      await page.locator('[data-testid="placeholder-option"]').first().waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      await page.getByTestId('templates-screen').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await tab.screenshot('templates-shortcut-sheet-dark', { bothSizes: true });
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      await page.keyboard.press('Control+k');
      await page.getByRole('textbox', { name: 'Command' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await tab.screenshot('templates-command-palette-dark', { bothSizes: true });
      await page.keyboard.press('Escape');
      await page.getByRole('textbox', { name: 'Command' }).waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      await page.getByTestId('theme-toggle').click();
      await expect.poll(() => colorScheme(page)).toBe('light');
    },
    SPEC_TIMEOUT,
  );

  it(
    'exports the library to JSON and imports a changed file, showing what was added and updated',
    async () => {
      const count = (await templates()).length;
      await page.getByTestId('templates-export').click();
      await expect
        .poll(() => page.getByTestId('templates-notice').last().textContent(), { timeout: UI_TIMEOUT })
        .toContain(`${count} templates written to hearken-templates.json.`);
      expect(exportedTo).not.toBeNull();
      // The window is told the file's name, never its folder.
      expect(await page.getByTestId('templates-notice').last().textContent()).not.toContain(app().scratch);
      const file = JSON.parse(readFileSync(exportedTo!, 'utf8')) as TemplateFile;
      expect(file.templates).toHaveLength(count);
      expect(file.templates.map((t) => t.name)).toContain(NEW_NAME);

      // A colleague's edit of the file: one template changed, one added.
      const changed = file.templates.map((t) => (t.name === NEW_NAME ? { ...t, body: `${t.body}\n\nP.S. Your tracking link stays the same.` } : t));
      changed.push({ name: 'Praise: shared with the team', language: 'en', topics: ['praise'], keywords: 'love it, great', body: 'Hi {{customer.first_name|there}},\n\nThank you! I have shared this with the team.' });
      openNext = join(app().scratch, 'from-a-colleague.json');
      writeFileSync(openNext, JSON.stringify({ ...file, templates: changed }, null, 2));

      await page.getByTestId('templates-import').click();
      await expect
        .poll(() => page.getByTestId('templates-notice').last().textContent(), { timeout: UI_TIMEOUT })
        .toContain(`1 added, 1 updated, ${count - 1} unchanged`);
      await item('Praise: shared with the team').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await page.getByTestId('template-count').textContent()).toContain(`${count + 1} templates`);
      // The open template follows the import.
      await openTemplate(NEW_NAME);
      expect(await page.getByTestId('template-body').inputValue()).toContain('Your tracking link stays the same.');

      // A file that is not a templates file says so, and nothing changes.
      openNext = join(app().scratch, 'not-templates.json');
      writeFileSync(openNext, JSON.stringify({ format: 'something.else', version: 1, templates: [] }));
      await page.getByTestId('templates-import').click();
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Not a Hearken templates file' }).count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
      expect(await templates()).toHaveLength(count + 1);

      // A file picked by mistake (not JSON at all) is refused with where it breaks, never with what it says.
      openNext = join(app().scratch, 'passwords.json');
      writeFileSync(openNext, 'bank: CANARY-hunter2-7731\n');
      await page.getByTestId('templates-import').click();
      const refusal = page.getByRole('alert').filter({ hasText: 'passwords.json is not a valid template file' });
      await expect.poll(() => refusal.count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
      expect(await refusal.last().textContent()).toContain('JSON syntax error at line 1, column 1.');
      expect(await page.locator('body').textContent()).not.toContain('CANARY');
      await tab.screenshot('templates-import-not-json');
      expect(await templates()).toHaveLength(count + 1);

      // The same failure again replaces its toast (two alike would hold back the next
      // notice: the window shows two at a time). Failures stay until closed, as an agent does.
      const failures = page.locator('.mantine-Notification-root', { hasText: 'Importing templates failed' });
      expect(await failures.count()).toBe(1);
      await failures.first().locator('.mantine-Notification-closeButton').click();
      await expect.poll(() => failures.count(), { timeout: UI_TIMEOUT }).toBe(0);
    },
    SPEC_TIMEOUT,
  );

  it(
    'keeps unsaved edits when the agent goes to the inbox, and brings them back',
    async () => {
      await openTemplate(NEW_NAME);
      const body = page.getByTestId('template-body');
      const edited = `${await body.inputValue()}\n\nAn unsaved line.`;
      await body.fill(edited);
      await expect.poll(statusText).toBe('Unsaved changes');
      await page.getByTestId('view-link').first().click();
      await page.getByTestId('feedback-row').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await page.getByTestId('templates-kept-notice').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await page.getByTestId('templates-kept-notice').textContent()).toContain(NEW_NAME);
      await page.getByRole('button', { name: 'Back to it' }).click();
      await expect.poll(() => page.getByTestId('template-body').inputValue(), { timeout: UI_TIMEOUT }).toBe(edited);
      expect(await statusText()).toBe('Unsaved changes');
      expect((await byName(NEW_NAME))!.body, 'nothing saved by leaving').not.toContain('An unsaved line.');
      await page.getByTestId('template-revert').click();
      await expect.poll(statusText).toBe('No changes');
      expect(await page.getByTestId('template-body').inputValue()).not.toContain('An unsaved line.');
    },
    SPEC_TIMEOUT,
  );

  it(
    'deletes a template only after confirmation, and Undo brings it back',
    async () => {
      await openTemplate(NEW_NAME);
      await page.getByTestId('template-delete').click();
      await page.getByTestId('delete-question').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await page.getByTestId('delete-question').textContent()).toContain(NEW_NAME);
      // Cancel keeps it.
      await page.getByTestId('delete-cancel').click();
      await page.getByTestId('delete-question').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      expect(await byName(NEW_NAME)).toBeDefined();

      await page.getByTestId('template-delete').click();
      await page.getByTestId('delete-confirm').click();
      await item(NEW_NAME).waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      expect(await byName(NEW_NAME)).toBeUndefined();
      // Another template opens in its place.
      expect(await page.getByTestId('template-name').inputValue()).not.toBe(NEW_NAME);

      await page.getByTestId('undo-button').click();
      await item(NEW_NAME).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const restored = await byName(NEW_NAME);
      expect(restored?.body).toContain('Your tracking link stays the same.');
      await expect.poll(() => page.getByTestId('template-name').inputValue(), { timeout: UI_TIMEOUT }).toBe(NEW_NAME);
      tab.expectClean();
    },
    SPEC_TIMEOUT,
  );
});
