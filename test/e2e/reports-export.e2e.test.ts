/**
 * The Reports view's insights, AI-quality panel and exports, end to end: the built renderer
 * in Chromium over the loopback bridge, a real core on a temporary encrypted store with the
 * demo inbox, and the fake OpenAI-compatible server for the AI period summary. Only the OS
 * file dialogs are replaced (the core's `dialogs`): they answer paths in a scratch folder,
 * so every export writes a real file that is read back here.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/types';
import type { Report } from '../../src/shared/reports/schema';
import { drillFilter, figureRows, groupDrill } from '../../src/renderer/src/reports/model-insights';
import { defaultChoice, scopeOf } from '../../src/renderer/src/reports/model/scope';
import { call } from '../helpers/results';
import { UI_TIMEOUT, useApp, type AppPage } from '../support/e2e';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';
import { expectShownCount, typeInPalette } from './inbox-helpers';

const SPEC_TIMEOUT = 150_000;

let fake: FakeOpenAi | undefined;
/** Every path the save dialog answered, newest last. */
const saved: string[] = [];
/** Where the folder dialog answers for scheduled exports. */
const scheduleFolder = (): string => join(app().scratch, 'scheduled');

const app = useApp({
  core: {
    dialogs: {
      chooseImportFiles: () => Promise.resolve([]),
      chooseOpenFile: () => Promise.resolve(null),
      chooseSavePath: (defaultName) => {
        const path = join(app().scratch, defaultName);
        saved.push(path);
        return Promise.resolve(path);
      },
      // The host's printer, as Electron's printToPDF is in the app: the test browser prints the page.
      printToPdf: async (html) => {
        const printing = await app().browser.newPage();
        try {
          await printing.setContent(html, { waitUntil: 'load' });
          return await printing.pdf({ format: 'A4', printBackground: true });
        } finally {
          await printing.close();
        }
      },
      chooseFolder: () => {
        mkdirSync(scheduleFolder(), { recursive: true });
        return Promise.resolve(scheduleFolder());
      },
    },
  },
  async prepare(core) {
    fake = await startFakeOpenAi({ models: ['fake-model'] });
    await call(core, 'ai.settings.save', { enabled: true, provider: 'custom', baseUrl: fake.baseUrl, model: 'fake-model', redact: 'off' });
    await correctSomeSentiments(core);
    await sendSomeReplies(core);
    await useSomeAiDrafts(core);
  },
});

/** The period the Reports page opens on (the last 30 days), in this machine's zone as the browser's. */
function defaultPeriod(): { from: number; to: number } {
  const scope = scopeOf(defaultChoice, Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);
  return { from: scope.from, to: scope.to };
}

/**
 * People correct the analysis of a dozen chats of the period and one e-mail: the chat
 * channel's override rate is then clearly above the overall one.
 */
async function correctSomeSentiments(core: Core): Promise<void> {
  const { from, to } = defaultPeriod();
  for (const [channel, limit] of [['chat', 12], ['email', 1]] as const) {
    const { items } = await call(core, 'feedback.list', { filter: { channel: [channel], receivedFrom: from, receivedTo: to }, sort: 'newest', cursor: null, limit });
    for (const item of items) await call(core, 'feedback.update', { ids: [item.id], change: { sentiment: item.sentiment === 'negative' ? 'neutral' : 'negative' } });
  }
}

/** Replies sent from the first suggestion of a few conversations of the period, some edited. */
async function sendSomeReplies(core: Core): Promise<void> {
  const { from, to } = defaultPeriod();
  const { items } = await call(core, 'feedback.list', { filter: { receivedFrom: from, receivedTo: to }, sort: 'newest', cursor: null, limit: 30 });
  let sent = 0;
  for (const item of items) {
    const { suggestions } = await call(core, 'suggestions.list', { feedbackId: item.id, limit: 3 });
    const first = suggestions[0];
    if (!first) continue;
    const body = sent % 3 === 2 ? `${first.text}\n\nThanks again for your patience.` : first.text;
    await call(core, 'replies.send', { feedbackId: item.id, body, suggestion: { kind: first.kind, sourceId: first.sourceId, text: first.text, rank: 1 } });
    if (++sent === 6) break;
  }
}

