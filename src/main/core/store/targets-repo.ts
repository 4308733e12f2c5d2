/**
 * Escalation targets: the teams and tiers items go to. Shipped ones are seeded once per
 * store (shared/escalation/defaults.ts); a team may rename or delete them afterwards.
 */
import type { EscalationTarget, EscalationTargetInput } from '../../../shared/escalation/schema';
import { escalationTargetInputSchema } from '../../../shared/escalation/schema';
import { HearkenError } from '../../../shared/errors';
import { cached, type DB } from './db';
import { newId } from './ids';

interface TargetRow {
  id: string;
  name: string;
  email: string | null;
  webhook_url: string | null;
  webhook_enabled: number;
  position: number;
  open: number;
}

const SELECT = `SELECT t.id, t.name, t.email, t.webhook_url, t.webhook_enabled, t.position,
    (SELECT count(*) FROM escalations e WHERE e.target_id = t.id AND e.state = 'open') AS open
  FROM escalation_targets t`;

function toTarget(row: TargetRow): EscalationTarget {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    webhookUrl: row.webhook_url,
    webhookEnabled: row.webhook_enabled === 1,
    position: row.position,
    open: row.open,
  };
}

export function listTargets(db: DB): EscalationTarget[] {
  return (cached(db, `${SELECT} ORDER BY t.position, t.name`).all() as TargetRow[]).map(toTarget);
}

export function getTarget(db: DB, id: string): EscalationTarget | null {
  const row = cached(db, `${SELECT} WHERE t.id = ?`).get(id) as TargetRow | undefined;
  return row ? toTarget(row) : null;
}

export function requireTarget(db: DB, id: string): EscalationTarget {
  const target = getTarget(db, id);
  if (!target) throw new HearkenError('VALIDATION', 'That team no longer exists.');
  return target;
}

export function saveTarget(db: DB, raw: EscalationTargetInput & { id?: string | undefined }, now: number): EscalationTarget {
  const input = { ...escalationTargetInputSchema.parse({ name: raw.name, email: raw.email, webhookUrl: raw.webhookUrl, webhookEnabled: raw.webhookEnabled }), id: raw.id };
  const clash = cached(db, 'SELECT id, name FROM escalation_targets WHERE name = ? COLLATE NOCASE').get(input.name) as { id: string; name: string } | undefined;
  if (clash && clash.id !== input.id) throw new HearkenError('VALIDATION', `A team named ${clash.name} exists.`);
  if (input.webhookEnabled && !input.webhookUrl) throw new HearkenError('VALIDATION', 'Give the webhook an address before turning it on.');
  let id = input.id;
  if (id) {
    const changed = cached(db, 'UPDATE escalation_targets SET name = ?, email = ?, webhook_url = ?, webhook_enabled = ?, updated_at = ? WHERE id = ?').run(
      input.name,
      input.email,
      input.webhookUrl,
      input.webhookEnabled ? 1 : 0,
      now,
      id,
    );
    if (changed.changes === 0) throw new HearkenError('NOT_FOUND', 'That team no longer exists. Save it as a new one.');
  } else {
    id = newId(now);
    const position = (cached(db, 'SELECT coalesce(max(position), -1) + 1 AS p FROM escalation_targets').get() as { p: number }).p;
    cached(
      db,
      'INSERT INTO escalation_targets (id, name, email, webhook_url, webhook_enabled, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(id, input.name, input.email, input.webhookUrl, input.webhookEnabled ? 1 : 0, position, now, now);
  }
  return getTarget(db, id)!;
}

/** Refused while open escalations or rules name the target: both would point nowhere. */
export function deleteTarget(db: DB, id: string): boolean {
  const target = getTarget(db, id);
  if (!target) return false;
  const rules = (cached(db, "SELECT count(*) AS n FROM rules WHERE json_extract(definition, '$.actions.escalateTo') = ?").get(id) as { n: number }).n;
  const closed = (cached(db, "SELECT count(*) AS n FROM escalations WHERE target_id = ? AND state != 'open'").get(id) as { n: number }).n;
  if (target.open > 0 || rules > 0) {
    const parts: string[] = [];
    if (target.open > 0) parts.push(`${target.open} open escalation${target.open === 1 ? '' : 's'}`);
    if (rules > 0) parts.push(`${rules} rule${rules === 1 ? '' : 's'}`);
    const todo: string[] = [];
    if (target.open > 0) todo.push('resolve or reassign its escalations');
    if (rules > 0) todo.push(`point ${rules === 1 ? 'that rule' : 'those rules'} at another team`);
    throw new HearkenError('VALIDATION', `${target.name} is named by ${parts.join(' and ')}. First ${todo.join(' and ')}, then delete it.`);
  }
  if (closed > 0) {
    // Past escalations keep their history: the team stays, renamed out of the way, is not an option;
    // the record would lose its target, so refuse and say so.
    throw new HearkenError('VALIDATION', `${target.name} has ${closed} past escalation${closed === 1 ? '' : 's'} in its history, so it cannot be deleted. Rename it instead.`);
  }
  return cached(db, 'DELETE FROM escalation_targets WHERE id = ?').run(id).changes > 0;
}

/** The shipped targets (by name), returning key → id for the shipped rules. */
export function ensureTargets(db: DB, defaults: readonly { key: string; name: string }[], now: number): Map<string, string> {
  const ids = new Map<string, string>();
  for (const d of defaults) {
    const existing = cached(db, 'SELECT id FROM escalation_targets WHERE name = ? COLLATE NOCASE').get(d.name) as { id: string } | undefined;
    ids.set(d.key, existing ? existing.id : saveTarget(db, { name: d.name }, now).id);
  }
  return ids;
}

export function targetNames(db: DB): { id: string; name: string }[] {
  return cached(db, 'SELECT id, name FROM escalation_targets ORDER BY position').all() as { id: string; name: string }[];
}
