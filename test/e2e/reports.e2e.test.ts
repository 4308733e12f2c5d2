/**
 * Reports end to end, on the demo inbox: the Reports page against the previous period
 * shows the figures reports.run gives for that scope; the Business hours / Calendar time
 * toggle changes the times; a topic row (keyboard) and a bar of the volume chart (mouse)
 * open the inbox with exactly the items behind them. Pictures at 1440x900 and 1024x700,
 * light and dark, and of a drill-down.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bucketRange, narrowed, sideFilter } from '../../src/renderer/src/reports/model/drill';
import { keyFigures } from '../../src/renderer/src/reports/model/figures';
import { formatDuration } from '../../src/renderer/src/reports/model/format';
import { topicRows } from '../../src/renderer/src/reports/model/rankings';
import type { Core } from '../../src/main/core/types';
import type { FeedbackFilter } from '../../src/shared/contract';
import type { Report } from '../../src/shared/reports/schema';
import { call } from '../helpers/results';
import { UI_TIMEOUT, useApp } from '../support/e2e';
import { expectShownCount } from './inbox-helpers';

const SPEC_TIMEOUT = 240_000;
/**
 * The demo inbox has no escalations and no assignees: a team's month gets some, so the
 * escalation and per-agent parts show real rows (and the figures still come from the core).
 */
async function prepare(core: Core): Promise<void> {
  const since = Date.now() - 25 * 86_400_000;
  const { items } = await call(core, 'feedback.list', { filter: { receivedFrom: since }, sort: 'newest', cursor: null, limit: 120 });
  const { targets } = await call(core, 'escalation.targets.list', {});
  const billing = targets.find((t) => t.name === 'Billing')!;
  const engineering = targets.find((t) => t.name === 'Engineering')!;
  const ids = items.map((i) => i.id);
  await call(core, 'escalation.create', { ids: ids.slice(0, 5), targetId: billing.id, reason: 'Refund over the agent limit', priority: 'high', note: null });
  await call(core, 'escalation.create', { ids: ids.slice(5, 8), targetId: engineering.id, reason: 'Camera offline after the firmware update', priority: 'normal', note: null });
  const agents = ['Ana Lima', 'Ben Ode', 'Chloé Martin'];
  for (const [n, agent] of agents.entries()) {
    const mine = ids.filter((_, i) => i % 4 === n);
    if (mine.length) await call(core, 'feedback.update', { ids: mine, change: { assignee: agent } });
  }
}

const app = useApp({ prepare });

async function resize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await expect.poll(() => page.evaluate('[window.innerWidth, window.innerHeight]'), { timeout: UI_TIMEOUT }).toEqual([size.width, size.height]);
}

/** The page's own Last 30 days: local midnights in the browser's zone, today included. */
async function last30Days(page: Page): Promise<{ from: number; to: number; timeZone: string }> {
  return (await page.evaluate(
    `(() => { const d = new Date(); return { from: new Date(d.getFullYear(), d.getMonth(), d.getDate() - 29).getTime(), to: new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }; })()`,
  )) as { from: number; to: number; timeZone: string };
}

async function chooseOption(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: label, exact: true }).click();
  await expect.poll(() => page.getByTestId(testId).inputValue(), { timeout: UI_TIMEOUT }).toBe(label);
}

async function reportReady(page: Page): Promise<void> {
  // A report reads every item of both periods: on a busy machine that takes longer than a click.
  await page.locator('[data-testid="report-content"][data-ready]').waitFor({ state: 'visible', timeout: 3 * UI_TIMEOUT });
  // The select just used keeps its focus ring otherwise, in every picture after.
  await page.evaluate('document.activeElement instanceof HTMLElement && document.activeElement.blur()');
}

async function count(filter: FeedbackFilter): Promise<number> {
  return (await call(app().core, 'feedback.count', { filter })).total;
}

async function figureTexts(page: Page): Promise<string[][]> {
  return page.locator('button[data-testid^="figure-"]').evaluateAll((cards) =>
    cards.map((card) => [
      card.getAttribute('data-testid') ?? '',
      card.querySelector('[data-testid="figure-value"]')?.textContent ?? '',
      (card.querySelector('[data-testid="figure-comparison"]')?.textContent ?? '').replace(/^vs /, ''),
      card.querySelector('[data-testid="change-chip"]')?.textContent ?? '',
    ]),
  );
}

