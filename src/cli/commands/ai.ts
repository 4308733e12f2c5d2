/**
 * The LLM from a terminal, for team leads' scripts and the tests: point Hearken at an
 * endpoint (the API key only ever from an environment variable, never from argv, where
 * `ps` and shell history would show it), test it, triage a view, draft a reply, read the
 * queue and "What left this machine". Triage and drafts run in this process's core, and
 * only in a command that waits (ai triage --wait, ai draft): it stays until nothing is
 * pending. Other commands leave queued jobs for the app.
 */
import { aiProviders, aiPurposes, redactModes, replyTones, type AiPurpose, type AiProvider, type AiQueueState, type AiSettingsInput, type ReplyTone } from '../../shared/ai/schema';
import type { View } from '../../shared/contract';
import { HearkenError } from '../../shared/errors';
import { printJson } from '../output';
import type { CliSession } from '../session';

export interface AiSetOptions {
  baseUrl?: string;
  model?: string;
  provider?: string;
  purposeModel?: string[];
  apiKeyEnv?: string;
  redact?: string;
  budget?: string;
  concurrency?: string;
  enable?: boolean;
  disable?: boolean;
  json?: boolean;
}

function oneOf<T extends string>(what: string, value: string, allowed: readonly T[]): T {
  const v = value.trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(v)) throw new HearkenError('VALIDATION', `${what} is one of ${allowed.join(', ')}; "${value}" is not.`);
  return v as T;
}

function wholeNumber(what: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new HearkenError('VALIDATION', `${what} takes a whole number of at least ${min}; "${value}" is not.`);
  return n;
}

/** The settings a command line asks for; the key is read from the variable it names. */
export function settingsFromOptions(opts: AiSetOptions, env: NodeJS.ProcessEnv = process.env): AiSettingsInput {
  const input: AiSettingsInput = {};
  if (opts.enable && opts.disable) throw new HearkenError('VALIDATION', 'Give --enable or --disable, not both.');
  if (opts.provider !== undefined) input.provider = oneOf<AiProvider>('--provider', opts.provider, aiProviders);
  if (opts.baseUrl !== undefined) {
    input.baseUrl = opts.baseUrl.trim();
    // Pointing Hearken at an endpoint means using it.
    if (!opts.disable) input.enabled = true;
  }
  if (opts.model !== undefined) input.model = opts.model.trim();
  if (opts.purposeModel && opts.purposeModel.length > 0) {
    const models: Partial<Record<AiPurpose, string>> = {};
    for (const pair of opts.purposeModel) {
      const at = pair.indexOf('=');
      if (at <= 0) throw new HearkenError('VALIDATION', `--purpose-model takes PURPOSE=MODEL (e.g. triage=llama3.1); "${pair}" is not.`);
      models[oneOf<AiPurpose>('The purpose', pair.slice(0, at), aiPurposes)] = pair.slice(at + 1).trim();
    }
    input.purposeModels = { triage: '', draft: '', summary: '', ...models };
  }
  if (opts.redact !== undefined) input.redact = oneOf('--redact', opts.redact, redactModes);
  if (opts.budget !== undefined) input.monthlyTokenBudget = /^(none|off|0)$/i.test(opts.budget.trim()) ? null : wholeNumber('--budget', opts.budget, 1000);
  if (opts.concurrency !== undefined) input.concurrency = wholeNumber('--concurrency', opts.concurrency, 1);
  if (opts.enable) input.enabled = true;
  if (opts.disable) input.enabled = false;
  if (opts.apiKeyEnv !== undefined) {
    const key = env[opts.apiKeyEnv]?.trim();
    if (!key) throw new HearkenError('VALIDATION', `The environment variable ${opts.apiKeyEnv} (named by --api-key-env) is empty or not set.`);
    input.apiKey = key;
  }
  return input;
}

export async function aiSet(session: CliSession, opts: AiSetOptions): Promise<void> {
  const input = settingsFromOptions(opts);
  await session.unlock();
  // Only the purpose models named change; the others keep what was saved.
  if (input.purposeModels) {
    const { settings } = await session.call('ai.status', {});
    const named = Object.fromEntries(Object.entries(input.purposeModels).filter(([, v]) => v !== ''));
    input.purposeModels = { ...settings.purposeModels, ...named };
  }
  const status = await session.call('ai.settings.save', input);
  if (opts.json) {
    printJson(status);
    return;
  }
  const s = status.settings;
  process.stdout.write(`AI ${s.enabled ? 'on' : 'off'}: ${s.baseUrl || '(no endpoint)'}  model ${s.model || '(none)'}\n`);
  process.stdout.write(`Redaction: ${status.redacting ? 'on' : 'off'} (${s.redact})  API key: ${status.hasApiKey ? `kept in the ${status.keyStore === 'keychain' ? 'keychain' : 'encrypted store'}` : 'none'}\n`);
  if (!status.ready) process.stdout.write('Not ready yet: give a base URL and a model.\n');
}

