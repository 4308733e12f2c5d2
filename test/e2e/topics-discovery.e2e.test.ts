/**
 * "Suggest topics" in the window, on the demo inbox plus support queries in three intents
 * no shipped topic covers: the empty state explains it; a run shows progress and then
 * proposal cards; accepting one (with a keyword removed) adds the topic to the taxonomy
 * list and tags exactly its items; rejecting one takes it away for good; a sample opens
 * in the inbox.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../src/shared/contract';
import { writeDiscoveryCsv } from '../helpers/discovery-csv';
import { grantOf } from '../helpers/grants';
import { call } from '../helpers/results';
import { UI_TIMEOUT, useApp } from '../support/e2e';

const SPEC_TIMEOUT = 180_000;
const app = useApp();
const dir = mkdtempSync(join(tmpdir(), 'hearken-discovery-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importQueries(): Promise<void> {
  const csv = join(dir, 'queries.csv');
  writeDiscoveryCsv(csv);
  const { core } = app();
  let ended = false;
  let importId = '';
  const stop = core.onEvent((name, payload) => {
    const p = payload as EventPayload<'import.progress'>;
    if (name === 'import.progress' && p.importId === importId && p.state !== 'running') ended = true;
  });
  try {
    importId = (await call(core, 'import.start', { grant: await grantOf(core, csv) })).importId;
    await expect.poll(() => ended, { timeout: 3 * UI_TIMEOUT }).toBe(true);
  } finally {
    stop();
  }
}

describe('suggest topics', () => {
  it(
    'proposes topics, accepts one into the taxonomy with its items tagged, and rejects one',
    async () => {
      await importQueries();
      const tab = await app().open();
      const { page } = tab;
      await page.getByTestId('topics-link').click();
      await page.getByTestId('topics-screen').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await page.getByTestId('topics-panels').getByText('Suggest topics').click();
      await page.getByTestId('discovery-empty').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await tab.screenshot('topics-discovery-empty');

      await page.getByTestId('discovery-suggest').click();
      const cards = page.getByTestId('proposal-card');
      await expect.poll(() => cards.count(), { timeout: 3 * UI_TIMEOUT }).toBeGreaterThan(1);
      await page.getByTestId('discovery-run').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const { proposals } = await call(app().core, 'topics.proposals', {});
      expect(await cards.count()).toBe(proposals.length);
      // Each card: its name, size, keywords and a few of its conversations.
      const first = page.locator(`[data-testid="proposal-card"][data-proposal-id="${proposals[0]!.id}"]`);
      expect(await first.getByTestId('proposal-name').inputValue()).toBe(proposals[0]!.name);
      expect(await first.getByTestId('proposal-size').textContent()).toMatch(new RegExp(`^${proposals[0]!.size} conversations$`));
      expect(await first.getByTestId('proposal-keyword').count()).toBe(proposals[0]!.keywords.length);
      expect(await first.getByTestId('proposal-sample').count()).toBe(Math.min(5, proposals[0]!.samples.length));
      await tab.screenshot('topics-discovery', { bothSizes: true });

      // Accept the largest, without its last keyword.
      const accepted = proposals[0]!;
      const members = (await call(app().core, 'topics.members', { id: accepted.id })).members.map((m) => m.id);
      if (accepted.keywords.length > 1) await first.getByRole('button', { name: `Remove the keyword ${accepted.keywords.at(-1)!}` }).click();
      await first.getByTestId('proposal-accept').click();
      await expect.poll(() => page.getByTestId('proposal-added').first().textContent(), { timeout: UI_TIMEOUT }).toBe(`Added · ${members.length} items tagged`);
      const topic = (await call(app().core, 'taxonomy.list', {})).topics.find((t) => t.name === accepted.name);
      expect(topic).toBeDefined();
      if (accepted.keywords.length > 1) expect([...topic!.keywords, ...topic!.phrases]).not.toContain(accepted.keywords.at(-1)!.toLowerCase());
      const tagged = await call(app().core, 'feedback.list', { filter: { tags: [accepted.name] }, limit: 500 });
      expect(tagged.items.map((i) => i.id).sort()).toEqual([...members].sort());

      // Reject the next one: it goes, and the core remembers it.
      const rejected = proposals[1]!;
      const rejectedCard = page.locator(`[data-testid="proposal-card"][data-proposal-id="${rejected.id}"]`);
      await rejectedCard.getByTestId('proposal-reject').click();
      await expect.poll(() => cards.count(), { timeout: UI_TIMEOUT }).toBe(proposals.length - 1);
      expect((await call(app().core, 'topics.proposals', {})).proposals.map((p) => p.id)).not.toContain(rejected.id);
      await page.evaluate('document.activeElement instanceof HTMLElement && document.activeElement.blur()');
      await tab.screenshot('topics-discovery-decided', { bothSizes: true });

      // The taxonomy list has the new topic.
      await page.getByTestId('topics-panels').getByText('Taxonomy').click();
      await expect.poll(() => page.getByTestId('topic-item').allTextContents(), { timeout: UI_TIMEOUT }).toContainEqual(expect.stringContaining(accepted.name));

      // A sample opens in the inbox.
      await page.getByTestId('topics-panels').getByText(/Suggested|Suggest topics/).click();
      const sample = page.getByTestId('proposal-sample').first();
      const sampleId = await sample.getAttribute('data-feedback-id');
      expect(sampleId).toBeTruthy();
      await sample.click();
      await expect.poll(() => page.getByTestId('detail-pane').getAttribute('data-open-id'), { timeout: UI_TIMEOUT }).toBe(sampleId);
      tab.expectClean();
    },
    SPEC_TIMEOUT,
  );
});