describe('reports', () => {
  it(
    'compares with the previous period, shows the core figures, toggles times, and drills into the inbox',
    async () => {
      const tab = await app().open({ colorScheme: 'light' });
      const { page } = tab;
      await resize(page, { width: 1440, height: 900 });
      await page.getByTestId('reports-link').click();
      await page.getByTestId('reports-screen').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await reportReady(page);

      // No comparison first, then the previous period: the figures gain their other side.
      await chooseOption(page, 'report-compare', 'No comparison');
      await reportReady(page);
      expect(await page.getByTestId('figure-comparison').count()).toBe(0);
      await chooseOption(page, 'report-compare', 'Previous period');
      await reportReady(page);
      await page.getByTestId('figure-comparison').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });

      const range = await last30Days(page);
      const expected: Report = await call(app().core, 'reports.run', { ...range, compare: { kind: 'previous' }, filter: {} });
      expect(expected.primary.total, 'the demo inbox has items in the last 30 days').toBeGreaterThan(0);
      expect(expected.comparison?.total, 'and in the 30 days before').toBeGreaterThan(0);
      const basis = expected.businessHours ? 'business' : 'calendar';
      const want = keyFigures(expected, basis).map((f) => [`figure-${f.id}`, f.value, f.comparison ?? '', f.change?.text ?? '']);
      await expect.poll(() => figureTexts(page), { timeout: UI_TIMEOUT }).toEqual(want);
      expect(await page.getByTestId('figure-total').getByTestId('figure-value').textContent()).toBe(String(expected.primary.total));

      await tab.screenshot('reports-compare-1440');
      await page.getByTestId('report-section-topics').scrollIntoViewIfNeeded();
      await tab.screenshot('reports-volume-1440');
      await page.getByTestId('report-section-times').scrollIntoViewIfNeeded();
      await tab.screenshot('reports-charts-1440');
      await page.getByTestId('report-section-emerging').scrollIntoViewIfNeeded();
      await tab.screenshot('reports-emerging-1440');
      await page.getByTestId('report-section-agents').scrollIntoViewIfNeeded();
      await tab.screenshot('reports-agents-1440');
      await page.getByTestId('reports-screen').locator('[class*="scroll"]').first().evaluate((el) => el.scrollTo(0, 0));

      // Business hours and calendar time: the medians the core gives for each.
      const first = page.getByTestId('times-first-response').getByTestId('times-median');
      const times = expected.primary.firstResponse;
      expect(times.business.median, 'the demo inbox has replies').not.toBeNull();
      expect(times.business.median).not.toBe(times.calendar.median);
      await page.getByTestId('report-section-times').scrollIntoViewIfNeeded();
      await page.getByTestId('time-basis').getByText('Business hours').click();
      await expect.poll(() => first.textContent(), { timeout: UI_TIMEOUT }).toBe(formatDuration(times.business.median));
      await page.getByTestId('time-basis').getByText('Calendar time').click();
      await expect.poll(() => first.textContent(), { timeout: UI_TIMEOUT }).toBe(formatDuration(times.calendar.median));
      expect(await page.getByTestId('figure-firstResponse').getByTestId('figure-value').textContent()).toBe(formatDuration(times.calendar.median));
      await page.getByTestId('time-basis').getByText('Business hours').click();
      await expect.poll(() => first.textContent(), { timeout: UI_TIMEOUT }).toBe(formatDuration(times.business.median));

      // At the small window size, the same report.
      await resize(page, { width: 1024, height: 700 });
      await page.getByTestId('reports-screen').locator('[class*="scroll"]').first().evaluate((el) => el.scrollTo(0, 0));
      await tab.screenshot('reports-compare-1024');
      await page.getByTestId('report-section-topics').scrollIntoViewIfNeeded();
      await tab.screenshot('reports-charts-1024');
      await resize(page, { width: 1440, height: 900 });

      // A topic row, from the keyboard: the inbox shows exactly the period's items with that tag.
      const topic = topicRows(expected).find((r) => r.count > 0);
      expect(topic, 'the demo inbox has topic tags in the period').toBeDefined();
      const topicFilter = narrowed(sideFilter(expected.primary), { tags: [topic!.name] });
      const topicCount = await count(topicFilter);
      expect(topicCount).toBe(topic!.count);
      const row = page.locator(`[data-testid="topics-row"][data-name="${topic!.name}"]`);
      await row.focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('feedback-count').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await expectShownCount(page, topicCount);
      await expect.poll(() => page.getByTestId('filter-chip').allTextContents(), { timeout: UI_TIMEOUT }).toEqual(expect.arrayContaining([expect.stringContaining(topic!.name)]));
      await tab.screenshot('reports-drilldown-1440');

      // Back on Reports (the scope kept), a bar of the volume chart: its day and channel.
      await page.getByTestId('reports-link').click();
      await reportReady(page);
      expect(await page.getByTestId('report-compare').inputValue()).toBe('Previous period');
      const series = expected.primary.series;
      const email = series.volumeByChannel.email;
      const index = email.reduce((best, v, i) => (v > (email[best] ?? 0) ? i : best), 0);
      expect(email[index], 'a day with e-mail').toBeGreaterThan(0);
      const barFilter = narrowed(sideFilter(expected.primary), { ...bucketRange(series, index, expected.primary), channel: ['email'] });
      const barCount = await count(barFilter);
      expect(barCount).toBe(email[index]);
      // The first stacked series is e-mail; its bars run in bucket order.
      const bars = page.getByTestId('volume-chart').locator('.recharts-bar').first().locator('.recharts-bar-rectangle');
      await bars.nth(index).click();
      await page.getByTestId('feedback-count').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await expectShownCount(page, barCount);
      await tab.screenshot('reports-drilldown-bar-1440');
      tab.expectClean();
      await tab.close();

      // Dark, at both sizes.
      const dark = await app().open({ colorScheme: 'dark' });
      await resize(dark.page, { width: 1440, height: 900 });
      await dark.page.getByTestId('reports-link').click();
      await reportReady(dark.page);
      await chooseOption(dark.page, 'report-compare', 'Previous period');
      await reportReady(dark.page);
      await dark.screenshot('reports-compare-dark-1440');
      await dark.page.getByTestId('report-section-times').scrollIntoViewIfNeeded();
      await dark.screenshot('reports-charts-dark-1440');
      await resize(dark.page, { width: 1024, height: 700 });
      await dark.page.getByTestId('reports-screen').locator('[class*="scroll"]').first().evaluate((el) => el.scrollTo(0, 0));
      await dark.screenshot('reports-compare-dark-1024');
      dark.expectClean();
      await dark.close();
    },
    SPEC_TIMEOUT,
  );

  it(
    'opens with g then o; says what to do when the report fails, Retry brings it back; an empty period says so',
    async () => {
      const tab = await app().open();
      const { page } = tab;
      await resize(page, { width: 1440, height: 900 });
      app().failNext('reports.run', 'INTERNAL');
      await page.getByTestId('feedback-list').focus();
      await page.keyboard.press('g');
      await page.keyboard.press('o');
      await page.getByTestId('report-error').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await page.getByTestId('report-error').textContent()).toMatch(/Try again/);
      await tab.screenshot('reports-error-1440');
      await page.getByTestId('report-retry').click();
      await reportReady(page);
      expect(await page.getByTestId('report-error').count()).toBe(0);

      // Product against product over the same days: each side's figures as the core gives them.
      await chooseOption(page, 'report-compare', 'Product vs product');
      await chooseOption(page, 'report-product-a', 'Lumo Cam');
      await chooseOption(page, 'report-product-b', 'Lumo Hub');
      await reportReady(page);
      const products: Report = await call(app().core, 'reports.run', { ...(await last30Days(page)), compare: { kind: 'product', a: 'Lumo Cam', b: 'Lumo Hub' }, filter: {} });
      const wantProducts = keyFigures(products, products.businessHours ? 'business' : 'calendar').map((f) => [`figure-${f.id}`, f.value, f.comparison ?? '', f.change?.text ?? '']);
      await expect.poll(() => figureTexts(page), { timeout: UI_TIMEOUT }).toEqual(wantProducts);
      expect(products.primary.drill).toMatchObject({ product: ['Lumo Cam'] });
      await tab.screenshot('reports-products-1440');
      await chooseOption(page, 'report-compare', 'Previous period');

      // Custom days half a year back, before the demo inbox begins: nothing on either side.
      await chooseOption(page, 'report-period', 'Custom');
      await page.getByTestId('report-custom-range').click();
      const dropdown = page.locator('.mantine-Popover-dropdown').filter({ has: page.locator('table') });
      await dropdown.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      for (let i = 0; i < 6; i++) await dropdown.locator('[data-direction="previous"]').first().click();
      const days = dropdown.locator('table button:not([data-outside])');
      await days.filter({ hasText: /^1$/ }).first().click();
      await days.filter({ hasText: /^7$/ }).first().click();
      await page.getByTestId('report-empty').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await reportReady(page);
      expect(await page.getByTestId('report-empty').textContent()).toContain('No items in this period');
      const range = (await page.evaluate(
        `(() => { const d = new Date(); return { from: new Date(d.getFullYear(), d.getMonth() - 6, 1).getTime(), to: new Date(d.getFullYear(), d.getMonth() - 6, 8).getTime() }; })()`,
      )) as { from: number; to: number };
      const empty = await call(app().core, 'reports.run', { ...range, compare: { kind: 'previous' }, filter: {} });
      expect([empty.primary.total, empty.comparison?.total]).toEqual([0, 0]);
      expect(await page.getByTestId('report-period-label').textContent()).toContain(
        new Date(range.from).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' }),
      );
      await tab.screenshot('reports-empty-1440');
      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );
});
