import type { CustomerTier, Status } from '../../../shared/domain';
import type { NewCustomer, NewFeedback, NewMessage } from '../ingest/types';
import { cached, type DB } from './db';
import { autoEscalateNew, refreshItems, storeNewMatches, type NewItemDerived } from './derived';
import { newId } from './ids';
import { ensureTagId } from './tags';

export interface BatchResult {
  /** Items inserted as new conversations. */
  imported: number;
  /** Items that brought nothing new. */
  duplicates: number;
  /** Items that continued a stored conversation with messages it lacked. */
  continued: number;
  /** The new conversations' ids. */
  ids: string[];
  /** For each item, in order: what became of it. */
  items: ItemOutcome[];
  /** For each message to append, in order: what became of it. */
  appended: AppendOutcome[];
  /** Conversations stored before this batch that got a message from it. */
  touched: string[];
}

/**
 * 'continued': an item whose source and external id are already stored, carrying messages
 * that conversation lacks (a later export of the same thread): they are appended to it.
 */
export type ItemOutcome = 'inserted' | 'duplicate' | 'continued';

/** A message for a conversation named by its source and external id (ImportRow kind 'message'). */
export interface MessageAppend {
  conversation: { source: string; externalId: string };
  message: NewMessage;
  /** The message's time is the file's (an undated row): match a stored one by direction and text alone. */
  anyTime?: boolean;
}

/**
 * 'duplicate': the conversation already has a message with the same direction, time and
 * text (so re-importing a file adds nothing); 'missing': no conversation has that id.
 */
export type AppendOutcome = 'appended' | 'duplicate' | 'missing';

/** A customer already in the store: by e-mail, or by name when there is no e-mail (a handle). */
function storedCustomer(db: DB, customer: NewCustomer): { id: string; tier: CustomerTier } | undefined {
  return (
    customer.email
      ? cached(db, 'SELECT id, tier FROM customers WHERE email = ?').get(customer.email)
      : cached(db, 'SELECT id, tier FROM customers WHERE email IS NULL AND name = ?').get(customer.name)
  ) as { id: string; tier: CustomerTier } | undefined;
}

/**
 * Customers looked up before a batch is written (contactNumbers), so the INSERT does not
 * look them up again: by `e:<email>` or `n:<name>`, null for one not in the store.
 */
export type CustomerLookups = Map<string, { id: string; tier: CustomerTier } | null>;

const lookupKey = (customer: NewCustomer): string => (customer.email ? `e:${customer.email}` : `n:${customer.name}`);
/** customers.email is COLLATE NOCASE, which folds ASCII letters only. */
const sameCustomerKey = (customer: NewCustomer): string => (customer.email ? `e:${customer.email.replace(/[A-Z]/g, (c) => c.toLowerCase())}` : `n:${customer.name}`);

/**
 * For each item, which contact it is for its customer (1 = first), counting the store and
 * the items before it in the same list; undefined without a customer. Local analysis reads
 * it as the "repeated contact" cue. One lookup per customer per list, kept in `lookups` for
 * insertFeedbackBatch.
 */
export function contactNumbers(db: DB, items: readonly Pick<NewFeedback, 'customer'>[], lookups?: CustomerLookups): (number | undefined)[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    if (!item.customer) return undefined;
    const key = lookupKey(item.customer);
    let count = seen.get(key);
    if (count === undefined) {
      const stored = storedCustomer(db, item.customer);
      lookups?.set(key, stored ?? null);
      count = stored ? (cached(db, 'SELECT count(*) AS n FROM feedback WHERE customer_id = ?').get(stored.id) as { n: number }).n : 0;
    }
    seen.set(key, count + 1);
    return count + 1;
  });
}

/**
 * The customer's id and whether they are a VIP (an existing customer keeps their tier).
 * `made`: customers this batch inserted, which `lookups` (taken before it) cannot know.
 */
function customerOf(db: DB, customer: NewCustomer, now: number, lookups: CustomerLookups | undefined, made: Map<string, { id: string; vip: boolean }>): { id: string; vip: boolean } {
  const same = sameCustomerKey(customer);
  const earlier = made.get(same);
  if (earlier) return earlier;
  const key = lookupKey(customer);
  const existing = lookups?.has(key) ? lookups.get(key) : storedCustomer(db, customer);
  if (existing) return { id: existing.id, vip: existing.tier === 'vip' };
  const id = newId(now);
  cached(db, 'INSERT INTO customers (id, name, email, tier, language, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    customer.name,
    customer.email,
    customer.tier,
    customer.language,
    now,
  );
  const created = { id, vip: customer.tier === 'vip' };
  made.set(same, created);
  return created;
}

