/**
 * Token arithmetic for the monthly budget. Servers that send no usage (LM Studio streams,
 * some llama.cpp builds) are charged an estimate, marked as such; the estimate only has to be
 * deterministic and roughly right, since the hard stop must not depend on a tokenizer we do
 * not ship. Months are UTC calendar months, the same for every agent of a team.
 */

// Han, kana, Hangul and full-width forms: BPE tokenizers spend about one token per character there.
const DENSE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[\ud840-\ud87f][\udc00-\udfff]/g;

/** About four characters a token, one a token for CJK text. */
export function estimateTokens(text: string): number {
  if (text === '') return 0;
  let dense = 0;
  let denseChars = 0;
  for (const m of text.matchAll(DENSE)) {
    dense++;
    denseChars += m[0].length;
  }
  return dense + Math.ceil((text.length - denseChars) / 4);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The UTC month an instant falls in, as 'YYYY-MM'. */
export function monthKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** The first instant of that UTC month. */
export function monthStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

export interface BudgetState {
  /** Whether a call of `estimate` tokens still fits. */
  allowed: boolean;
  /** Tokens left this month; null without a limit. */
  remaining: number | null;
}

/**
 * The hard stop: a call is refused when its estimate (prompt plus the completion it may
 * write) would take the month past its limit, so the budget is never overrun by more than an
 * estimate's error.
 */
export function budgetState(used: number, limit: number | null, estimate: number): BudgetState {
  if (limit === null) return { allowed: true, remaining: null };
  const remaining = Math.max(0, limit - used);
  return { allowed: remaining > 0 && Math.max(0, estimate) <= remaining, remaining };
}
