/**
 * The per-conversation export from a real encrypted store: a few items with tags, a
 * label, a reply, an escalation and a resolution, written as CSV, XLSX and JSONL and read
 * back cell by cell; formula text neutralised; nothing left behind on success or cancel.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InlineRunner } from '../../src/main/core/jobs/inline-runner';
import { ExportCancelled, writeConversationRows } from '../../src/main/core/reports/rows';
import type { NewFeedback } from '../../src/main/core/ingest/types';
import { NoSecretStore } from '../../src/main/core/secrets';
import { databaseKeyFromRecovery, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import { conversationRows } from '../../src/main/core/store/conversation-rows';
import type { DB } from '../../src/main/core/store/db';
import { deriveContext, deriveNew } from '../../src/main/core/store/derived';
import { insertFeedbackBatch } from '../../src/main/core/store/feedback-write';
import { openEncrypted } from '../../src/main/core/store/open';
import type { Channel, Sentiment } from '../../src/shared/domain';
import { makeTempCore, type TempCore } from '../support/core';
import { call } from '../helpers/results';

const z = (iso: string): number => Date.parse(iso);
const H = 3_600_000;

let now = z('2026-11-02T10:30:00Z');
let temp: TempCore;
let raw: DB;
let out: string;
const ids = new Map<string, string>();
const id = (key: string): string => ids.get(key)!;
const PASSPHRASE = 'rows export passphrase';

interface Spec {
  key: string;
  at: number;
  channel: Channel;
  customer: string;
  subject: string | null;
  body: string;
  sentiment: Sentiment | null;
  product?: string;
  rating?: number;
  tags?: string[];
}

function feedbackOf(s: Spec): NewFeedback {
  const [first, last] = s.customer.split(' ') as [string, string];
  return {
    source: 'test',
    externalId: `ext-${s.key}`,
    contentHash: `hash-${s.key}`,
    channel: s.channel,
    customer: { name: s.customer, email: `${first.toLowerCase()}@${last.toLowerCase()}.example`, tier: 'standard', language: 'en' },
    subject: s.subject,
    body: s.body,
    product: s.product ?? null,
    language: 'en',
    status: 'open',
    sentiment: s.sentiment,
    sentimentSource: s.sentiment ? 'import' : null,
    rating: s.rating ?? null,
    receivedAt: s.at,
    unread: true,
    tags: (s.tags ?? []).map((name) => ({ name, source: 'import' as const })),
    messages: [{ direction: 'in', author: s.customer, body: s.body, sentAt: s.at }],
  };
}

const FORMULA = '=HYPERLINK("http://evil.example","click") I want my money back';

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'hearken-rows-'));
  temp = await makeTempCore({ secrets: new NoSecretStore(), core: { clock: () => now } });
  const { recoveryKey } = await call(temp.core, 'store.create', { passphrase: PASSPHRASE });
  raw = openEncrypted(join(temp.dataDir, 'hearken.db'), { keyHex: databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex') });
  for (const rule of (await call(temp.core, 'rules.list', {})).rules) await call(temp.core, 'rules.delete', { id: rule.id });
  const settings = await call(temp.core, 'sla.get', {});
  // Monday–Friday 09:00–17:00 in Berlin; an hour to answer, eight to resolve.
  await call(temp.core, 'sla.save', {
    ...settings,
    businessHours: true,
    calendar: { timeZone: 'Europe/Berlin', week: settings.calendar.week.map((_, i) => (i < 5 ? [{ start: '09:00', end: '17:00' }] : [])), holidays: [] },
    policies: settings.policies.map((p) => ({ ...p, firstResponseMinutes: 60, nextResponseMinutes: null, resolutionMinutes: 480 })),
  });
  const specs: Spec[] = [
    { key: 'K1', at: z('2026-11-02T08:00:00Z'), channel: 'email', customer: 'Zoë Müller', subject: 'Refund, please', body: FORMULA, sentiment: 'negative', product: 'Lumo', tags: ['Shipping', 'Refunds', 'Follow-up'] },
    { key: 'K0', at: z('2026-10-30T10:00:00Z'), channel: 'survey', customer: 'Ann Able', subject: null, body: 'Great app.', sentiment: 'positive', rating: 5 },
    { key: 'K2', at: z('2026-11-02T09:15:00Z'), channel: 'chat', customer: 'Bob Baker', subject: null, body: 'He said "hi"\nthen left', sentiment: null },
    { key: 'K3', at: z('2026-11-02T10:00:00Z'), channel: 'social', customer: 'Cy Cole', subject: null, body: 'meh', sentiment: 'neutral' },
  ];
  const items = specs.map(feedbackOf);
  const result = insertFeedbackBatch(raw, items, now, [], deriveNew(raw, items, deriveContext(raw), now));
  specs.forEach((s, i) => ids.set(s.key, result.ids[i]!));
  // No screen sets a tag's kind yet; a label is what a team would add by hand.
  raw.prepare("UPDATE tags SET kind = 'label' WHERE name = 'Follow-up'").run();

  const targets = (await call(temp.core, 'escalation.targets.list', {})).targets;
  now = z('2026-11-02T11:00:00Z');
  await call(temp.core, 'replies.send', { feedbackId: id('K1'), body: 'Your refund is on its way.', suggestion: null });
  now = z('2026-11-02T11:10:00Z');
  await call(temp.core, 'escalation.create', { ids: [id('K1')], targetId: targets.find((t) => t.name === 'Billing')!.id, reason: '+49 called twice', priority: 'high' });
  now = z('2026-11-02T12:00:00Z');
  await call(temp.core, 'feedback.update', { ids: [id('K1')], change: { assignee: 'Ana Lima', status: 'resolved' } });
}, 60_000);

afterAll(async () => {
  raw.close();
  await temp.cleanup();
  rmSync(out, { recursive: true, force: true });
});

const FILTER = { channel: ['email', 'chat', 'survey'] as Channel[] };

describe('per-conversation rows', () => {
  it('reads the filter oldest first in keyset batches', () => {
    const reader = conversationRows(raw, FILTER, now, 2);
    expect(reader.total).toBe(3);
    const first = reader.next()!;
    const second = reader.next()!;
    expect(reader.next()).toBeNull();
    expect([...first, ...second].map((r) => r[0])).toEqual([id('K0'), id('K1'), id('K2')]);
    expect(first).toHaveLength(2);
    expect(conversationRows(raw, {}, now).total).toBe(4);
  });

  it('writes CSV: BOM, local times, minutes, formula-safe text, quoted line breaks', async () => {
    const path = join(out, 'rows.csv');
    const progress: [number, number][] = [];
    const count = await writeConversationRows(raw, FILTER, 'csv', path, { timeZone: 'Europe/Berlin', onProgress: (d, t) => progress.push([d, t]) });
    expect(count).toBe(3);
    expect(progress).toEqual([[3, 3]]);
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'ID,External ID,Source,Received at (Europe/Berlin),Channel,Product,Customer,Customer e-mail,Customer tier,Subject,Status,Priority,Sentiment,Sentiment score,Sentiment set by,Language,Topics,Labels,Urgency,Assignee,' +
        'Escalated,Escalated to,Escalation reason,Escalation state,Escalated at (Europe/Berlin),First response at (Europe/Berlin),Resolved at (Europe/Berlin),' +
        '"First response (business hours, minutes)","Resolution (business hours, minutes)","First response (calendar time, minutes)","Resolution (calendar time, minutes)",' +
        'First-response SLA,Resolution SLA,Messages,Rating,Message (first 500 characters)',
    );
    expect(lines.slice(1)).toEqual([
      `${id('K0')},ext-K0,test,2026-10-30 11:00:00,survey,,Ann Able,ann@able.example,standard,,open,,positive,,import,en,,,,,no,,,,,,,,,,,,,1,5,Great app.`,
      `${id('K1')},ext-K1,test,2026-11-02 09:00:00,email,Lumo,Zoë Müller,zoë@müller.example,standard,"Refund, please",resolved,high,negative,,import,en,Refunds; Shipping,Follow-up,,Ana Lima,` +
        `yes,Billing,'+49 called twice,open,2026-11-02 12:10:00,2026-11-02 12:00:00,2026-11-02 13:00:00,180,240,180,240,breached,met,2,,` +
        `"'=HYPERLINK(""http://evil.example"",""click"") I want my money back"`,
      `${id('K2')},ext-K2,test,2026-11-02 10:15:00,chat,,Bob Baker,bob@baker.example,standard,,open,,,,,en,,,,,no,,,,,,,,,,,,,1,,"He said ""hi""\nthen left"`,
      '',
    ]);
    expect(readdirSync(out)).toEqual(['rows.csv']);
  });

  it('writes XLSX: typed cells, a bold frozen header, formula text kept as text', async () => {
    const path = join(out, 'rows.xlsx');
    expect(await writeConversationRows(raw, FILTER, 'xlsx', path, { timeZone: 'Europe/Berlin' })).toBe(3);
    expect(readdirSync(out).filter((f) => f.startsWith('rows.xlsx'))).toEqual(['rows.xlsx']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((w) => w.name)).toEqual(['conversations']);
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(4);
    expect(sheet.autoFilter).toBeTruthy();
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (row: number, name: string): ExcelJS.Cell => sheet.getRow(row).getCell(header.indexOf(name) + 1);
    expect(header).toHaveLength(36);
    expect(header).toContain('First response (business hours, hours)');

    // K1 is the second row of data (oldest first).
    expect(cell(3, 'ID').value).toBe(id('K1'));
    const received = cell(3, 'Received at (Europe/Berlin)');
    expect(received.type).toBe(ExcelJS.ValueType.Date);
    // The Berlin wall clock, 09:00, as the spreadsheet's zone-less date.
    expect((received.value as Date).toISOString()).toBe('2026-11-02T09:00:00.000Z');
    expect(received.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(cell(3, 'First response (business hours, hours)').value).toBe(3);
    expect(cell(3, 'Resolution (business hours, hours)').value).toBe(4);
    expect(cell(3, 'Resolution (business hours, hours)').numFmt).toBe('0.00');
    expect(cell(3, 'Escalated').value).toBe(true);
    expect(cell(2, 'Escalated').value).toBe(false);
    expect(cell(3, 'Messages').value).toBe(2);
    expect(cell(2, 'Rating').value).toBe(5);
    expect(cell(3, 'Rating').value).toBeNull();
    expect(cell(3, 'Topics').value).toBe('Refunds; Shipping');
    expect(cell(3, 'Labels').value).toBe('Follow-up');
    expect(cell(3, 'Escalation reason').value).toBe('+49 called twice');
    const body = cell(3, 'Message (first 500 characters)');
    expect(body.type).toBe(ExcelJS.ValueType.String);
    expect(body.value).toBe(FORMULA);
    expect(cell(4, 'Message (first 500 characters)').value).toBe('He said "hi"\nthen left');
  });

  it('writes JSONL: one object a line with the raw values', async () => {
    const path = join(out, 'rows.jsonl');
    expect(await writeConversationRows(raw, FILTER, 'jsonl', path)).toBe(3);
    const rows = readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => r['id'])).toEqual([id('K0'), id('K1'), id('K2')]);
    expect(rows[1]).toEqual({
      id: id('K1'),
      externalId: 'ext-K1',
      source: 'test',
      receivedAt: z('2026-11-02T08:00:00Z'),
      channel: 'email',
      product: 'Lumo',
      customerName: 'Zoë Müller',
      customerEmail: 'zoë@müller.example',
      customerTier: 'standard',
      subject: 'Refund, please',
      status: 'resolved',
      priority: 'high',
      sentiment: 'negative',
      sentimentScore: null,
      sentimentSource: 'import',
      language: 'en',
      topics: ['Refunds', 'Shipping'],
      labels: ['Follow-up'],
      urgency: null,
      assignee: 'Ana Lima',
      escalated: true,
      escalationTarget: 'Billing',
      escalationReason: '+49 called twice',
      escalationState: 'open',
      escalatedAt: z('2026-11-02T11:10:00Z'),
      firstResponseAt: z('2026-11-02T11:00:00Z'),
      resolvedAt: z('2026-11-02T12:00:00Z'),
      firstResponseBms: 3 * H,
      resolutionBms: 4 * H,
      firstResponseMs: 3 * H,
      resolutionMs: 4 * H,
      slaFirstResponse: 'breached',
      slaResolution: 'met',
      messageCount: 2,
      rating: null,
      body: FORMULA,
    });
    expect(rows[0]).toMatchObject({ topics: [], labels: [], escalated: false, escalationTarget: null, rating: 5, firstResponseMs: null });
  });

  it('a cancel leaves nothing new behind and keeps the file already there', async () => {
    for (const format of ['csv', 'xlsx', 'jsonl'] as const) {
      const dir = mkdtempSync(join(out, `cancel-${format}-`));
      const path = join(dir, `rows.${format}`);
      writeFileSync(path, 'the earlier export');
      const abort = new AbortController();
      await expect(writeConversationRows(raw, FILTER, format, path, { signal: abort.signal, onProgress: () => abort.abort() })).rejects.toBeInstanceOf(ExportCancelled);
      expect(readdirSync(dir)).toEqual([`rows.${format}`]);
      expect(readFileSync(path, 'utf8')).toBe('the earlier export');
    }
  });

  it('runs as the export job through the in-thread runner, with progress and a cancel', async () => {
    const runner = new InlineRunner(() => raw, () => now);
    const progress: unknown[] = [];
    const path = join(out, 'job.csv');
    const result = await runner.run('job-1', 'export', { filter: {}, format: 'csv', path, timeZone: 'Europe/Berlin' }, { progress: (p) => progress.push(p), changed: () => undefined });
    expect(result).toEqual({ state: 'done', count: 4 });
    expect(progress).toEqual([{ done: 4, total: 4 }]);
    expect(readFileSync(path, 'utf8').slice(1).split('\r\n')).toHaveLength(6);

    const cancelled = join(out, 'cancelled.csv');
    const run = runner.run('job-2', 'export', { filter: {}, format: 'csv', path: cancelled }, { progress: () => undefined, changed: () => undefined });
    runner.cancel('job-2');
    expect(await run).toEqual({ state: 'cancelled', count: 0 });
    expect(readdirSync(out).some((f) => f.startsWith('cancelled.csv'))).toBe(false);
  });
});
