/**
 * Routing rules, stored in order with their definition as JSON. Matches live in
 * rule_matches (derived.ts writes them); a save, delete or move here is followed by the
 * caller's whole-store run (handlers/refresh.ts), so the counts shown are always the matches now.
 */
import { defaultRules, defaultTargets } from '../../../shared/escalation/defaults';
import type { RuleLike } from '../../../shared/escalation/rules';
import { ruleInputSchema, type Rule, type RuleCondition, type RuleDefinition, type RuleInput } from '../../../shared/escalation/schema';
import { HearkenError } from '../../../shared/errors';
import { cached, type DB } from './db';
import { newId } from './ids';
import { oncePerStore } from './settings';
import { ensureTargets } from './targets-repo';

interface RuleRow {
  id: string;
  name: string;
  enabled: number;
  definition: string;
  auto_escalate: number;
  position: number;
}

interface StoredDefinition {
  match: 'all' | 'any';
  conditions: RuleCondition[];
  actions: RuleDefinition['actions'];
}

function toRuleLike(row: RuleRow): RuleLike {
  const def = JSON.parse(row.definition) as StoredDefinition;
  return { id: row.id, name: row.name, enabled: row.enabled === 1, match: def.match, conditions: def.conditions, actions: def.actions, autoEscalate: row.auto_escalate === 1 };
}

/** Every rule in order, enabled or not, as the evaluator takes them. */
export function ruleLikes(db: DB): RuleLike[] {
  return (cached(db, 'SELECT id, name, enabled, definition, auto_escalate, position FROM rules ORDER BY position, created_at').all() as RuleRow[]).map(toRuleLike);
}

export function listRules(db: DB): Rule[] {
  const rows = cached(db, 'SELECT id, name, enabled, definition, auto_escalate, position FROM rules ORDER BY position, created_at').all() as RuleRow[];
  const counts = new Map(
    (cached(db, 'SELECT rule_id AS id, count(*) AS n FROM rule_matches GROUP BY rule_id').all() as { id: string; n: number }[]).map((r) => [r.id, r.n] as const),
  );
  return rows.map((row) => ({ ...toRuleLike(row), position: row.position, matches: counts.get(row.id) ?? 0 }));
}

export function getRule(db: DB, id: string): Rule | null {
  return listRules(db).find((r) => r.id === id) ?? null;
}

/** The rule as the evaluator takes it, from an unsaved input (preview). */
export function ruleLikeOf(input: RuleInput, id = 'preview'): RuleLike {
  const def = ruleInputSchema.parse(input);
  return { id, name: def.name, enabled: true, match: def.match, conditions: def.conditions, actions: def.actions, autoEscalate: def.autoEscalate };
}

function checkTarget(db: DB, escalateTo: string | null): void {
  if (escalateTo !== null && !cached(db, 'SELECT 1 FROM escalation_targets WHERE id = ?').get(escalateTo)) {
    throw new HearkenError('VALIDATION', 'That team no longer exists.');
  }
}

export function saveRule(db: DB, raw: RuleInput & { id?: string | undefined }, now: number): Rule {
  const { id: givenId, ...rest } = raw;
  const input = ruleInputSchema.parse(rest);
  checkTarget(db, input.actions.escalateTo);
  const definition = JSON.stringify({ match: input.match, conditions: input.conditions, actions: input.actions } satisfies StoredDefinition);
  let id = givenId;
  if (id) {
    const changed = cached(db, 'UPDATE rules SET name = ?, enabled = ?, definition = ?, auto_escalate = ?, updated_at = ? WHERE id = ?').run(
      input.name,
      input.enabled ? 1 : 0,
      definition,
      input.autoEscalate ? 1 : 0,
      now,
      id,
    );
    if (changed.changes === 0) throw new HearkenError('NOT_FOUND', 'That rule no longer exists. Save it as a new one.');
  } else {
    id = newId(now);
    insertRule(db, id, input, definition, null, now);
  }
  return getRule(db, id)!;
}

function insertRule(db: DB, id: string, input: RuleDefinition, definition: string, shippedKey: string | null, now: number): void {
  const position = (cached(db, 'SELECT coalesce(max(position), -1) + 1 AS p FROM rules').get() as { p: number }).p;
  cached(
    db,
    'INSERT INTO rules (id, name, enabled, definition, auto_escalate, position, shipped_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, input.name, input.enabled ? 1 : 0, definition, input.autoEscalate ? 1 : 0, position, shippedKey, now, now);
}

export function deleteRule(db: DB, id: string): boolean {
  return cached(db, 'DELETE FROM rules WHERE id = ?').run(id).changes > 0;
}

/** Moves a rule to `position` (0 first), renumbering the rest. */
export function moveRule(db: DB, id: string, position: number): boolean {
  const ids = (cached(db, 'SELECT id FROM rules ORDER BY position, created_at').all() as { id: string }[]).map((r) => r.id);
  const from = ids.indexOf(id);
  if (from < 0) return false;
  ids.splice(from, 1);
  ids.splice(Math.min(position, ids.length), 0, id);
  ids.forEach((ruleId, i) => cached(db, 'UPDATE rules SET position = ? WHERE id = ?').run(i, ruleId));
  return true;
}

/**
 * Adds the shipped rules that are missing (by their shipped key), and the shipped targets
 * they point at when those are missing too.
 */
export function restoreDefaultRules(db: DB, now: number): { added: number } {
  let added = 0;
  const targetIds = ensureTargets(db, defaultTargets, now);
  for (const { key, rule } of defaultRules) {
    if (cached(db, 'SELECT 1 FROM rules WHERE shipped_key = ?').get(key)) continue;
    const escalateTo = rule.actions.escalateTo === null ? null : (targetIds.get(rule.actions.escalateTo) ?? null);
    const actions = { ...rule.actions, escalateTo };
    if (actions.escalateTo === null && actions.priority === null && actions.addTag === null) continue;
    const definition = JSON.stringify({ match: rule.match, conditions: rule.conditions, actions } satisfies StoredDefinition);
    insertRule(db, newId(now), { ...rule, actions }, definition, key, now);
    added++;
  }
  return { added };
}

/** The shipped targets and rules, once per store. */
export function seedEscalationDefaults(db: DB, now: number): boolean {
  return oncePerStore(db, 'escalation.seeded', now, () => {
    restoreDefaultRules(db, now);
  });
}
