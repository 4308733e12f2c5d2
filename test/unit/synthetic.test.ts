import { describe, expect, it } from 'vitest';
import { channels, sentiments, statuses } from '../../src/shared/domain';
import { createGenerator, csvColumns, csvField, csvHeader, csvRecord, DEFAULT_END, itemToCsv, type SyntheticItem } from '../../src/shared/synthetic';

const DAY = 86_400_000;

/** A small RFC 4180 reader, written for this test: quoted fields, "" escapes, CRLF or LF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      // the LF ends the record
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function sample(count: number, seed = 42): SyntheticItem[] {
  return createGenerator({ seed, count }).range(0, count);
}

describe('synthetic feedback generator', () => {
  it('is deterministic: the same seed and count give the same items, in any order', () => {
    const a = createGenerator({ seed: 7, count: 5000 });
    const b = createGenerator({ seed: 7, count: 5000 });
    expect(a.range(0, 300)).toEqual(b.range(0, 300));
    // Item i does not depend on what was generated before it.
    const backwards = [4999, 2500, 17, 0].map((i) => b.item(i));
    expect(backwards).toEqual([4999, 2500, 17, 0].map((i) => a.item(i)));
    const other = createGenerator({ seed: 8, count: 5000 }).range(0, 50);
    expect(other.map((x) => x.body)).not.toEqual(a.range(0, 50).map((x) => x.body));
  });

  it('spreads items over a year in time order, with nothing dated after the end', () => {
    const items = sample(20_000);
    const times = items.map((i) => i.receivedAt);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1] as number);
    expect(times[0]).toBeGreaterThanOrEqual(DEFAULT_END - 365 * DAY);
    expect((times.at(-1) as number) - (times[0] as number)).toBeGreaterThan(360 * DAY);
    for (const item of items) {
      expect(item.receivedAt).toBeLessThan(DEFAULT_END);
      for (const m of item.messages) {
        expect(m.sentAt).toBeGreaterThanOrEqual(item.receivedAt);
        expect(m.sentAt).toBeLessThan(DEFAULT_END);
      }
    }
    // Weekdays are busier than weekends.
    const weekend = items.filter((i) => [0, 6].includes(new Date(i.receivedAt).getUTCDay())).length / items.length;
    expect(weekend).toBeGreaterThan(0.08);
    expect(weekend).toBeLessThan(0.22);
  });

  it('has a realistic mix of channels, languages, sentiments and statuses', () => {
    const items = sample(20_000);
    const share = (pred: (i: SyntheticItem) => boolean): number => items.filter(pred).length / items.length;
    for (const c of channels) expect(share((i) => i.channel === c)).toBeGreaterThan(0.05);
    expect(share((i) => i.channel === 'email')).toBeGreaterThan(0.3);
    const nonEnglish = share((i) => i.language !== 'en');
    expect(nonEnglish).toBeGreaterThanOrEqual(0.2);
    expect(nonEnglish).toBeLessThan(0.5);
    expect(new Set(items.map((i) => i.language)).size).toBeGreaterThanOrEqual(6);
    const negative = share((i) => i.sentiment === 'negative');
    const positive = share((i) => i.sentiment === 'positive');
    expect(negative).toBeGreaterThan(0.28);
    expect(negative).toBeLessThan(0.48);
    expect(positive).toBeGreaterThan(0.15);
    expect(positive).toBeLessThan(negative);
    expect(share((i) => i.sentiment === null)).toBeLessThan(0.08);
    for (const s of sentiments) expect(share((i) => i.sentiment === s)).toBeGreaterThan(0.1);
    for (const s of statuses) expect(share((i) => i.status === s)).toBeGreaterThan(0.005);
    // Old items are mostly done; the last days are mostly open.
    const recent = items.filter((i) => DEFAULT_END - i.receivedAt < 2 * DAY);
    expect(recent.filter((i) => i.status === 'open' || i.status === 'pending').length / recent.length).toBeGreaterThan(0.5);
    expect(share((i) => i.status === 'resolved' || i.status === 'closed')).toBeGreaterThan(0.6);
    // Ratings agree with sentiment.
    for (const i of items) {
      if (i.rating !== null && i.sentiment === 'negative') expect(i.rating).toBeLessThanOrEqual(2);
      if (i.rating !== null && i.sentiment === 'positive') expect(i.rating).toBeGreaterThanOrEqual(4);
    }
    expect(share((i) => i.product !== null)).toBeGreaterThan(0.85);
    expect(share((i) => i.tags.length > 0)).toBe(1);
  });

  it('ranges from one-line posts to long e-mails', () => {
    const items = sample(20_000);
    const lengths = items.map((i) => i.body.length).sort((a, b) => a - b);
    const oneLine = items.filter((i) => !i.body.includes('\n') && i.body.length < 200);
    expect(oneLine.length / items.length).toBeGreaterThan(0.2);
    expect(lengths[Math.floor(lengths.length / 2)]).toBeGreaterThan(120);
    expect(lengths.at(-1)).toBeGreaterThan(2000);
    const emails = items.filter((i) => i.channel === 'email');
    expect(emails.every((i) => i.subject !== null)).toBe(true);
    expect(emails.filter((i) => i.body.includes('\n\n')).length / emails.length).toBeGreaterThan(0.8);
    expect(items.some((i) => i.body.includes('\n> '))).toBe(true);
    expect(items.filter((i) => i.channel === 'social').every((i) => i.subject === null && !i.body.includes('\n'))).toBe(true);
    // No sentence is said twice in one message outside a quote.
    for (const item of items.slice(0, 2000)) {
      const own = item.body.split('\n').filter((l) => !l.startsWith('>'));
      const sentences = own.join(' ').split(/(?<=[.!?。！？])\s+/).filter((x) => x.length > 25);
      expect(new Set(sentences).size, item.body).toBe(sentences.length);
    }
  });

  it('has customers who write again, a few very often, and anonymous or handle-only authors', () => {
    const items = sample(20_000);
    const contacts = new Map<string, number>();
    for (const i of items) {
      const key = i.customer?.email ?? i.customer?.name;
      if (key) contacts.set(key, (contacts.get(key) ?? 0) + 1);
    }
    const counts = [...contacts.values()];
    expect(contacts.size).toBeLessThan(items.length * 0.5);
    expect(counts.filter((n) => n > 1).length / counts.length).toBeGreaterThan(0.4);
    expect(Math.max(...counts)).toBeGreaterThan(20);
    expect(items.some((i) => i.customer === null)).toBe(true);
    const handles = items.filter((i) => i.customer !== null && i.customer.email === null);
    expect(handles.length).toBeGreaterThan(0);
    expect(handles.every((i) => i.channel === 'social' || i.channel === 'review')).toBe(true);
    // Each e-mail address belongs to one customer, with one name.
    const names = new Map<string, string>();
    for (const i of items) {
      if (!i.customer?.email) continue;
      expect(names.get(i.customer.email) ?? i.customer.name).toBe(i.customer.name);
      names.set(i.customer.email, i.customer.name);
      expect(i.customer.email).toMatch(/^[a-z]+\.[a-z]+\d+@[a-z.-]+$/);
    }
    expect(createGenerator({ seed: 1, count: 5000, handles: 0 }).range(0, 5000).every((i) => i.customer === null || i.customer.email !== null)).toBe(true);
    expect(new Set(items.map((i) => i.externalId)).size).toBe(items.length);
  });

  it('threads fit the status: answered items have an agent reply', () => {
    for (const item of sample(5000)) {
      expect(item.messages[0]).toMatchObject({ direction: 'in', body: item.body, sentAt: item.receivedAt });
      if (item.status === 'replied' || item.status === 'resolved' || item.status === 'closed') {
        expect(item.messages.some((m) => m.direction === 'out')).toBe(true);
      }
      if (item.status === 'open') expect(item.messages.some((m) => m.direction === 'out')).toBe(false);
    }
  });
});

describe('synthetic CSV output', () => {
  it('quotes only where RFC 4180 needs it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
    expect(csvField(false)).toBe('false');
    expect(csvRecord(['a', 'b,c', null])).toBe('a,"b,c",\r\n');
  });

  it('round-trips quotes, commas, line breaks and unicode through a CSV reader', () => {
    const tricky = ['', 'x', 'a,b', '"', '""', 'He said "no", then left.\nNew line\r\nand CRLF', 'Rückerstattung für Bestellung', '返金がまだ届きません', 'emoji 🙂 ok', ' leading', 'trailing ', '=SUM(A1)'];
    const parsed = parseCsv(tricky.map((t) => csvRecord([t, 'end'])).join(''));
    expect(parsed).toEqual(tricky.map((t) => [t, 'end']));
  });

  it('round-trips generated items', () => {
    const items = sample(3000, 99);
    const text = csvHeader() + items.map(itemToCsv).join('');
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...csvColumns]);
    expect(rows).toHaveLength(items.length + 1);
    const col = (name: (typeof csvColumns)[number]): number => csvColumns.indexOf(name);
    items.forEach((item, i) => {
      const row = rows[i + 1] as string[];
      expect(row).toHaveLength(csvColumns.length);
      expect(row[col('external_id')]).toBe(item.externalId);
      expect(row[col('body')]).toBe(item.body);
      expect(row[col('subject')]).toBe(item.subject ?? '');
      expect(row[col('customer_name')]).toBe(item.customer?.name ?? '');
      expect(row[col('customer_email')]).toBe(item.customer?.email ?? '');
      expect(Date.parse(row[col('received_at')] as string)).toBe(item.receivedAt);
      expect(row[col('tags')]).toBe(item.tags.map((t) => t.name).join(';'));
      expect(row[col('rating')]).toBe(item.rating === null ? '' : String(item.rating));
    });
    // The sample exercises the quoting: multi-line bodies, quotes and non-Latin text.
    expect(items.some((i) => i.body.includes('\n'))).toBe(true);
    expect(items.some((i) => i.body.includes(','))).toBe(true);
    expect(items.some((i) => [...i.body].some((ch) => ch.charCodeAt(0) > 127))).toBe(true);
  });
});
