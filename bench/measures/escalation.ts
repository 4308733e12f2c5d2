/**
 * Escalation's costs.
 * - rules_eval_ms: 20 rules (the shipped set plus typical additions) over N synthetic items,
 *   the pure evaluation the store runs on import, after analysis and on every change. Items
 *   are generated in chunks outside the timed part (texts flattened, as the store's are);
 *   only `evaluate` is timed, after a short warm-up.
 * - sla_eval_us_per_item: the SLA clocks and the next deadline of each item (what the import
 *   path stores in feedback.sla_due_at), on business hours with two periods a day.
 * - rules_sla_import_share: both per item, over the import's own per-row time from the same
 *   run's import measure (when it ran), the "≤ 5 % of import time".
 * - escalations_queue_p95_ms: escalations.list through the real core on the bench store,
 *   with a few hundred open escalations spread over the teams.
 */
import type { Core } from '../../src/main/core/index';
import { compileRules, type RuleLike } from '../../src/shared/escalation/rules';
import { defaultRules, defaultTargets } from '../../src/shared/escalation/defaults';
import { defaultSlaSettings, nextDeadline, slaClocks } from '../../src/shared/escalation/sla';
import type { RuleDefinition, RuleSubject, SlaSubject } from '../../src/shared/escalation/schema';
import { invokeOk, type BenchContext } from '../lib/context';
import { benchGenerator } from '../lib/items';
import { p95, median } from '../lib/stats';

const CHUNK = 50_000;
const WARM_UP = 5_000;

/**
 * The generator builds texts by concatenation; V8 keeps those as rope strings that are
 * flattened the first time something reads them character by character. Text read from
 * the store is flat already, so the bench flattens it outside the timing.
 */
