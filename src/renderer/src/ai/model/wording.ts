/** The AI page's words: the budget meter, what a connection test found, why the queue waits. */
import type { AiBudget, AiQueueState, AiTestResult, RedactMode } from '../../../../shared/ai/schema';

const numbers = new Intl.NumberFormat('en');
export const tokens = (n: number): string => numbers.format(n);

export interface BudgetMeter {
  /** 0–100, or null without a limit (nothing to fill). */
  percent: number | null;
  label: string;
  /** Of the used tokens, how many were estimated; null when none were. */
  estimatedNote: string | null;
  color: 'teal' | 'yellow' | 'red';
  stopped: boolean;
}

/** This month's spend against the limit; amber from 80 %, red (and stopped) once spent. */
export function budgetMeter(budget: AiBudget): BudgetMeter {
  const estimatedNote = budget.estimated > 0 ? `${tokens(budget.estimated)} of them estimated (the server sent no usage)` : null;
  if (budget.limit === null) {
    return { percent: null, label: `${tokens(budget.used)} tokens used this month · no limit`, estimatedNote, color: 'teal', stopped: false };
  }
  const ratio = budget.limit > 0 ? budget.used / budget.limit : 1;
  const stopped = budget.exhausted || ratio >= 1;
  const percent = Math.min(100, Math.round(ratio * 1000) / 10);
  const share = percent === 0 && budget.used > 0 ? 'under 0.1%' : `${percent}%`;
  const label = stopped
    ? `Stopped: budget spent (${tokens(budget.used)} of ${tokens(budget.limit)} tokens)`
    : `${tokens(budget.used)} of ${tokens(budget.limit)} tokens used this month (${share})`;
  return { percent, label, estimatedNote, color: stopped ? 'red' : ratio >= 0.8 ? 'yellow' : 'teal', stopped };
}

export const redactionLine =
  'Redacting: e-mails, phone numbers, card numbers, IBANs, IP addresses, secrets in URLs and the customer’s name are replaced before anything is sent.';

export interface RedactionState {
  redacting: boolean;
  line: string;
  /** Off for an endpoint on another machine: customer text would leave as it is. */
  warning: string | null;
}

export function redactionState(mode: RedactMode, loopback: boolean, hasHost: boolean): RedactionState {
  const redacting = mode === 'on' || (mode === 'auto' && !loopback);
  if (redacting) return { redacting, line: redactionLine, warning: null };
  if (mode === 'off' && hasHost && !loopback) {
    return {
      redacting,
      line: 'Not redacting: customer text is sent as it is.',
      warning: 'Redaction is off for an endpoint on another machine: names, e-mails and phone numbers leave this machine as written.',
    };
  }
  return { redacting, line: 'Not redacting: the endpoint is on this machine, so nothing leaves it.', warning: null };
}

export type Tone = 'ok' | 'warn' | 'bad' | 'info';
export interface TestLine {
  label: string;
  value: string;
  tone: Tone;
}

const jsonSchemaWords: Record<AiTestResult['supports']['jsonSchema'], { value: string; tone: Tone }> = {
  enforced: { value: 'Enforced', tone: 'ok' },
  ignored: { value: 'Ignored: answers are still checked', tone: 'warn' },
  refused: { value: 'Refused: Hearken falls back to JSON in the prompt', tone: 'warn' },
  unknown: { value: 'Not found out', tone: 'info' },
};

const usageWords: Record<AiTestResult['supports']['streamUsage'], { value: string; tone: Tone }> = {
  'final-chunk': { value: 'Sent at the end', tone: 'ok' },
  'every-chunk': { value: 'Sent with every chunk', tone: 'ok' },
  missing: { value: 'Missing: tokens are estimated', tone: 'warn' },
  unknown: { value: 'Not found out', tone: 'info' },
};

/** "llama3.1, qwen2.5, mistral and 4 more". */
export function modelsSummary(models: string[], shown = 3): string {
  if (models.length === 0) return 'None listed';
  const head = models.slice(0, shown).join(', ');
  return models.length > shown ? `${head} and ${models.length - shown} more` : head;
}

