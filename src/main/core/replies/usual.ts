/**
 * The team's usual answers for one product: among its most recent replies, how much each
 * one says what the others say (mean word-set overlap). A reply the team sends again and
 * again ("Please DM us your order number") is likely to fit a new message about the same
 * product even where the words differ, and is the one answer worth offering when no
 * earlier message reads like this one. Kept per connection and product until a reply is
 * added or removed.
 */
import type { DB } from '../store/db';
import { lastReplyRowid, recentProductReplies, type PastReplyRow } from '../store/replies-repo';
import { overlap } from './rank';

/** Recent replies of a product that are compared: enough to see what is usual, a few ms to compare. */
const SAMPLE = 200;
/** Only replies to the product's this many newest conversations are read: bounded work on a large store. */
const WINDOW = 5_000;
/** Overlap at which two replies count as the same answer. */
const SAME_ANSWER = 0.35;
/** A usual answer: at least this many other recent replies say the same. */
const MIN_ALIKE = 3;

export interface UsualReplies {
  /** How usual each sampled reply is, by message rowid (0..1). */
  centrality: Map<number, number>;
  /** The most usual reply when at least MIN_ALIKE others say the same, and how many do. */
  usual: { row: Omit<PastReplyRow, 'rank'>; alike: number } | null;
  words: Set<string>[];
}

const byDb = new WeakMap<DB, Map<string, { last: number; usual: UsualReplies }>>();

/** How usual a reply with these words is among the product's recent replies (0..1). */
export function centralityOf(words: ReadonlySet<string>, usual: UsualReplies): number {
  if (usual.words.length === 0) return 0;
  let sum = 0;
  for (const other of usual.words) sum += overlap(words, other);
  return sum / usual.words.length;
}

export function usualReplies(db: DB, product: string | null, wordsOf: (text: string) => Set<string>): UsualReplies {
  const last = lastReplyRowid(db);
  const key = product ?? '';
  const perDb = byDb.get(db) ?? new Map<string, { last: number; usual: UsualReplies }>();
  byDb.set(db, perDb);
  const hit = perDb.get(key);
  if (hit && hit.last === last) return hit.usual;
  const rows = recentProductReplies(db, product, WINDOW, SAMPLE);
  const words = rows.map((r) => wordsOf(r.body));
  const centrality = new Map<number, number>();
  let usual: UsualReplies['usual'] = null;
  rows.forEach((row, i) => {
    let sum = 0;
    let alike = 0;
    words.forEach((other, j) => {
      if (j === i) return;
      const o = overlap(words[i]!, other);
      sum += o;
      if (o >= SAME_ANSWER) alike++;
    });
    centrality.set(row.rowid, rows.length > 1 ? sum / (rows.length - 1) : 0);
    if (alike >= MIN_ALIKE && (!usual || alike > usual.alike)) usual = { row, alike };
  });
  const result = { centrality, usual, words };
  perDb.set(key, { last, usual: result });
  return result;
}