function flat(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** The shipped rules, then typical team additions, to 20. */
export function benchRules(): RuleLike[] {
  const targets = new Map(defaultTargets.map((t) => [t.key, `target-${t.key}`]));
  const shipped: RuleLike[] = defaultRules.map(({ key, rule }) => ({ id: `rule-${key}`, name: rule.name, enabled: true, match: rule.match, conditions: rule.conditions, autoEscalate: false, actions: { ...rule.actions, escalateTo: rule.actions.escalateTo === null ? null : (targets.get(rule.actions.escalateTo) ?? null) } }));
  const extra: RuleDefinition[] = [
    { name: 'Negative billing', enabled: true, match: 'all', conditions: [{ kind: 'topic', topics: ['billing'] }, { kind: 'sentiment', labels: ['negative'], scoreAtMost: null }], actions: { escalateTo: null, priority: 'high', addTag: null }, autoEscalate: false },
    { name: 'German chat', enabled: true, match: 'all', conditions: [{ kind: 'language', languages: ['de'] }, { kind: 'channel', channels: ['chat'] }], actions: { escalateTo: null, priority: null, addTag: 'de-chat' }, autoEscalate: false },
    { name: 'Enterprise product', enabled: true, match: 'any', conditions: [{ kind: 'product', products: ['Acme Cloud', 'Acme Cam'] }, { kind: 'tier', tiers: ['vip'] }], actions: { escalateTo: null, priority: 'high', addTag: null }, autoEscalate: false },
    { name: 'Cancellation threat', enabled: true, match: 'any', conditions: [{ kind: 'keywords', terms: ['cancel my subscription', 'switching to', 'close my account', 'kündigen', 'résilier'], match: 'any' }], actions: { escalateTo: null, priority: null, addTag: 'churn-risk' }, autoEscalate: false },
    { name: 'Urgent and negative', enabled: true, match: 'all', conditions: [{ kind: 'urgency', atLeast: 'urgent' }, { kind: 'sentiment', labels: ['negative'], scoreAtMost: -0.5 }], actions: { escalateTo: null, priority: 'urgent', addTag: null }, autoEscalate: false },
    { name: 'Repeat VIP', enabled: true, match: 'all', conditions: [{ kind: 'tier', tiers: ['vip', 'premium'] }, { kind: 'repeat', contacts: 2, withinDays: 14 }], actions: { escalateTo: null, priority: 'high', addTag: null }, autoEscalate: false },
    { name: 'Social complaint', enabled: true, match: 'all', conditions: [{ kind: 'channel', channels: ['social', 'review'] }, { kind: 'sentiment', labels: ['negative'], scoreAtMost: null }], actions: { escalateTo: null, priority: null, addTag: 'public' }, autoEscalate: false },
    { name: 'Data loss words', enabled: true, match: 'all', conditions: [{ kind: 'keywords', terms: ['data loss', 'lost all', 'disappeared', 'deleted'], match: 'any' }], actions: { escalateTo: null, priority: 'urgent', addTag: null }, autoEscalate: false },
    { name: 'Mobile crash', enabled: true, match: 'all', conditions: [{ kind: 'topic', topics: ['mobile'] }, { kind: 'keywords', terms: ['crash', 'crashes', 'freezes'], match: 'any' }], actions: { escalateTo: null, priority: 'high', addTag: null }, autoEscalate: false },
    { name: 'Breached or due', enabled: true, match: 'any', conditions: [{ kind: 'sla', state: 'breached', withinMinutes: 60 }, { kind: 'sla', state: 'due-soon', withinMinutes: 30 }], actions: { escalateTo: null, priority: 'high', addTag: null }, autoEscalate: false },
    { name: 'Refund in any language', enabled: true, match: 'any', conditions: [{ kind: 'keywords', terms: ['refund', 'reembolso', 'remboursement', 'rückerstattung', 'rimborso', 'terugbetaling'], match: 'any' }], actions: { escalateTo: null, priority: null, addTag: 'refund-ask' }, autoEscalate: false },
    { name: 'Integration issues', enabled: true, match: 'all', conditions: [{ kind: 'topic', topics: ['integration'] }, { kind: 'urgency', atLeast: 'high' }], actions: { escalateTo: null, priority: 'high', addTag: null }, autoEscalate: false },
    { name: 'Portuguese negative', enabled: true, match: 'all', conditions: [{ kind: 'language', languages: ['pt', 'es'] }, { kind: 'sentiment', labels: ['negative'], scoreAtMost: null }], actions: { escalateTo: null, priority: null, addTag: 'latam-care' }, autoEscalate: false },
    { name: 'Login trouble', enabled: true, match: 'all', conditions: [{ kind: 'keywords', terms: ['password', 'login', 'locked out', '2fa'], match: 'any' }], actions: { escalateTo: null, priority: null, addTag: 'access' }, autoEscalate: false },
  ];
  const rules = [...shipped, ...extra.map((r, i) => ({ id: `rule-extra-${i}`, ...r }))];
  return rules.slice(0, 20);
}

function urgencyOf(i: number): RuleSubject['urgency'] {
  const r = i % 20;
  return r === 0 ? 'urgent' : r < 4 ? 'high' : r < 16 ? 'normal' : 'low';
}

export function measureEscalationRules(ctx: BenchContext): void {
  const n = ctx.n;
  const gen = benchGenerator(n);
  const rules = benchRules();
  const compiled = compileRules(rules, defaultTargets.map((t) => ({ id: `target-${t.key}`, name: t.name })));
  const settings = defaultSlaSettings('Europe/Berlin');
  // Two periods a day, as many teams work (a lunch break), so the calendar is not trivial.
  settings.calendar.week = settings.calendar.week.map((day) => (day.length ? [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '18:00' }] : day));
  const now = gen.end + 3_600_000;
  const contacts = new Map<string, number[]>();
  let rulesMs = 0;
  let slaMs = 0;
  let flagged = 0;
  let flags = 0;
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    const subjects: RuleSubject[] = [];
    const slaSubjects: SlaSubject[] = [];
    for (let i = from; i < to; i++) {
      const item = gen.item(i);
      const key = item.customer?.email ?? item.customer?.name ?? null;
      let times: number[] = [];
      if (key !== null) {
        times = contacts.get(key) ?? [];
        times.push(item.receivedAt);
        contacts.set(key, times);
      }
      const urgency = urgencyOf(i);
      slaSubjects.push({
        receivedAt: item.receivedAt,
        priority: urgency ?? 'normal',
        status: item.status,
        messages: item.messages.map((m) => ({ direction: m.direction, at: m.sentAt })),
        statusChanges: [{ status: item.status, at: item.receivedAt }],
      });
      subjects.push({
        subject: item.subject === null ? null : flat(item.subject),
        text: flat(item.body),
        sentiment: item.sentiment,
        sentimentScore: item.sentiment === 'negative' ? -0.6 : item.sentiment === 'positive' ? 0.6 : 0,
        topics: item.tags.map((t) => t.name),
        language: item.language,
        channel: item.channel,
        product: item.product,
        tier: item.customer?.tier ?? null,
        urgency,
        contactTimes: times.slice(-8),
        receivedAt: item.receivedAt,
        slaDueAt: null,
      });
    }
    if (from === 0) {
      // The JIT's first compilations, as in a long-running core, are not the figure.
      for (let k = 0; k < Math.min(WARM_UP, subjects.length); k++) {
        compiled.evaluate(subjects[k]!, now);
        nextDeadline(slaClocks(slaSubjects[k]!, settings, now));
      }
    }
    let t0 = performance.now();
    for (let k = 0; k < slaSubjects.length; k++) {
      const due = nextDeadline(slaClocks(slaSubjects[k]!, settings, now));
      subjects[k]!.slaDueAt = due?.dueAt ?? null;
    }
    slaMs += performance.now() - t0;
    t0 = performance.now();
    for (const s of subjects) {
      const found = compiled.evaluate(s, now);
      if (found.length > 0) {
        flagged++;
        flags += found.length;
      }
    }
    rulesMs += performance.now() - t0;
  }
  const quick = n <= 100_000;
  ctx.figures.set('rules_eval_ms', rulesMs, 'ms', quick ? '<= 200' : '<= 2000', `${rules.length} rules over ${n.toLocaleString('en-US')} items, pure evaluation (items generated and flattened outside the timing, ${WARM_UP.toLocaleString('en-US')} evaluated first to warm up)`);
  ctx.figures.set('sla_eval_us_per_item', (slaMs * 1000) / n, 'µs', null, 'SLA clocks + next deadline per item, business hours with two periods a day (Europe/Berlin)');
  const importRate = ctx.figures.figures['import_rows_per_s'];
  const perItemUs = ((rulesMs + slaMs) * 1000) / n;
  ctx.details.escalationRules = { rules: rules.length, items: n, flaggedItems: flagged, flags, rulesMs, slaMs, perItemUs };
  if (importRate && importRate.value !== null && importRate.value > 0) {
    const importUsPerRow = 1e6 / importRate.value;
    ctx.figures.set('rules_sla_import_share', (perItemUs / importUsPerRow) * 100, '%', '<= 5', `rules + SLA per item (${perItemUs.toFixed(2)} µs) over the import's per-row time in this run (${importUsPerRow.toFixed(0)} µs)`);
  } else {
    ctx.notes.push(`rules_sla_import_share: run with the import measure for the share; rules + SLA cost ${perItemUs.toFixed(2)} µs per item`);
  }
}

