/**
 * A long session on the main store: an agent's mixed actions one after another (pages of
 * the list, searches, items opened, tags, resolves, escalations, undos, replies from the
 * suggested templates, the nav's view counts), with the process's RSS and heap sampled
 * every 10 s. A leak shows as growth after the warm-up, when the page cache, the statement
 * caches and V8's heap have found their size. Opt-in (`--only soak`): 30 minutes by default.
 *
 * The core is in this process (as the CLI holds it), so the heap sampled is the core's.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Core } from '../../src/main/core/types';
import type { FeedbackFilter } from '../../src/shared/contract';
import { invokeOk, openCore, type BenchContext } from '../lib/context';
import { inboxCases, searchCases, type WorkloadSpec } from '../lib/workload';

const SAMPLE_EVERY_MS = 10_000;
const MB = 1024 * 1024;

interface Sample {
  atS: number;
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
  actions: number;
}

/** A small seeded generator, so two runs make the same session. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

type Action = 'list' | 'search' | 'open' | 'tag' | 'resolve' | 'escalate' | 'undo' | 'reply' | 'views';
/** How often each action comes, per 100: reading dominates, as in a real session. */
const MIX: [Action, number][] = [
  ['list', 24],
  ['search', 16],
  ['open', 24],
  ['tag', 8],
  ['resolve', 6],
  ['escalate', 3],
  ['undo', 5],
  ['reply', 8],
  ['views', 6],
];

class Session {
  private readonly pick = random(20_261_206);
  private pool: string[] = [];
  private undo: string[] = [];
  private readonly filters: FeedbackFilter[];
  private readonly searches = searchCases();
  readonly counts = new Map<Action, number>();
  readonly errors: string[] = [];
  errorCount = 0;

  constructor(
    private readonly core: Core,
    spec: WorkloadSpec,
    private readonly targetId: string | null,
  ) {
    this.filters = inboxCases(spec).map((c) => c.filter);
  }

  private any<T>(list: readonly T[]): T {
    return list[Math.floor(this.pick() * list.length)]!;
  }

  private async call<T>(channel: string, input: unknown): Promise<T | null> {
    const result = await this.core.invoke(channel, input);
    if (result.ok) return result.value as T;
    this.errorCount++;
    if (this.errors.length < 10) this.errors.push(`${channel}: ${result.error.code}: ${result.error.message}`);
    return null;
  }

  private remember(items: { id: string }[]): void {
    this.pool = [...items.map((i) => i.id), ...this.pool].slice(0, 500);
  }

  private keep(token: string | null | undefined): void {
    if (token) this.undo = [token, ...this.undo].slice(0, 20);
  }

  async step(): Promise<void> {
    let roll = this.pick() * 100;
    let action: Action = 'list';
    for (const [name, weight] of MIX) {
      if ((roll -= weight) < 0) {
        action = name;
        break;
      }
    }
    if (this.pool.length === 0 && action !== 'search' && action !== 'views') action = 'list';
    this.counts.set(action, (this.counts.get(action) ?? 0) + 1);
    await this.run(action);
  }

  private async run(action: Action): Promise<void> {
    const id = this.pool.length > 0 ? this.any(this.pool) : '';
    switch (action) {
      case 'list': {
        let page = await this.call<{ items: { id: string }[]; nextCursor: string | null }>('feedback.list', { filter: this.any(this.filters), sort: this.pick() < 0.8 ? 'newest' : 'oldest', limit: 200 });
        // Scrolling: a few more pages by cursor now and then.
        for (let more = this.pick() < 0.3 ? 3 : 0; page && page.nextCursor && more > 0; more--) {
          this.remember(page.items);
          page = await this.call('feedback.list', { filter: this.any(this.filters), sort: 'newest', cursor: page.nextCursor, limit: 200 });
        }
        if (page) this.remember(page.items);
        return;
      }
      case 'search': {
        const c = this.any(this.searches);
        const page = await this.call<{ items: { id: string }[] }>('feedback.list', { filter: { ...c.filter, query: c.query }, sort: 'newest', limit: 100 });
        if (page) this.remember(page.items.slice(0, 20));
        return;
      }
      case 'open':
        await this.call('feedback.get', { id });
        await this.call('feedback.markRead', { ids: [id] });
        return;
      case 'tag': {
        const tag = `soak ${Math.floor(this.pick() * 30)}`;
        const change = this.pick() < 0.7 ? { addTags: [tag] } : { removeTags: [tag] };
        this.keep((await this.call<{ undoToken: string | null }>('feedback.update', { ids: [id], change }))?.undoToken);
        return;
      }
      case 'resolve':
        this.keep((await this.call<{ undoToken: string | null }>('feedback.update', { ids: [id], change: { status: this.pick() < 0.8 ? 'resolved' : 'open' } }))?.undoToken);
        return;
      case 'escalate': {
        if (!this.targetId) return;
        const item = await this.call<{ escalation: unknown }>('feedback.get', { id });
        if (!item || item.escalation) return;
        this.keep((await this.call<{ undoToken: string | null }>('escalation.create', { ids: [id], targetId: this.targetId, reason: 'Soak: customer waiting', priority: 'high', note: null }))?.undoToken);
        return;
      }
      case 'undo': {
        const token = this.undo.shift();
        if (token) await this.call('feedback.undo', { token });
        return;
      }
      case 'reply': {
        const found = await this.call<{ suggestions: { kind: string; sourceId: string; text: string; missing: string[] }[] }>('suggestions.list', { feedbackId: id, limit: 3 });
        const first = found?.suggestions[0];
        if (!first) return;
        const suggestion = { kind: first.kind, sourceId: first.sourceId, text: first.text, rank: 1 };
        // Most drafts are sent; some are thrown away, which is recorded as well.
        if (first.missing.length === 0 && this.pick() < 0.7) await this.call('replies.send', { feedbackId: id, body: first.text, suggestion });
        else await this.call('replies.discard', { feedbackId: id, suggestion });
        return;
      }
      case 'views':
        await this.call('views.list', {});
        return;
    }
  }
}