export async function aiTest(session: CliSession, opts: { json?: boolean }): Promise<boolean> {
  await session.unlock();
  const result = await session.call('ai.test', {});
  if (opts.json) {
    printJson(result);
    return result.ok;
  }
  if (!result.ok) {
    process.stdout.write(`Failed${result.host ? ` (${result.host})` : ''}: ${result.error?.message ?? 'no answer'}\n`);
    return false;
  }
  process.stdout.write(`OK: ${result.host} answered in ${result.latencyMs} ms\n`);
  process.stdout.write(`Models: ${result.models.length > 0 ? result.models.join(', ') : '(not listed)'}${result.modelFound === false ? '  (the configured model is not among them)' : ''}\n`);
  process.stdout.write(`Structured output (json_schema): ${result.supports.jsonSchema}; streaming: ${result.supports.streaming ?? 'unknown'}; usage in streams: ${result.supports.streamUsage}\n`);
  return true;
}

function findView(views: View[], wanted: string): View {
  const w = wanted.trim().toLowerCase();
  const found = views.find((v) => v.id === wanted) ?? views.find((v) => v.builtIn && v.id === `builtin:${w}`) ?? views.find((v) => v.name.toLowerCase() === w);
  if (!found) throw new HearkenError('NOT_FOUND', `No view is called "${wanted}". Views: ${views.map((v) => v.name).join(', ')}.`);
  return found;
}

const pending = (q: AiQueueState): number => q.counts.queued + q.counts.running + q.counts.waiting;