/** The escalation queue through the real core, with `open` escalations spread over the teams. */
export async function measureEscalationQueue(ctx: BenchContext, core: Core): Promise<void> {
  const open = ctx.args.quick ? 300 : 600;
  const { targets } = await invokeOk<{ targets: { id: string }[] }>(core, 'escalation.targets.list', {});
  const ids: string[] = [];
  let cursor: string | null = null;
  while (ids.length < open) {
    const page: { items: { id: string; escalated: boolean }[]; nextCursor: string | null } = await invokeOk(core, 'feedback.list', { filter: { status: ['open'] }, cursor, limit: 500 });
    ids.push(...page.items.filter((i) => !i.escalated).map((i) => i.id));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  const chosen = ids.slice(0, open);
  const per = Math.ceil(chosen.length / targets.length);
  const t0 = performance.now();
  for (let t = 0; t < targets.length; t++) {
    const part = chosen.slice(t * per, (t + 1) * per);
    if (part.length) await invokeOk(core, 'escalation.create', { ids: part, targetId: targets[t]!.id, reason: 'Bench escalation', priority: 'high' });
  }
  const escalateMs = performance.now() - t0;
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < 40; i++) {
    const s = performance.now();
    total = (await invokeOk<{ total: number }>(core, 'escalations.list', {})).total;
    times.push(performance.now() - s);
  }
  ctx.figures.set('escalations_queue_p95_ms', p95(times), 'ms', '<= 10', `escalations.list with ${total} open escalations over ${targets.length} teams, 40 reads`);
  ctx.figures.set('escalate_bulk_ms_per_item', escalateMs / Math.max(1, chosen.length), 'ms', null, `escalation.create in ${targets.length} bulk calls (${chosen.length} items), incl. rule and SLA refresh`);
  ctx.details.escalationQueue = { open: total, medianMs: median(times), p95Ms: p95(times) };
}