function sample(t0: number, actions: number): Sample {
  const m = process.memoryUsage();
  return { atS: Math.round((performance.now() - t0) / 1000), rssMb: m.rss / MB, heapUsedMb: m.heapUsed / MB, externalMb: m.external / MB, actions };
}

/** The soak's length: --soak-minutes, else 2 minutes under --quick and 30 otherwise. */
export function soakMinutes(ctx: BenchContext): number {
  return ctx.args.soakMinutes ?? (ctx.args.quick ? 2 : 30);
}

export async function measureSoak(ctx: BenchContext, spec: WorkloadSpec): Promise<void> {
  const store = ctx.main;
  if (!store) throw new Error('the soak needs the store from the insert measure');
  const minutes = soakMinutes(ctx);
  const durationMs = minutes * 60_000;
  // Until the page cache and V8's heap have found their size; the figure starts after it.
  const warmUpMs = Math.min(5 * 60_000, Math.max(30_000, durationMs / 10));
  const core = await openCore(store, ctx.access);
  try {
    const targets = await invokeOk<{ targets: { id: string }[] }>(core, 'escalation.targets.list');
    const session = new Session(core, spec, targets.targets[0]?.id ?? null);
    const samples: Sample[] = [];
    const t0 = performance.now();
    let actions = 0;
    samples.push(sample(t0, actions));
    let next = t0 + SAMPLE_EVERY_MS;
    while (performance.now() - t0 < durationMs) {
      await session.step();
      actions++;
      // Between two actions the event loop turns, as it does between a window's calls: the
      // core's timers (the SLA sweep, throttled pushes) run too. A timer would not sample
      // here: a call's SQL is synchronous, so the loop would never yield to it.
      await yieldToEventLoop();
      if (performance.now() >= next) {
        next += SAMPLE_EVERY_MS;
        const s = sample(t0, actions);
        samples.push(s);
        ctx.log(`  soak ${s.atS} s: ${actions} actions, RSS ${s.rssMb.toFixed(0)} MB, heap ${s.heapUsedMb.toFixed(0)} MB`);
      }
    }
    const elapsedS = (performance.now() - t0) / 1000;
    samples.push(sample(t0, actions));

    const steady = samples.filter((s) => s.atS * 1000 >= warmUpMs);
    // V8 lets garbage pile up between major collections, so RSS saws up and down by 100 MB
    // and more. What a leak raises is the floor: the lowest sample of the first fifth of the
    // steady samples against the lowest of the last fifth (at least 3 samples each).
    const window = Math.max(3, Math.floor(steady.length / 5));
    const floor = (at: 'start' | 'end', of: (s: Sample) => number): number | null =>
      steady.length >= 2 * window ? Math.min(...(at === 'start' ? steady.slice(0, window) : steady.slice(-window)).map(of)) : null;
    const first = floor('start', (s) => s.rssMb);
    const last = floor('end', (s) => s.rssMb);
    const growth = first !== null && last !== null ? ((last - first) / first) * 100 : null;
    const heapFirst = floor('start', (s) => s.heapUsedMb);
    const heapLast = floor('end', (s) => s.heapUsedMb);
    const note = `${minutes} min of mixed agent actions on ${ctx.n.toLocaleString('en-US')} items; lowest RSS of the first fifth of the samples after ${Math.round(warmUpMs / 1000)} s of warm-up against the lowest of the last fifth`;
    ctx.figures.set('soak_rss_growth_pct', growth, '%', '<= 10', note);
    ctx.figures.set('soak_actions_per_s', actions / elapsedS, 'actions/s', null, `one action after another, ${actions} in ${Math.round(elapsedS)} s; ${session.errorCount} errors`);
    ctx.figures.set('soak_rss_end_mb', last, 'MB', null, 'the floor of the last fifth of the samples');
    ctx.figures.set('soak_rss_max_mb', Math.max(...samples.map((s) => s.rssMb)), 'MB', null);
    ctx.figures.set('soak_heap_growth_mb', heapFirst !== null && heapLast !== null ? heapLast - heapFirst : null, 'MB', null, 'V8 heap used, the same two floors');
    if (session.errorCount > 0) ctx.notes.push(`soak: ${session.errorCount} actions failed, e.g. ${session.errors[0]}`);
    ctx.details.soak = {
      minutes,
      warmUpS: warmUpMs / 1000,
      actions,
      byAction: Object.fromEntries(session.counts),
      errors: { count: session.errorCount, first: session.errors },
      samples: samples.map((s) => ({ ...s, rssMb: Math.round(s.rssMb), heapUsedMb: Math.round(s.heapUsedMb), externalMb: Math.round(s.externalMb) })),
    };
  } finally {
    await core.close();
  }
}