/** Runs the queue in this process until nothing is pending; progress goes to stderr. */
async function waitForQueue(session: CliSession): Promise<AiQueueState> {
  let last = '';
  for (;;) {
    const { queue } = await session.call('ai.jobs.list', { limit: 1 });
    const line = `queued ${queue.counts.queued}, running ${queue.counts.running}, waiting ${queue.counts.waiting}, failed ${queue.counts.failed}${queue.paused ? ` (paused: ${queue.paused})` : ''}`;
    if (line !== last) process.stderr.write(`${line}\n`);
    last = line;
    if (pending(queue) === 0) return queue;
    // Offline resumes by itself; the other pauses need a person.
    if (queue.paused && queue.paused !== 'offline') {
      throw new HearkenError('VALIDATION', `The AI queue is paused (${queue.paused}): ${pauseAdvice(queue.paused)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

function pauseAdvice(reason: NonNullable<AiQueueState['paused']>): string {
  if (reason === 'budget') return "this month's token budget is spent; raise it with hearken ai set --budget N.";
  if (reason === 'disabled') return 'the AI is off; turn it on with hearken ai set --enable.';
  if (reason === 'not-configured') return 'give an endpoint with hearken ai set --base-url URL --model NAME.';
  return 'the endpoint does not answer; the queue resumes when it does.';
}

export interface AiTriageOptions {
  view?: string;
  all?: boolean;
  id?: string[];
  force?: boolean;
  wait?: boolean;
  json?: boolean;
}

export async function aiTriage(session: CliSession, opts: AiTriageOptions): Promise<void> {
  const chosen = [opts.view !== undefined, opts.all === true, (opts.id?.length ?? 0) > 0].filter(Boolean).length;
  if (chosen !== 1) throw new HearkenError('VALIDATION', 'Say which items: --view NAME, --all, or --id ID (repeatable).');
  if (opts.wait) session.allowAiCalls();
  await session.unlock();
  let started;
  if (opts.id && opts.id.length > 0) {
    started = await session.call('ai.triage.start', { ids: opts.id, force: opts.force ?? false });
  } else {
    const filter = opts.all ? {} : findView(await session.call('views.list', {}), opts.view!).filter;
    started = await session.call('ai.triage.start', { filter, force: opts.force ?? false });
  }
  const queue = opts.wait ? await waitForQueue(session) : null;
  let triaged: { feedbackId: string; sentiment: string; topics: string[]; priority: string; confidence: string; summary: string; escalation: string | null }[] = [];
  if (queue) {
    const { jobs } = await session.call('ai.jobs.list', { purpose: 'triage', limit: 1000 });
    const ids = [...new Set(jobs.filter((j) => j.state === 'done' && j.feedbackId).map((j) => j.feedbackId!))];
    for (const feedbackId of ids) {
      const { triage } = await session.call('ai.triage.get', { feedbackId });
      if (!triage) continue;
      const a = triage.answer;
      triaged.push({ feedbackId, sentiment: a.sentiment, topics: a.topics, priority: a.priority, confidence: a.confidence, summary: a.summary, escalation: a.escalation?.targetName ?? null });
    }
    triaged = triaged.slice(0, 1000);
  }
  if (opts.json) {
    printJson({ ...started, ...(queue ? { failed: queue.counts.failed, triaged } : {}) });
    return;
  }
  process.stdout.write(`Queued ${started.queued}; already triaged ${started.cached}; already queued ${started.alreadyQueued}\n`);
  for (const t of triaged) process.stdout.write(`${t.feedbackId}  ${t.sentiment.padEnd(8)}  ${t.priority.padEnd(6)}  ${t.confidence.padEnd(6)}  ${t.summary}\n`);
  if (queue && queue.counts.failed > 0) process.stdout.write(`Failed: ${queue.counts.failed} (hearken ai jobs shows why)\n`);
  if (!queue) process.stdout.write('They run when the app is open, or now with --wait.\n');
}

export async function aiDraft(session: CliSession, id: string, opts: { tone?: string; json?: boolean }): Promise<boolean> {
  const tone = opts.tone === undefined ? 'friendly' : oneOf<ReplyTone>('--tone', opts.tone, replyTones);
  session.allowAiCalls();
  await session.unlock();
  const { draftId } = await session.call('ai.draft.start', { feedbackId: id, tone });
  await waitForQueue(session);
  const { draft } = await session.call('ai.draft.get', { feedbackId: id });
  if (!draft || draft.id !== draftId) throw new HearkenError('INTERNAL', 'The draft was not written.');
  if (opts.json) {
    printJson(draft);
    return draft.state === 'done';
  }
  if (draft.state !== 'done') {
    process.stdout.write(`The draft ${draft.state}: ${draft.error ?? 'no text'}\n`);
    return false;
  }
  process.stdout.write(`${draft.text}\n`);
  const cited = draft.sources.filter((s) => draft.cited.includes(s.marker));
  if (cited.length > 0) {
    process.stdout.write('\nSources:\n');
    for (const s of cited) process.stdout.write(`  [${s.marker}] ${s.kind}: ${s.title}\n`);
  }
  if (draft.unsupportedPromises.length > 0) {
    process.stdout.write('\nCheck before sending (no source supports these):\n');
    for (const p of draft.unsupportedPromises) process.stdout.write(`  ${p.kind}: "${p.text}"\n`);
  }
  return true;
}

export async function aiJobs(session: CliSession, opts: { json?: boolean }): Promise<void> {
  await session.unlock();
  const listed = await session.call('ai.jobs.list', {});
  if (opts.json) {
    printJson(listed);
    return;
  }
  const c = listed.queue.counts;
  process.stdout.write(`Queued ${c.queued}, running ${c.running}, waiting ${c.waiting}, failed ${c.failed}${listed.queue.paused ? `; paused: ${listed.queue.paused}` : ''}\n`);
  for (const j of listed.jobs) process.stdout.write(`${j.id}  ${j.purpose.padEnd(7)}  ${j.state.padEnd(9)}  ${j.label ?? ''}${j.error ? `  (${j.error})` : ''}\n`);
}

export async function aiLog(session: CliSession, opts: { json?: boolean; limit?: string }): Promise<void> {
  await session.unlock();
  const limit = opts.limit === undefined ? 200 : wholeNumber('--limit', opts.limit, 1);
  const log = await session.call('ai.log.list', { limit: Math.min(limit, 1000) });
  if (opts.json) {
    printJson(log);
    return;
  }
  process.stdout.write(`${log.total} entries; newest first\n`);
  for (const e of log.entries) {
    const tokens = e.promptTokens === null ? '' : `  ${e.promptTokens + (e.completionTokens ?? 0)}${e.tokensEstimated ? '~' : ''} tokens`;
    process.stdout.write(`${new Date(e.at).toISOString()}  ${e.kind.padEnd(7)}  ${e.purpose.padEnd(10)}  ${e.host}  ${e.outcome}${tokens}  ${e.latencyMs} ms\n`);
  }
}
