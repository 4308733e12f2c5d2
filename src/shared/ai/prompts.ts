/**
 * Prompts for a reply draft, a period summary and the one repair retry. A draft is grounded:
 * every fact must come from a numbered source and be cited as [S1], because Hearken resolves
 * the markers locally and flags any promise no source makes. Customer text stays delimited as
 * untrusted data; sources are the team's own words but are fenced as well, since a past reply
 * may quote a customer.
 */
import type { Channel } from '../domain';
import type { DraftSourceKind, ReplyTone } from './schema';
import { earlierBlocks, neutralise, oneLine, untrustedBlock, UNTRUSTED_RULES, type EarlierMessage, type PromptMessage } from './untrusted';

const toneRules: Record<ReplyTone, string> = {
  friendly: 'Friendly: warm and personal, plain words, short paragraphs; thank the customer once.',
  formal: 'Formal: courteous and precise, full sentences, no slang, no exclamation marks.',
  brief: 'Brief: three sentences or fewer; answer the question and stop; no pleasantries beyond a greeting.',
  apologetic: 'Apologetic: acknowledge the problem and its impact first and apologise once, sincerely, without blaming anyone; then the solution.',
};

const channelRules: Record<Channel, string> = {
  email: 'It is an e-mail: a greeting, the answer, a sign-off.',
  chat: 'It is a chat: conversational, no sign-off, no subject line.',
  survey: 'It answers a survey comment: short, thank them for the feedback.',
  review: 'It is a public reply to a review: anyone can read it, so mention no order details or personal data.',
  social: 'It is a public reply on social media: short, and mention no order details or personal data.',
};

const kindLabels: Record<DraftSourceKind, string> = { template: 'template', kb: 'knowledge-base article', reply: 'earlier reply by the team' };

export interface DraftSourceText {
  marker: string;
  kind: DraftSourceKind;
  title: string;
  text: string;
}

/** An earlier message as the core may hold it: by direction, or by who wrote it. */
export type DraftEarlierMessage = EarlierMessage | { from: 'customer' | 'agent'; text: string };

export interface DraftPromptInput {
  tone: ReplyTone;
  /** ISO 639-1 of the customer's language, null when unknown. */
  language: string | null;
  languageName: string | null;
  agentName: string | null;
  /** As it may appear in the prompt: the name, or its redaction placeholder; null to use none. */
  customerName?: string | null;
  channel: Channel;
  subject: string | null;
  body: string;
  earlierMessages?: readonly DraftEarlierMessage[];
  sources: readonly DraftSourceText[];
}

const BODY_CHARS = 8000;
const SOURCE_CHARS = 2500;
const PLACEHOLDERS =
  'Text may hold placeholders in square brackets such as [EMAIL_1], [PHONE_2] or [NAME_1]; they stand for personal data removed before sending. Copy a placeholder exactly when you need it, and never invent one.';

const asEarlier = (m: DraftEarlierMessage): EarlierMessage =>
  'direction' in m ? m : { direction: m.from === 'customer' ? 'in' : 'out', body: m.text };

function sourceBlock(source: DraftSourceText): string {
  const marker = oneLine(source.marker, 4);
  const text = neutralise(source.text);
  const cut = text.length > SOURCE_CHARS ? `${text.slice(0, SOURCE_CHARS)} […]` : text;
  return `<<<SOURCE ${marker} (${kindLabels[source.kind]}): ${oneLine(source.title)}\n${cut}\nSOURCE ${marker}>>>`;
}

function draftSystem(input: DraftPromptInput): string {
  const language = input.languageName
    ? `Write the reply in ${oneLine(input.languageName, 40)}${input.language ? ` (${oneLine(input.language, 8)})` : ''}, the customer's language.`
    : 'Write the reply in the language the customer wrote in.';
  const signOff = input.agentName ? `Sign as ${oneLine(input.agentName, 80)}.` : 'Do not sign with a name.';
  const greeting = input.customerName ? `Address the customer as ${oneLine(input.customerName, 80)}.` : 'Do not guess the customer\'s name.';
  const grounding =
    input.sources.length > 0
      ? [
          'Ground every factual claim (policies, prices, steps, times) in the numbered sources below, and cite the source inline right after the claim, like [S1] or [S1][S2]. Cite only markers that exist.',
          'If the sources do not answer the question, say that you will check and get back, rather than inventing an answer.',
        ]
      : ['There are no sources: state no policy, price or time; where the customer needs one, say that you will check and get back.'];
  return [
    'You draft a reply for a customer-support agent, who will read and edit it before sending.',
    language,
    toneRules[input.tone],
    channelRules[input.channel],
    greeting,
    signOff,
    ...grounding,
    'Never promise a refund, compensation, a credit, a discount, a replacement, or a date or deadline unless a source states it; then cite that source.',
    PLACEHOLDERS,
    UNTRUSTED_RULES,
    'Answer with the reply text only: no subject line, no notes to the agent, no Markdown headings.',
  ].join('\n');
}

