/**
 * `npm run eval:suggestions [-- <data folder>]`: do Hearken's suggested replies hold a reply
 * like the one an agent really sent? Real customer tweets with the brand's real answer
 * (Customer Support on Twitter, TWCS): per brand, the earlier pairs go into a real
 * encrypted store as answered conversations (the replies index Hearken suggests from), the
 * later ones are asked `suggestions.list` as open conversations. Beside it, in the same
 * run and over the same indexed texts: plain bm25 (FTS5, every word of the message OR-ed,
 * top 3, no threshold).
 *
 * Per query: the best ROUGE-L and token F1 of the top 3 against the real reply. The time
 * order is kept: the first 60% of a brand's pairs are indexed, the next 20% (dev) are what
 * MIN_SCORE was chosen on, the last 20% (test) are what the docs report.
 *
 * The data is CC BY-NC-SA 4.0 and is never committed: the folder must hold
 * twcs/twcs-sample.csv (any part of the Kaggle twcs.csv with its header).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { parse } from 'csv-parse/sync';
import { createCore } from '../src/main/core/index';
import { NoSecretStore } from '../src/main/core/secrets/keytar-store';
import type { HostCore } from '../src/main/core/types';
import type { Suggestion } from '../src/shared/contract';
import type { DemoInbox } from '../src/shared/demo';
import { rougeL, tokenF1 } from '../src/shared/eval/metrics';

const DATA = resolve(process.argv[2] ?? process.env.HEARKEN_EVAL_DATA ?? fileURLToPath(new URL('../../shared/data', import.meta.url)));
const FILE = join(DATA, 'twcs', 'twcs-sample.csv');
/** `HEARKEN_EVAL_PARTS=dev` while tuning: the test part is not even asked. */
const PARTS = (process.env.HEARKEN_EVAL_PARTS ?? 'dev,test').split(',');
/** A brand needs this many pairs to be split into indexed, dev and test parts. */
const MIN_PAIRS = 50;
/** A top 3 "holds a similar reply" when its best ROUGE-L against the real one reaches this. */
const SIMILAR = 0.3;

interface Pair {
  brand: string;
  at: number;
  customer: string;
  message: string;
  reply: string;
}

/** Tweets start with the handles they answer: they say nothing about the message. */
const clean = (text: string): string => text.replace(/^(?:\s*@\w+)+\s*/u, '').trim();