/** What a successful test found, one line each. */
export function testLines(result: AiTestResult, model: string): TestLine[] {
  const lines: TestLine[] = [{ label: 'Answered in', value: `${numbers.format(result.latencyMs)} ms`, tone: 'ok' }];
  lines.push({
    label: `Models (${result.models.length})`,
    value: modelsSummary(result.models),
    tone: result.models.length > 0 ? 'ok' : 'info',
  });
  if (result.modelFound === true) lines.push({ label: 'Your model', value: `${model} is available`, tone: 'ok' });
  else if (result.modelFound === false) {
    lines.push({ label: 'Your model', value: model.trim() === '' ? 'None chosen yet: pick one of the listed models' : `${model} is not among them: check the name`, tone: 'bad' });
  } else lines.push({ label: 'Your model', value: 'Not checked: the server lists no models', tone: 'info' });
  lines.push({ label: 'Structured output', ...jsonSchemaWords[result.supports.jsonSchema] });
  if (result.supports.streaming === false) lines.push({ label: 'Streaming', value: 'Not supported: drafts arrive in one piece', tone: 'warn' });
  lines.push({ label: 'Streamed usage', ...usageWords[result.supports.streamUsage] });
  return lines;
}

/** What to do about a failed test, by its code. */
export function testFailure(error: { code: string; message: string }): { title: string; advice: string } {
  const title = 'The test failed';
  switch (error.code) {
    case 'offline':
      return { title: 'The endpoint doesn’t answer', advice: `${error.message} Check that the server is running and the base URL is right.` };
    case 'auth':
      return { title: 'The key was refused', advice: `${error.message} Replace the API key, then test again.` };
    case 'bad-request':
      return { title: 'The server refused the request', advice: `${error.message} Check the base URL (it usually ends in /v1) and the model name.` };
    case 'server':
      return { title: 'The server had a problem', advice: `${error.message} Look at the server’s own log, then test again.` };
    case 'budget':
      return { title: 'Stopped: budget spent', advice: `${error.message} Raise the monthly budget to test again.` };
    case 'timeout':
      return { title: 'No answer in time', advice: `${error.message} Try a longer time-out or a smaller model.` };
    case 'rate-limited':
      return { title: 'Too many requests', advice: `${error.message} Wait a moment, then test again.` };
    default:
      return { title, advice: error.message };
  }
}

export interface PauseBanner {
  title: string;
  message: string;
  color: 'gray' | 'yellow' | 'red';
}

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** Why nothing is being sent now; null while the queue runs. */
export function pauseBanner(queue: AiQueueState, now: number): PauseBanner | null {
  switch (queue.paused) {
    case null:
      return null;
    case 'offline': {
      const next =
        queue.retryAt === null ? '' : queue.retryAt - now < 60_000 ? ' Next try in under a minute.' : ` Next try at ${timeFormat.format(queue.retryAt)}.`;
      return { title: 'Waiting for the endpoint', message: `The endpoint doesn’t answer; jobs resume by themselves when it does.${next}`, color: 'yellow' };
    }
    case 'budget':
      return { title: 'Stopped: budget spent', message: 'This month’s token budget is spent. Jobs wait until next month, or raise the budget on the Provider tab.', color: 'red' };
    case 'disabled':
      return { title: 'The AI is off', message: 'Nothing is sent. Switch on “Use an AI model” on the Provider tab to run these jobs.', color: 'gray' };
    case 'not-configured':
      return { title: 'No endpoint yet', message: 'Choose a provider, a base URL and a model on the Provider tab.', color: 'gray' };
  }
}

/** The nav's hint: jobs in flight, or failed ones. Null when there is nothing to say. */
export function queueHint(queue: AiQueueState): { count: number; label: string; color: 'blue' | 'red' | 'yellow' } | null {
  const { queued, running, waiting, failed } = queue.counts;
  const active = queued + running + waiting;
  if (failed > 0) return { count: failed, label: `${failed} AI job${failed === 1 ? '' : 's'} failed`, color: 'red' };
  if (active === 0) return null;
  const label = `${active} AI job${active === 1 ? '' : 's'} ${queue.paused ? 'waiting' : 'in progress'}`;
  return { count: active, label, color: queue.paused ? 'yellow' : 'blue' };
}