/** AI drafts of three conversations of the period: one sent as written, one edited, one set aside. */
async function useSomeAiDrafts(core: Core): Promise<void> {
  const { from, to } = defaultPeriod();
  const { items } = await call(core, 'feedback.list', { filter: { receivedFrom: from, receivedTo: to, status: ['open'] }, sort: 'oldest', cursor: null, limit: 3 });
  for (const [i, item] of items.entries()) {
    const { draftId } = await call(core, 'ai.draft.start', { feedbackId: item.id, tone: 'friendly' });
    let draft = (await call(core, 'ai.draft.get', { feedbackId: item.id })).draft;
    for (let tries = 0; draft?.state !== 'done' && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      draft = (await call(core, 'ai.draft.get', { feedbackId: item.id })).draft;
    }
    if (draft?.state !== 'done') throw new Error(`The fake model did not finish the draft for ${item.id}: ${draft?.error ?? draft?.state ?? 'none'}`);
    if (i === 2) await call(core, 'ai.draft.discard', { draftId });
    else await call(core, 'replies.send', { feedbackId: item.id, body: i === 0 ? draft.text : `${draft.text}\n\nKind regards, Sam`, suggestion: null, aiDraftId: draftId });
  }
}

/** What the summary's Markdown reads as on screen. */
function plainText(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => line.replace(/^\s*(#+|[-*+•]|\d{1,3}[.)])\s+/, '').replace(/\*\*|\*/g, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
afterAll(async () => {
  await fake?.close();
});

let tab: AppPage;
let page: Page;
/** The report the page runs first, as the core answers it for the same scope. */
let report: Report;
/** The scope the page runs on opening (today, in the browser's zone). */
let scope: ReturnType<typeof scopeOf>;

async function resize(size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await expect.poll(() => page.evaluate('[window.innerWidth, window.innerHeight]'), { timeout: UI_TIMEOUT }).toEqual([size.width, size.height]);
}

async function openReports(): Promise<void> {
  await page.getByTestId('reports-link').click();
  await page.getByTestId('reports-screen').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await page.getByTestId('insights-panel').waitFor({ state: 'visible', timeout: 60_000 });
}

async function exportFromMenu(item: string): Promise<void> {
  await page.getByTestId('export-menu').click();
  await page.getByTestId(item).click();
}

/** The "Saved …" line of the newest export notification; a failure notice fails with its words. */
/** Save dialogs answered so far whose "Saved" line a spec has waited for. */
let answered = 0;

/**
 * The "Saved …" line of the export just started. The save dialog answers first; earlier
 * toasts may still be on screen (a row export's toast outlives the page), so wait for the
 * line naming this file, written once the file is complete.
 */
async function savedLine(): Promise<string> {
  await expect.poll(() => saved.length, { timeout: 60_000 }).toBeGreaterThan(answered);
  answered = saved.length;
  const file = saved.at(-1)!.split('/').at(-1)!;
  const line = page.getByTestId('export-saved').filter({ hasText: file }).last();
  const failure = page.locator('.mantine-Notification-root [role="alert"]');
  await line.or(failure).first().waitFor({ state: 'visible', timeout: 60_000 });
  if ((await failure.count()) > 0) throw new Error(`The export failed: ${await failure.first().innerText()}`);
  return (await line.textContent()) ?? '';
}

async function closeNotices(): Promise<void> {
  // Toasts stack in the corner; the next export's toast is told apart by its text.
  for (const button of await page.locator('.mantine-Notification-root button.mantine-CloseButton-root').all()) await button.click().catch(() => undefined);
}

beforeAll(async () => {
  tab = await app().open();
  page = tab.page;
}, 90_000);

describe('the Reports view: insights, AI quality and exports', () => {
  it(
    'lists the core’s insights with their figures, and one opens the inbox behind it',
    async () => {
      await resize({ width: 1440, height: 900 });
      const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
      await openReports();
      // The page runs the default scope on opening, for today in the browser's zone.
      scope = scopeOf(defaultChoice, Date.now(), zone);
      report = await call(app().core, 'reports.run', scope);
      expect(report.insights.length, 'the demo inbox has insights for the last 30 days').toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId('insight-text').allTextContents(), { timeout: UI_TIMEOUT }).toEqual(report.insights.map((i) => i.text));
      const first = report.insights[0]!;
      const figures = await page.getByTestId('insight-figures').first().textContent();
      expect(figures).toContain(`Now ${first.current.count.toLocaleString('en')} of ${first.current.base.toLocaleString('en')}`);
      if (first.previous) expect(figures).toContain(`Before ${first.previous.count.toLocaleString('en')} of ${first.previous.base.toLocaleString('en')}`);

      // With an endpoint ready, the AI summary is offered, and written on request, marked as the model's.
      const write = page.getByTestId('ai-summary-write');
      await write.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await write.click();
      await page.getByTestId('ai-summary-text').waitFor({ state: 'visible', timeout: 60_000 });
      expect(await page.getByTestId('ai-summary-mark').textContent()).toBe('AI-written · fake-model · check before sharing');
      const { summary } = await call(app().core, 'ai.summary.get', { from: report.scope.from, to: report.scope.to });
      expect(summary, 'the core kept the summary').not.toBeNull();
      expect((await page.getByTestId('ai-summary-text').innerText()).replace(/\s+/g, ' ').trim()).toBe(plainText(summary!.text));
      await page.getByTestId('ai-summary-figures-toggle').click();
      await expect.poll(() => page.getByTestId('ai-summary-figures').locator('tbody tr').count(), { timeout: UI_TIMEOUT }).toBe(figureRows(summary!.figures).rows.length);

      await page.getByTestId('insights-panel').scrollIntoViewIfNeeded();
      await page.getByTestId('insights-panel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await tab.screenshot('reports-insights-1440');

      // The first insight opens the inbox with exactly its items.
      await page.getByTestId('insight-item').first().click();
      await page.getByTestId('feedback-count').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const { total } = await call(app().core, 'feedback.count', { filter: drillFilter(first.drill) });
      expect(total).toBe(first.current.count);
      await expectShownCount(page, total);
      tab.expectClean();
    },
    SPEC_TIMEOUT,
  );

  it(
    'shows AI quality with the core’s figures, and a channel row opens its inbox',
    async () => {
      await openReports();
      const panel = page.getByTestId('ai-quality-panel');
      await panel.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      // Reopening the page ran the report again: the summary's LLM call is in it now.
      report = await call(app().core, 'reports.run', scope);
      const ai = report.primary.ai;
      expect(ai.llm.calls, 'the summary written in the first step').toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId('llm-calls').textContent(), { timeout: UI_TIMEOUT }).toBe(ai.llm.calls.toLocaleString('en'));
      // The three drafts written in set-up: one sent as written, one edited, one set aside.
      expect(ai.drafts).toMatchObject({ unchanged: 1, edited: 1, discarded: 1 });
      expect(await page.getByTestId('drafts-bar').getAttribute('data-total')).toBe('3');
      expect(await page.getByTestId('drafts-bar-edited').textContent()).toContain('1 · 33.3%');
      const channels = page.locator('[data-testid="overrides-channel"] [data-testid="override-row"]');
      await expect.poll(() => channels.count(), { timeout: UI_TIMEOUT }).toBe(ai.overrides.byChannel.length);
      await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await tab.screenshot('reports-quality-1440');

      expect(ai.overrides.byChannel.length, 'the core’s override rates by channel (people corrected a dozen chats)').toBeGreaterThan(0);
      // The chats people corrected stand out against the overall rate.
      expect(await page.locator('[data-testid="overrides-channel"] [data-testid="override-row"][data-key="chat"]').getAttribute('data-flagged')).toBe('true');
      const key = (await channels.first().getAttribute('data-key'))!;
      const group = ai.overrides.byChannel.find((g) => g.key === key)!;
      await channels.first().click();
      await page.getByTestId('feedback-count').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const { total } = await call(app().core, 'feedback.count', { filter: groupDrill(report.primary.drill, 'channel', key) });
      expect(total).toBe(group.items);
      await expectShownCount(page, total);
      tab.expectClean();
    },
    SPEC_TIMEOUT,
  );

  it(
    'exports the report as HTML and its conversations as CSV through the menu',
    async () => {
      await openReports();
      await exportFromMenu('export-report-html');
      const htmlLine = await savedLine();
      const htmlPath = saved.at(-1)!;
      expect(htmlPath.endsWith('.html')).toBe(true);
      expect(htmlLine).toBe(`Saved ${htmlPath.split('/').at(-1)}`);
      const html = readFileSync(htmlPath, 'utf8');
      expect(html).toContain('<svg');
      // Self-contained: nothing to fetch.
      expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
      expect(html).toContain(report.primary.total.toLocaleString('en'));
      await closeNotices();

      // PDF from the same HTML, through the host's printer.
      await exportFromMenu('export-report-pdf');
      const pdfLine = await savedLine();
      const pdfPath = saved.at(-1)!;
      expect(pdfPath.endsWith('.pdf')).toBe(true);
      expect(pdfLine).toBe(`Saved ${pdfPath.split('/').at(-1)}`);
      expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await closeNotices();

      await exportFromMenu('export-rows-csv');
      const csvLine = await savedLine();
      const csvPath = saved.at(-1)!;
      expect(csvPath.endsWith('.csv')).toBe(true);
      const rows = parse(readFileSync(csvPath, 'utf8'), { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
      const { total } = await call(app().core, 'feedback.count', { filter: drillFilter(report.primary.drill) });
      expect(total).toBe(report.primary.total);
      expect(rows).toHaveLength(total);
      expect(csvLine).toBe(`Saved ${csvPath.split('/').at(-1)} · ${total.toLocaleString('en')} conversations`);
      await closeNotices();
      tab.expectClean();
    },
    SPEC_TIMEOUT,
  );

  it(
    'saves a weekly schedule into a chosen folder, and Run now writes its files',
    async () => {
      await resize({ width: 1024, height: 700 });
      await exportFromMenu('export-schedule');
      const dialog = page.getByTestId('schedule-dialog');
      await page.getByTestId('schedule-enabled').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await page.getByTestId('schedule-enabled').check();
      await page.getByTestId('schedule-folder-button').click();
      await expect.poll(() => page.getByTestId('schedule-folder').textContent(), { timeout: UI_TIMEOUT }).toBe(scheduleFolder());
      await page.getByTestId('schedule-rows').check();
      await page.getByTestId('schedule-format-csv').check();
      await page.getByTestId('schedule-format-pdf').check();
      await tab.screenshot('reports-schedule-1024');

      await page.getByTestId('schedule-run-now').click();
      await expect.poll(() => page.getByTestId('schedule-last-files').locator('p').count(), { timeout: 60_000 }).toBeGreaterThan(0);
      const status = await call(app().core, 'reports.schedule.get', {});
      expect(status.schedule).toMatchObject({ enabled: true, cadence: 'weekly', folder: scheduleFolder(), formats: ['pdf', 'html', 'xlsx', 'csv'], includeRows: true });
      expect(status.lastRun?.error).toBeNull();
      const written = readdirSync(scheduleFolder(), { recursive: true }).map(String);
      expect(written.some((f) => f.endsWith('.html'))).toBe(true);
      expect(written.some((f) => f.endsWith('.xlsx'))).toBe(true);
      expect(written.some((f) => f.endsWith('.pdf'))).toBe(true);
      for (const file of status.lastRun!.files) expect(existsSync(file.startsWith('/') ? file : join(scheduleFolder(), file)), file).toBe(true);

      await page.getByTestId('schedule-save').click();
      await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      expect((await call(app().core, 'reports.schedule.get', {})).nextRunAt).not.toBeNull();
      await resize({ width: 1440, height: 900 });
      tab.expectClean();
    },
    SPEC_TIMEOUT,
  );

  it(
    'exports the inbox view from the palette: Export this view… writes its rows',
    async () => {
      await page.keyboard.press('g');
      await page.keyboard.press('v');
      await page.getByTestId('feedback-count').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const { total } = await call(app().core, 'feedback.count', { filter: { vip: true, status: ['open', 'pending'] } });
      await expectShownCount(page, total);
      await typeInPalette(page, 'Export this view');
      await page.getByText('Export this view as JSON Lines…').click();
      const line = await savedLine();
      const path = saved.at(-1)!;
      expect(path.endsWith('.jsonl')).toBe(true);
      const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
      expect(lines).toHaveLength(total);
      for (const l of lines) expect(() => JSON.parse(l) as unknown).not.toThrow();
      expect(line).toContain(`${total.toLocaleString('en')} conversations`);
      tab.expectClean();
    },
    SPEC_TIMEOUT,
  );
  it(
    'reads in the dark theme too',
    async () => {
      const dark = await app().open({ colorScheme: 'dark' });
      await dark.page.setViewportSize({ width: 1440, height: 900 });
      await dark.page.getByTestId('reports-link').click();
      const insights = dark.page.getByTestId('insights-panel');
      await insights.waitFor({ state: 'visible', timeout: 60_000 });
      await dark.page.getByTestId('ai-summary-text').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await insights.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await dark.screenshot('reports-insights-dark-1440');
      await dark.page.getByTestId('ai-quality-panel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await dark.screenshot('reports-quality-dark-1440');
      dark.expectClean();
      await dark.page.close();
    },
    SPEC_TIMEOUT,
  );
});