function readPairs(): Pair[] {
  if (!existsSync(FILE)) {
    console.error(`Missing ${FILE}.\nGet twcs.csv from https://www.kaggle.com/datasets/thoughtvector/customer-support-on-twitter (CC BY-NC-SA 4.0) and put it, or any part of it with its header, there.`);
    process.exit(2);
  }
  const rows = parse(readFileSync(FILE), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  const byId = new Map(rows.map((r) => [r.tweet_id ?? '', r]));
  const pairs: Pair[] = [];
  for (const r of rows) {
    if (r.inbound !== 'False' || !r.in_response_to_tweet_id) continue;
    const asked = byId.get(String(Math.trunc(Number(r.in_response_to_tweet_id))));
    if (!asked || asked.inbound !== 'True') continue;
    const message = clean(asked.text ?? '');
    const reply = clean(r.text ?? '');
    if (message.length < 3 || reply.length < 3) continue;
    pairs.push({ brand: r.author_id ?? '', at: Date.parse(asked.created_at ?? ''), customer: asked.author_id ?? 'x', message, reply });
  }
  return pairs;
}

interface Split {
  indexed: Pair[];
  dev: Pair[];
  test: Pair[];
}

function split(pairs: Pair[]): Split {
  const sorted = [...pairs].sort((a, b) => a.at - b.at);
  const a = Math.floor(sorted.length * 0.6);
  const b = Math.floor(sorted.length * 0.8);
  return { indexed: sorted.slice(0, a), dev: sorted.slice(a, b), test: sorted.slice(b) };
}

const queryHandle = (i: number): string => `@query${i}`;

/** One brand's store: indexed pairs as answered conversations, queries as open ones. */
function inboxOf(s: Split): DemoInbox {
  const all = [...s.indexed, ...s.dev, ...s.test];
  const last = Math.max(...all.map((p) => p.at));
  const minutesAgo = (t: number): number => Math.max(0, Math.round((last - t) / 60_000)) + 2;
  // Each open conversation has a customer of its own (a handle, greeted with the fallback), by which it is found again.
  const queries = [...s.dev, ...s.test];
  const customers = [
    ...[...new Set(s.indexed.map((p) => p.customer))].map((c) => ({ key: c, name: `@${c}`, email: null, tier: 'standard' as const, language: 'en' })),
    ...queries.map((p, i) => ({ key: queryHandle(i), name: queryHandle(i), email: null, tier: 'standard' as const, language: 'en' })),
  ];
  const item = (p: Pair, i: number, answered: boolean): DemoInbox['items'][number] => ({
    externalId: `${answered ? 'a' : 'q'}-${i}`,
    channel: 'social',
    customerKey: answered ? p.customer : queryHandle(i),
    subject: null,
    product: p.brand,
    language: 'en',
    status: answered ? 'replied' : 'open',
    sentiment: 'neutral',
    rating: null,
    tags: [],
    messages: [
      { direction: 'in', author: answered ? `@${p.customer}` : queryHandle(i), body: p.message, minutesAgo: minutesAgo(p.at) },
      ...(answered ? [{ direction: 'out' as const, author: p.brand, body: p.reply, minutesAgo: Math.max(0, minutesAgo(p.at) - 1) }] : []),
    ],
  });
  return { version: 1, seed: 1, customers, items: [...s.indexed.map((p, i) => item(p, i, true)), ...queries.map((p, i) => item(p, i, false))] };
}

async function ok<T>(core: HostCore, channel: string, input: unknown): Promise<T> {
  const result = await core.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Plain bm25 over the same indexed texts, with the store's tokenizer: every word OR-ed, top 3. */
function bm25Baseline(indexed: Pair[]): (message: string) => string[] {
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE t USING fts5(prompt, tokenize = 'porter unicode61 remove_diacritics 2')");
  const insert = db.prepare('INSERT INTO t(rowid, prompt) VALUES (?, ?)');
  indexed.forEach((p, i) => insert.run(i + 1, p.message));
  const search = db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT 3');
  return (message) => {
    const words = [...new Set(message.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])];
    if (words.length === 0) return [];
    const rows = search.all(words.map((w) => `"${w}"`).join(' OR ')) as { rowid: number }[];
    return rows.map((r) => indexed[r.rowid - 1]!.reply);
  };
}

interface Tally {
  queries: number;
  similar: number;
  rouge: number;
  f1: number;
  empty: number;
  shown: number;
}

const tally = (): Tally => ({ queries: 0, similar: 0, rouge: 0, f1: 0, empty: 0, shown: 0 });

function score(t: Tally, texts: string[], reference: string): void {
  t.queries++;
  t.shown += texts.length;
  if (texts.length === 0) {
    t.empty++;
    return;
  }
  const r = Math.max(...texts.map((x) => rougeL(x, reference)));
  t.rouge += r;
  t.f1 += Math.max(...texts.map((x) => tokenF1(x, reference)));
  if (r >= SIMILAR) t.similar++;
}

type System = 'hearken' | 'hearkenReplies' | 'bm25';
const systems: Record<System, string> = {
  hearken: 'Hearken suggestions (templates + earlier replies, threshold)',
  hearkenReplies: 'Hearken, earlier replies only (threshold)',
  bm25: 'Plain bm25 over the same indexed messages (top 3, no threshold)',
};

async function main(): Promise<void> {
  const pairs = readPairs();
  const brands = new Map<string, Pair[]>();
  for (const p of pairs) brands.set(p.brand, [...(brands.get(p.brand) ?? []), p]);
  const used = [...brands].filter(([, ps]) => ps.length >= MIN_PAIRS).sort((a, b) => b[1].length - a[1].length);
  const parts = { dev: new Map<System, Tally>(), test: new Map<System, Tally>() };
  for (const part of Object.values(parts)) for (const s of Object.keys(systems) as System[]) part.set(s, tally());
  const scratch = mkdtempSync(join(tmpdir(), 'hearken-eval-suggestions-'));
  let indexedCount = 0;
  try {
    for (const [brand, ps] of used) {
      const s = split(ps);
      indexedCount += s.indexed.length;
      const inboxFile = join(scratch, `${brand}.json`);
      writeFileSync(inboxFile, JSON.stringify(inboxOf(s)));
      const core = await createCore({ dataDir: join(scratch, brand), secrets: new NoSecretStore(), demoInboxPath: inboxFile });
      try {
        await ok(core, 'store.create', { passphrase: 'evaluation store passphrase' });
        await ok(core, 'demo.load', {});
        const ids = new Map<string, string>();
        let cursor: string | null = null;
        do {
          const page: { items: { id: string; customer: { name: string | null } | null }[]; nextCursor: string | null } = await ok(core, 'feedback.list', {
            filter: { status: ['open'] },
            limit: 500,
            cursor,
          });
          for (const item of page.items) if (item.customer?.name) ids.set(item.customer.name, item.id);
          cursor = page.nextCursor;
        } while (cursor);
        const bm25 = bm25Baseline(s.indexed);
        const queries = [...s.dev.map((p) => ({ p, part: parts.dev, name: 'dev' })), ...s.test.map((p) => ({ p, part: parts.test, name: 'test' }))];
        for (const [i, { p, part, name }] of queries.entries()) {
          if (!PARTS.includes(name)) continue;
          const feedbackId = ids.get(queryHandle(i));
          if (!feedbackId) throw new Error(`${brand}: query q-${i} was not loaded`);
          const top = (await ok<{ suggestions: Suggestion[] }>(core, 'suggestions.list', { feedbackId, limit: 3 })).suggestions;
          const wide = (await ok<{ suggestions: Suggestion[] }>(core, 'suggestions.list', { feedbackId, limit: 10 })).suggestions;
          score(part.get('hearken')!, top.map((x) => x.text), p.reply);
          score(part.get('hearkenReplies')!, wide.filter((x) => x.kind === 'reply').slice(0, 3).map((x) => x.text), p.reply);
          score(part.get('bm25')!, bm25(p.message), p.reply);
        }
      } finally {
        await core.close();
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const pct = (n: number, d: number): string => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
  const num = (n: number, d: number): string => (n / Math.max(1, d)).toFixed(3);
  console.log(`TWCS (Customer Support on Twitter, Thought Vector, CC BY-NC-SA 4.0): ${pairs.length} inbound -> reply pairs read from ${FILE}`);
  console.log(`${used.length} brands with >= ${MIN_PAIRS} pairs (${used.map(([b, ps]) => `${b} ${ps.length}`).join(', ')}); ${indexedCount} indexed.`);
  for (const [name, part] of Object.entries(parts)) {
    if (!PARTS.includes(name)) continue;
    const q = part.get('bm25')!.queries;
    console.log(`\n### ${name === 'dev' ? 'Dev (MIN_SCORE chosen here)' : 'Test (reported)'}: ${q} queries; similar = best ROUGE-L of the top 3 >= ${SIMILAR}\n`);
    console.log('| system | top 3 holds a similar reply | similar, where something is shown | mean best ROUGE-L (all queries) | mean best token F1 (all queries) | nothing shown | suggestions per query |');
    console.log('|---|---|---|---|---|---|---|');
    for (const [s, label] of Object.entries(systems) as [System, string][]) {
      const t = part.get(s)!;
      console.log(`| ${label} | ${pct(t.similar, t.queries)} | ${pct(t.similar, t.queries - t.empty)} | ${num(t.rouge, t.queries)} | ${num(t.f1, t.queries)} | ${pct(t.empty, t.queries)} | ${(t.shown / Math.max(1, t.queries)).toFixed(2)} |`);
    }
  }
}

await main();
