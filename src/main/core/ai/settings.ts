/**
 * The team's LLM settings, one JSON value in the `settings` table: they travel with the
 * store (a second machine opening it gets the same endpoint), and a value saved by an
 * older or newer Hearken is read field by field over the defaults, never refused whole.
 */
import { aiSettingsSchema, defaultAiSettings, type AiSettings, type AiSettingsInput } from '../../../shared/ai/schema';
import { log } from '../log';
import type { DB } from '../store/db';
import { getSetting, setSetting } from '../store/settings';

export { defaultAiSettings } from '../../../shared/ai/schema';

const KEY = 'ai.settings';

export function loadAiSettings(db: DB): AiSettings {
  const raw = getSetting(db, KEY);
  if (raw === null) return structuredClone(defaultAiSettings);
  let stored: Record<string, unknown>;
  try {
    stored = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    log.warn('the AI settings could not be read; the defaults apply until they are saved again', {});
    return structuredClone(defaultAiSettings);
  }
  const merged: Record<string, unknown> = { ...defaultAiSettings };
  for (const field of Object.keys(defaultAiSettings) as (keyof AiSettings)[]) {
    if (!(field in stored)) continue;
    const candidate = { ...merged, [field]: field === 'purposeModels' ? { ...defaultAiSettings.purposeModels, ...(stored[field] as object) } : stored[field] };
    if (aiSettingsSchema.safeParse(candidate).success) merged[field] = candidate[field];
  }
  return aiSettingsSchema.parse(merged);
}

/**
 * The settings after a save: the fields given replace the stored ones. Giving a base URL
 * for the first time turns the LLM on, which is what a person filling the form means.
 */
export function mergeAiSettings(current: AiSettings, input: Omit<AiSettingsInput, 'apiKey'>): AiSettings {
  const next: AiSettings = { ...current, ...stripUndefined(input), purposeModels: { ...current.purposeModels, ...stripUndefined(input.purposeModels ?? {}) } };
  if (input.enabled === undefined && input.baseUrl && !current.baseUrl) next.enabled = true;
  return aiSettingsSchema.parse(next);
}

export function saveAiSettings(db: DB, settings: AiSettings, now: number): void {
  setSetting(db, KEY, JSON.stringify(aiSettingsSchema.parse(settings)), now);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
