/** "What left this machine": the words and layout of one logged call. */
import type { AiLogEntry } from '../../../../shared/ai/schema';

const numbers = new Intl.NumberFormat('en');

/** The body as sent, indented when it is JSON so a person can read it; otherwise exactly as it was. */
export function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** "1,204 + 96", "~1,300 (est.)", or "—" when no tokens apply (a webhook, a failed call). */
export function tokensLabel(entry: Pick<AiLogEntry, 'promptTokens' | 'completionTokens' | 'tokensEstimated'>): string {
  const { promptTokens: p, completionTokens: c } = entry;
  if (p === null && c === null) return '—';
  const text = `${numbers.format(p ?? 0)} + ${numbers.format(c ?? 0)}`;
  return entry.tokensEstimated ? `~${text} (est.)` : text;
}

const kindWords: Record<string, string> = {
  email: 'e-mail',
  phone: 'phone',
  card: 'card',
  iban: 'IBAN',
  ip: 'IP',
  ipv4: 'IP',
  ipv6: 'IP',
  url: 'URL secret',
  secret: 'URL secret',
  name: 'name',
};

/** "3 e-mails, 1 name"; "none" when nothing was replaced. */
export function redactionsLabel(redactions: Record<string, number>): string {
  const merged = new Map<string, number>();
  for (const [kind, count] of Object.entries(redactions)) {
    if (count <= 0) continue;
    const word = kindWords[kind.toLowerCase()] ?? kind.toLowerCase();
    merged.set(word, (merged.get(word) ?? 0) + count);
  }
  if (merged.size === 0) return 'none';
  return [...merged].map(([word, count]) => `${count} ${word}${count === 1 ? '' : 's'}`).join(', ');
}

export function redactionTotal(redactions: Record<string, number>): number {
  return Object.values(redactions).reduce((sum, n) => sum + Math.max(0, n), 0);
}

/** "ok", "invalid answer", "failed: 503", "failed: connection refused". */
export function outcomeLabel(entry: Pick<AiLogEntry, 'outcome' | 'status' | 'error'>): string {
  if (entry.outcome === 'ok') return 'ok';
  if (entry.outcome === 'invalid') return 'invalid answer';
  const why = entry.error ?? (entry.status === null ? 'no answer' : `HTTP ${entry.status}`);
  return `failed: ${why}`;
}

export function purposeLabel(purpose: string): string {
  switch (purpose) {
    case 'triage':
      return 'Triage';
    case 'draft':
      return 'Reply draft';
    case 'summary':
      return 'Summary';
    case 'test':
      return 'Connection test';
    case 'escalation':
      return 'Escalation webhook';
    default:
      return purpose;
  }
}

/** The `before` of the next page: just older than the oldest entry shown. */
export function nextBefore(entries: Pick<AiLogEntry, 'at'>[]): number | null {
  if (entries.length === 0) return null;
  return Math.min(...entries.map((e) => e.at));
}

/** Adds a newer entry (live) or an older page, keeping newest first and each entry once. */
export function mergeEntries(current: AiLogEntry[], incoming: AiLogEntry[]): AiLogEntry[] {
  const byId = new Map(current.map((e) => [e.id, e]));
  for (const e of incoming) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
}

const timeOfDay = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const dayAndTime = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
const withYear = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Today's calls to the second (several share a minute); older ones by day; another year with it. */
export function logTimeLabel(at: number, now: number): string {
  const then = new Date(at);
  const today = new Date(now);
  if (then.toDateString() === today.toDateString()) return timeOfDay.format(at);
  return then.getFullYear() === today.getFullYear() ? dayAndTime.format(at) : withYear.format(at);
}

export interface ChatMessageView {
  role: string;
  content: string;
}

/**
 * The messages of a chat-completions body, for reading: roles and text with real line
 * breaks. Null when the body is not one (a webhook, a models list); the exact body is shown then.
 */
export function chatMessages(body: string): ChatMessageView[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { messages?: unknown }).messages)) return null;
  const messages: ChatMessageView[] = [];
  for (const m of (parsed as { messages: unknown[] }).messages) {
    if (typeof m !== 'object' || m === null) continue;
    const { role, content } = m as { role?: unknown; content?: unknown };
    const text =
      typeof content === 'string'
        ? content
        : Array.isArray(content)
          ? content.map((part) => (typeof part === 'object' && part !== null && typeof (part as { text?: unknown }).text === 'string' ? (part as { text: string }).text : '')).join('')
          : JSON.stringify(content);
    messages.push({ role: typeof role === 'string' ? role : 'unknown', content: text });
  }
  return messages;
}
