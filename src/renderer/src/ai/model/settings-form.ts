/**
 * The Provider tab's form: what the person is editing, how a preset fills it, whether it
 * differs from what is saved, and what Save sends. Numbers are kept as typed (a field may be
 * empty mid-edit) and checked by the contract's schema only when saving.
 */
import { aiSettingsSchema, providerPresets, type AiProvider, type AiSettings, type AiSettingsInput, type RedactMode } from '../../../../shared/ai/schema';

export interface AiForm {
  enabled: boolean;
  provider: AiProvider;
  baseUrl: string;
  model: string;
  triageModel: string;
  draftModel: string;
  summaryModel: string;
  azureApiVersion: string;
  maxTokens: number | string;
  /** Tokens a month; ignored while `noLimit`. */
  budget: number | string;
  noLimit: boolean;
  redact: RedactMode;
  concurrency: number | string;
  /** Seconds, as people think of a time-out. */
  timeoutS: number | string;
  /** A new key typed in; empty keeps the saved one. */
  apiKey: string;
  /** The saved key is to be removed on Save. */
  removeKey: boolean;
}

export type FormField = Exclude<keyof AiForm, 'apiKey' | 'removeKey'> | 'apiKey';
export type FormErrors = Partial<Record<FormField, string>>;

/** What the person typed for a provider, kept when they look at another one and come back. */
export type Remembered = Partial<Record<AiProvider, { baseUrl: string; model: string }>>;

export function formFrom(settings: AiSettings): AiForm {
  return {
    enabled: settings.enabled,
    provider: settings.provider,
    baseUrl: settings.baseUrl,
    model: settings.model,
    triageModel: settings.purposeModels.triage,
    draftModel: settings.purposeModels.draft,
    summaryModel: settings.purposeModels.summary,
    azureApiVersion: settings.azureApiVersion,
    maxTokens: settings.maxTokens,
    budget: settings.monthlyTokenBudget ?? 2_000_000,
    noLimit: settings.monthlyTokenBudget === null,
    redact: settings.redact,
    concurrency: settings.concurrency,
    timeoutS: Math.round(settings.timeoutMs / 1000),
    apiKey: '',
    removeKey: false,
  };
}

/**
 * Another provider chosen: its URL and model are what the person typed for it before, else
 * the preset's. What they typed for the one they leave is remembered.
 */
export function presetChosen(form: AiForm, provider: AiProvider, remembered: Remembered): { form: AiForm; remembered: Remembered } {
  if (provider === form.provider) return { form, remembered };
  const kept: Remembered = { ...remembered, [form.provider]: { baseUrl: form.baseUrl, model: form.model } };
  const preset = providerPresets[provider];
  const back = kept[provider];
  return {
    form: { ...form, provider, baseUrl: back?.baseUrl ?? preset.baseUrl, model: back?.model ?? preset.model },
    remembered: kept,
  };
}

function asNumber(value: number | string): number {
  if (typeof value === 'number') return value;
  const trimmed = value.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** The settings the form describes (not yet checked). */
export function settingsOf(form: AiForm): AiSettings {
  return {
    enabled: form.enabled,
    provider: form.provider,
    baseUrl: form.baseUrl.trim(),
    model: form.model.trim(),
    purposeModels: { triage: form.triageModel.trim(), draft: form.draftModel.trim(), summary: form.summaryModel.trim() },
    azureApiVersion: form.azureApiVersion.trim(),
    maxTokens: asNumber(form.maxTokens),
    monthlyTokenBudget: form.noLimit ? null : asNumber(form.budget),
    redact: form.redact,
    concurrency: asNumber(form.concurrency),
    timeoutMs: Math.round(asNumber(form.timeoutS) * 1000),
  };
}

const fieldOfSetting: Record<string, FormField> = {
  monthlyTokenBudget: 'budget',
  timeoutMs: 'timeoutS',
};
const purposeField: Record<string, FormField> = { triage: 'triageModel', draft: 'draftModel', summary: 'summaryModel' };

/** Zod's words for people: its defaults name types, ours say what to type. */
function messageFor(field: FormField, code: string, message: string): string {
  if (code === 'invalid_type') return 'Give a number.';
  if (field === 'timeoutS' && (code === 'too_small' || code === 'too_big')) return 'Between 1 and 600 seconds.';
  if (field === 'maxTokens' && (code === 'too_small' || code === 'too_big')) return 'Between 64 and 32,000 tokens.';
  if (field === 'concurrency' && (code === 'too_small' || code === 'too_big')) return 'Between 1 and 16 calls at once.';
  if (field === 'budget' && code === 'too_small') return 'At least 1,000 tokens, or choose No limit.';
  if (field === 'budget' && code === 'too_big') return 'At most 10 billion tokens, or choose No limit.';
  if (code === 'invalid_format' || code === 'invalid_string' || code === 'invalid_union') return 'Give a full URL, e.g. http://127.0.0.1:11434/v1';
  if (code === 'invalid_type' || message.startsWith('Expected') || message.startsWith('Invalid input')) return 'Give a number.';
  return message;
}

export type SaveCheck = { ok: true; input: AiSettingsInput } | { ok: false; errors: FormErrors };

/** What Save sends, or the fields to correct first. The key goes only when one was typed (or removed). */
export function saveInput(form: AiForm): SaveCheck {
  const settings = settingsOf(form);
  const checked = aiSettingsSchema.safeParse(settings);
  if (!checked.success) {
    const errors: FormErrors = {};
    for (const issue of checked.error.issues) {
      const [first, second] = issue.path.map(String);
      if (first === undefined) continue;
      const field = first === 'purposeModels' && second !== undefined ? purposeField[second] : (fieldOfSetting[first] ?? (first as FormField));
      if (field !== undefined && errors[field] === undefined) errors[field] = messageFor(field, issue.code, issue.message);
    }
    return { ok: false, errors };
  }
  const input: AiSettingsInput = { ...checked.data };
  const key = form.apiKey.trim();
  if (key !== '') input.apiKey = key;
  else if (form.removeKey) input.apiKey = null;
  return { ok: true, input };
}

/** Whether Save has something to do: a setting differs from what is saved, or the key changes. */
export function isDirty(form: AiForm, saved: AiSettings): boolean {
  if (form.apiKey.trim() !== '' || form.removeKey) return true;
  return JSON.stringify(settingsOf(form)) !== JSON.stringify(settingsOf(formFrom(saved)));
}