/** The messages of one reply draft. */
export function draftPrompt(input: DraftPromptInput): PromptMessage[] {
  const parts: string[] = [];
  if (input.sources.length > 0) parts.push('Sources:', ...input.sources.map(sourceBlock));
  const earlier = earlierBlocks(input.earlierMessages?.map(asEarlier));
  if (earlier.length > 0) parts.push('Earlier in this conversation:', ...earlier);
  if (input.subject) parts.push(untrustedBlock('subject', input.subject, 300));
  parts.push(untrustedBlock('the message to answer', input.body, BODY_CHARS));
  parts.push('Write the reply now.');
  return [
    { role: 'system', content: draftSystem(input) },
    { role: 'user', content: parts.join('\n\n') },
  ];
}

export interface SummaryPromptInput {
  from: number;
  to: number;
  /** For the dates named in the prompt; UTC when absent. */
  timeZone?: string;
  figures: Record<string, number | string>;
  /** A few customer quotes, already redacted. */
  quotes: readonly string[];
}

function day(ms: number, timeZone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  } catch {
    return new Date(ms).toISOString().slice(0, 10);
  }
}

/** The messages of a "what happened this week" summary: local figures and quotes in, short Markdown out. */
export function summaryPrompt(input: SummaryPromptInput): PromptMessage[] {
  const system = [
    'You write a short summary of what happened in a customer-support inbox over a period, for the team lead.',
    'Use only the figures and quotes given. Do not invent numbers, causes, customers or events; if the figures do not show something, do not claim it.',
    'Write Markdown in English, in this shape:',
    '**Headline:** one sentence.',
    '- 3 to 6 bullets on what happened, with the figures that show it.',
    '**Risks:** one to three bullets (or "None seen in these figures.").',
    '**Suggested actions:** one to three bullets.',
    'Keep it under 200 words. Quote a customer only from the quotes given, briefly.',
    PLACEHOLDERS,
    UNTRUSTED_RULES,
  ].join('\n');
  const figures = Object.entries(input.figures).map(([k, v]) => `- ${oneLine(k, 80)}: ${typeof v === 'number' ? String(v) : oneLine(v)}`);
  const parts = [`Period: ${day(input.from, input.timeZone)} to ${day(input.to, input.timeZone)}${input.timeZone ? ` (${oneLine(input.timeZone, 60)})` : ' (UTC)'}.`];
  parts.push(figures.length > 0 ? `Figures:\n${figures.join('\n')}` : 'Figures: none.');
  if (input.quotes.length > 0) parts.push('Customer quotes:', ...input.quotes.map((q, i) => untrustedBlock(`quote ${i + 1}`, q, 400)));
  parts.push('Write the summary now.');
  return [
    { role: 'system', content: system },
    { role: 'user', content: parts.join('\n\n') },
  ];
}

const BAD_ANSWER_CHARS = 4000;

/** The one retry after an invalid answer: the same conversation, the answer, and what was wrong with it. */
export function repairPrompt(original: readonly PromptMessage[], badAnswer: string, error: string): PromptMessage[] {
  const shown = badAnswer.length > BAD_ANSWER_CHARS ? `${badAnswer.slice(0, BAD_ANSWER_CHARS)}…` : badAnswer;
  return [
    ...original.map((m) => ({ role: m.role, content: m.content })),
    { role: 'assistant', content: shown },
    {
      role: 'user',
      content: `That answer is not valid:\n${error.slice(0, 2000)}\nAnswer again with only the corrected JSON object: every field, the allowed values only, no prose and no Markdown fence.`,
    },
  ];
}
