/** The AI page's Provider form: presets that keep what was typed, Save's input and its checks, dirty state. */
import { describe, expect, it } from 'vitest';
import { defaultAiSettings, providerPresets, type AiSettings } from '../../src/shared/ai/schema';
import { formFrom, isDirty, presetChosen, saveInput, settingsOf } from '../../src/renderer/src/ai/model/settings-form';

const saved: AiSettings = { ...defaultAiSettings, enabled: true, provider: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1' };

describe('choosing a provider preset', () => {
  it('fills the preset base URL and model for a provider not yet touched', () => {
    const { form } = presetChosen(formFrom(saved), 'lmstudio', {});
    expect(form.provider).toBe('lmstudio');
    expect(form.baseUrl).toBe(providerPresets.lmstudio.baseUrl);
    expect(form.model).toBe('');
    const openai = presetChosen(formFrom(saved), 'openai', {}).form;
    expect(openai).toMatchObject({ baseUrl: 'https://api.openai.com/v1', model: 'gpt-4.1-mini' });
  });

  it('brings back what the person typed for a provider after looking at another', () => {
    const typed = { ...formFrom(saved), provider: 'custom' as const, baseUrl: 'http://10.0.0.5:8000/v1', model: 'qwen2.5-7b' };
    const away = presetChosen(typed, 'openai', {});
    expect(away.form.baseUrl).toBe('https://api.openai.com/v1');
    const back = presetChosen(away.form, 'custom', away.remembered);
    expect(back.form).toMatchObject({ provider: 'custom', baseUrl: 'http://10.0.0.5:8000/v1', model: 'qwen2.5-7b' });
    // OpenAI's edits are remembered too.
    const edited = { ...away.form, model: 'gpt-4.1' };
    const again = presetChosen(presetChosen(edited, 'custom', away.remembered).form, 'openai', presetChosen(edited, 'custom', away.remembered).remembered);
    expect(again.form.model).toBe('gpt-4.1');
  });

  it('choosing the same provider changes nothing', () => {
    const form = { ...formFrom(saved), baseUrl: 'http://127.0.0.1:9999/v1' };
    expect(presetChosen(form, 'ollama', {}).form).toBe(form);
  });

  it('keeps every other field (key typed, budget, redaction) across a switch', () => {
    const form = { ...formFrom(saved), apiKey: 'sk-typed', redact: 'on' as const, budget: 5000 };
    const next = presetChosen(form, 'azure', {}).form;
    expect(next).toMatchObject({ apiKey: 'sk-typed', redact: 'on', budget: 5000 });
  });
});

describe('what Save sends', () => {
  it('round-trips saved settings through the form unchanged', () => {
    expect(settingsOf(formFrom(saved))).toEqual(saved);
    const unlimited = { ...saved, monthlyTokenBudget: null, timeoutMs: 90_000 };
    expect(formFrom(unlimited)).toMatchObject({ noLimit: true, timeoutS: 90 });
    expect(settingsOf(formFrom(unlimited))).toEqual(unlimited);
  });

  it('sends the key only when one was typed, null when it is removed, and never keeps whitespace', () => {
    const none = saveInput(formFrom(saved));
    expect(none.ok && 'apiKey' in none.input).toBe(false);
    const typed = saveInput({ ...formFrom(saved), apiKey: '  sk-abc  ' });
    expect(typed.ok && typed.input.apiKey).toBe('sk-abc');
    const removed = saveInput({ ...formFrom(saved), removeKey: true });
    expect(removed.ok && removed.input.apiKey).toBeNull();
  });

  it('names the fields to correct, in words a person can act on', () => {
    const bad = saveInput({ ...formFrom(saved), baseUrl: 'not a url', maxTokens: '', concurrency: 40, timeoutS: 0, budget: 10, triageModel: 'x'.repeat(201) });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.baseUrl).toMatch(/full URL/);
    expect(bad.errors.maxTokens).toBe('Give a number.');
    expect(bad.errors.concurrency).toBe('Between 1 and 16 calls at once.');
    expect(bad.errors.timeoutS).toBe('Between 1 and 600 seconds.');
    expect(bad.errors.budget).toMatch(/No limit/);
    expect(bad.errors.triageModel).toBeDefined();
  });

  it('ignores the budget figure while No limit is chosen', () => {
    const result = saveInput({ ...formFrom(saved), noLimit: true, budget: '' });
    expect(result.ok && result.input.monthlyTokenBudget).toBeNull();
  });
});

describe('dirty state', () => {
  it('is clean as loaded, dirty after an edit, clean again when the edit is undone', () => {
    const form = formFrom(saved);
    expect(isDirty(form, saved)).toBe(false);
    expect(isDirty({ ...form, model: 'mistral' }, saved)).toBe(true);
    expect(isDirty({ ...form, model: 'mistral ' }, { ...saved, model: 'mistral' })).toBe(false);
    expect(isDirty({ ...form, timeoutS: '60' }, saved)).toBe(false);
  });

  it('counts a typed key or a pending removal as a change', () => {
    expect(isDirty({ ...formFrom(saved), apiKey: 'sk-1' }, saved)).toBe(true);
    expect(isDirty({ ...formFrom(saved), apiKey: '   ' }, saved)).toBe(false);
    expect(isDirty({ ...formFrom(saved), removeKey: true }, saved)).toBe(true);
  });
});