/**
 * Adds a batch in one transaction: all of it lands or none of it does. Items already in
 * the store (same source and external id, or the same content) are counted, not doubled;
 * one with a stored source and external id that brings messages the stored conversation
 * lacks continues it (those messages are appended, as `appends` are).
 * The batch is indexed for search by one statement at the end (migration 0005 says why),
 * and counted into feedback_counts once per batch (migration 0008). `vip` follows the
 * customer's tier as stored (an existing customer keeps theirs).
 *
 * `appends` are then added to their conversations, whether stored earlier or by this very
 * batch (so a file's later messages can follow its first). Search indexes only the
 * conversation's subject, first message and customer, so an appended message changes
 * nothing there; an appended reply ('out') joins reply_fts like any imported reply.
 * Appending does not change status or unread: an import records history, it does not
 * reopen a conversation.
 */
export function insertFeedbackBatch(
  db: DB,
  items: readonly NewFeedback[],
  now: number,
  appends: readonly MessageAppend[] = [],
  /**
   * Deadlines, rule matches and rule priorities worked out before the INSERT (derived.ts
   * deriveNew, the import path). Without them, the new items are worked out after it, in
   * the same transaction.
   */
  derived?: ReadonlyMap<NewFeedback, NewItemDerived>,
  /**
   * contactNumbers' lookups for these items, taken just before. A customer another writer
   * adds in between makes the INSERT fail; the pipeline then retries without them.
   */
  lookups?: CustomerLookups,
): BatchResult {
  const result: BatchResult = { imported: 0, duplicates: 0, continued: 0, ids: [], items: [], appended: [], touched: [] };
  /** The messages of items whose conversation may already be stored, with the item's index. */
  const carried: { append: MessageAppend; item: number }[] = [];
  const tags = new Map<string, string>();
  const rowids: number[] = [];
  const counts = new Map<string, { status: Status; unread: number; vip: number; n: number }>();
  const autoEscalated: { id: string; own: NewItemDerived }[] = [];
  const made = new Map<string, { id: string; vip: boolean }>();
  db.transaction(() => {
    for (const [index, item] of items.entries()) {
      const id = newId(item.receivedAt);
      const customer = item.customer ? customerOf(db, item.customer, now, lookups, made) : null;
      const vip = customer?.vip ? 1 : 0;
      const analysis = item.analysis;
      const own = derived?.get(item);
      const inserted = cached(
        db,
        `INSERT INTO feedback (id, source, external_id, content_hash, channel, customer_id, subject, body, product, language,
           status, sentiment, sentiment_source, rating, received_at, updated_at, unread, vip,
           sentiment_score, sentiment_cues, urgency, urgency_reasons, analyzed_at, analysis_version,
           priority, priority_source, sla_due_at, sla_clock, language_reason,
           first_response_at, resolved_at, first_response_bms, resolution_bms, sla_first_response, sla_resolution)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ).run(
        id,
        item.source,
        item.externalId,
        item.contentHash,
        item.channel,
        customer?.id ?? null,
        item.subject,
        item.body,
        item.product,
        item.language,
        item.status,
        item.sentiment,
        item.sentimentSource,
        item.rating,
        item.receivedAt,
        now,
        item.unread ? 1 : 0,
        vip,
        analysis?.sentimentScore ?? null,
        analysis?.sentimentCues ? JSON.stringify(analysis.sentimentCues) : null,
        analysis?.urgency ?? null,
        analysis ? JSON.stringify(analysis.urgencyReasons) : null,
        analysis?.analyzedAt ?? null,
        analysis?.version ?? null,
        own?.priority ?? null,
        own?.prioritySource ?? null,
        own?.slaDueAt ?? null,
        own?.slaClock ?? null,
        // Why the language: the analysis says; a language the file named is 'from-file'.
        analysis?.languageReason ?? (item.language !== null ? 'from-file' : null),
        // Report times in the INSERT: an UPDATE after it would rewrite the row and its
        // feedback_report index entry (most imported threads have a reply or are resolved).
        own?.times.firstResponseAt ?? null,
        own?.times.resolvedAt ?? null,
        own?.times.firstResponseBms ?? null,
        own?.times.resolutionBms ?? null,
        own?.times.slaFirstResponse ?? null,
        own?.times.slaResolution ?? null,
      );
      if (inserted.changes === 0) {
        result.items.push('duplicate');
        const externalId = item.externalId;
        if (externalId !== null) {
          for (const message of item.messages) carried.push({ append: { conversation: { source: item.source, externalId }, message, anyTime: item.undated === true }, item: index });
        }
        continue;
      }
      result.items.push('inserted');
      rowids.push(Number(inserted.lastInsertRowid));
      // The SLA maths reads the status history from the item's arrival.
      cached(db, 'INSERT INTO status_changes (feedback_id, at, status) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(id, item.receivedAt, item.status);
      const key = `${item.status}:${item.unread ? 1 : 0}:${vip}`;
      const count = counts.get(key);
      if (count) count.n++;
      else counts.set(key, { status: item.status, unread: item.unread ? 1 : 0, vip, n: 1 });
      for (const m of item.messages) {
        cached(db, 'INSERT INTO messages (id, feedback_id, direction, author, body, sent_at) VALUES (?, ?, ?, ?, ?, ?)').run(
          newId(m.sentAt),
          id,
          m.direction,
          m.author,
          m.body,
          m.sentAt,
        );
      }
      for (const tag of item.tags) {
        cached(db, 'INSERT INTO feedback_tags (feedback_id, tag_id, source, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(
          id,
          ensureTagId(db, tag.name, now, tags),
          tag.source,
          now,
        );
      }
      if (own && storeNewMatches(db, id, own, now)) autoEscalated.push({ id, own });
      result.imported++;
      result.ids.push(id);
    }
    if (rowids.length > 0) {
      cached(
        db,
        `INSERT INTO feedback_fts(rowid, subject, body, customer_name)
         SELECT rowid, subject, body, customer_name FROM feedback_search_source WHERE rowid IN (SELECT value FROM json_each(?))`,
      ).run(JSON.stringify(rowids));
      // Replies in the imported threads become past replies to suggest from (0010).
      cached(
        db,
        `INSERT INTO reply_fts(rowid, prompt)
         SELECT m.rowid, coalesce(f.subject, '') || ' ' || f.body FROM feedback f JOIN messages m ON m.feedback_id = f.id
         WHERE f.rowid IN (SELECT value FROM json_each(?)) AND m.direction = 'out'`,
      ).run(JSON.stringify(rowids));
    }
    if (appends.length > 0 || carried.length > 0) {
      const outcomes = appendMessages(db, [...carried.map((c) => c.append), ...appends], now, new Set(result.ids), result);
      carried.forEach((c, i) => {
        if (outcomes[i] === 'appended') result.items[c.item] = 'continued';
      });
      result.appended = outcomes.slice(carried.length);
    }
    for (const outcome of result.items) {
      if (outcome === 'duplicate') result.duplicates++;
      else if (outcome === 'continued') result.continued++;
    }
    // New rows are inserted unescalated (the column's default); an automatic escalation
    // after the INSERT is counted by the update trigger.
    for (const c of counts.values()) {
      cached(db, 'INSERT INTO feedback_counts (status, unread, escalated, vip, n) VALUES (?, ?, 0, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n').run(
        c.status,
        c.unread,
        c.vip,
        c.n,
      );
    }
    // Conversations that got messages (their clocks moved), items escalated by a rule (their
    // status may have), and, without derived values, every new item are worked out here.
    const escalatedNow = autoEscalated.filter((a) => autoEscalateNew(db, a.id, a.own, now)).map((a) => a.id);
    const later = [...result.touched, ...escalatedNow, ...(derived ? [] : result.ids)];
    if (later.length > 0) refreshItems(db, later, now);
  }).immediate();
  return result;
}

function appendMessages(db: DB, appends: readonly MessageAppend[], now: number, insertedNow: ReadonlySet<string>, result: BatchResult): AppendOutcome[] {
  const outcomes: AppendOutcome[] = [];
  const replies: number[] = [];
  const touched = new Set<string>();
  for (const { conversation, message: m, anyTime } of appends) {
    const found = cached(db, 'SELECT id FROM feedback WHERE source = ? AND external_id = ?').get(conversation.source, conversation.externalId) as
      | { id: string }
      | undefined;
    if (!found) {
      outcomes.push('missing');
      continue;
    }
    // messages_by_feedback (feedback_id, sent_at) narrows this to the messages of that moment.
    const same = anyTime
      ? cached(db, 'SELECT 1 FROM messages WHERE feedback_id = ? AND direction = ? AND body = ? LIMIT 1').get(found.id, m.direction, m.body)
      : cached(db, 'SELECT 1 FROM messages WHERE feedback_id = ? AND sent_at = ? AND direction = ? AND body = ? LIMIT 1').get(found.id, m.sentAt, m.direction, m.body);
    if (same) {
      outcomes.push('duplicate');
      continue;
    }
    const inserted = cached(db, 'INSERT INTO messages (id, feedback_id, direction, author, body, sent_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      newId(m.sentAt),
      found.id,
      m.direction,
      m.author,
      m.body,
      m.sentAt,
    );
    if (m.direction === 'out') replies.push(Number(inserted.lastInsertRowid));
    if (!insertedNow.has(found.id)) touched.add(found.id);
    outcomes.push('appended');
  }
  if (replies.length > 0) {
    cached(
      db,
      `INSERT INTO reply_fts(rowid, prompt)
       SELECT m.rowid, coalesce(f.subject, '') || ' ' || f.body FROM messages m JOIN feedback f ON f.id = m.feedback_id
       WHERE m.rowid IN (SELECT value FROM json_each(?))`,
    ).run(JSON.stringify(replies));
  }
  // The conversation changed; its status, unread flag and counts did not (see above).
  for (const id of touched) cached(db, 'UPDATE feedback SET updated_at = max(updated_at, ?) WHERE id = ?').run(now, id);
  result.touched = [...touched];
  return outcomes;
}
