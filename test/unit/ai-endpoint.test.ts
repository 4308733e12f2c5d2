/** The endpoint's meaning: its host, whether it is this machine, redaction by default, the model per purpose, readiness. */
import { describe, expect, it } from 'vitest';
import { azureMode, hostOf, isAzure, isLoopbackUrl, modelFor, readiness, redactsFor } from '../../src/shared/ai/endpoint';
import { defaultAiSettings, providerPresets, type AiSettings } from '../../src/shared/ai/schema';

const settings = (over: Partial<AiSettings> = {}): AiSettings => ({ ...defaultAiSettings, ...over });

describe('hostOf', () => {
  it('gives the host and port of an http(s) URL', () => {
    expect(hostOf('https://api.openai.com/v1')).toBe('api.openai.com');
    expect(hostOf('http://127.0.0.1:11434/v1')).toBe('127.0.0.1:11434');
    expect(hostOf('http://[::1]:8080/v1')).toBe('[::1]:8080');
    expect(hostOf(' https://Example.COM/v1 ')).toBe('example.com');
  });
  it('is null for what is not an http(s) URL', () => {
    expect(hostOf('')).toBeNull();
    expect(hostOf('not a url')).toBeNull();
    expect(hostOf('file:///etc/passwd')).toBeNull();
    expect(hostOf('ftp://example.com')).toBeNull();
  });
});

describe('isLoopbackUrl', () => {
  it.each([
    'http://127.0.0.1:11434/v1',
    'http://127.1.2.3/v1',
    'http://127.255.255.254:1234',
    'http://localhost:1234/v1',
    'http://LOCALHOST./v1',
    'http://[::1]:8080/v1',
    'http://[::ffff:127.0.0.1]:8080/v1',
  ])('%s is this machine', (url) => expect(isLoopbackUrl(url)).toBe(true));

  it.each([
    'http://0.0.0.0:11434/v1',
    'http://192.168.1.20:11434/v1',
    'http://10.0.0.5/v1',
    'http://[::]:8080',
    'http://[::ffff:192.168.0.1]/v1',
    'https://api.openai.com/v1',
    'http://127.0.0.1.example.com/v1',
    'http://localhost.example.com/v1',
    'http://128.0.0.1/v1',
    '',
    'localhost',
  ])('%s is not', (url) => expect(isLoopbackUrl(url)).toBe(false));

  it('agrees with the presets: local servers are loopback, OpenAI and Azure are not', () => {
    expect(isLoopbackUrl(providerPresets.ollama.baseUrl)).toBe(true);
    expect(isLoopbackUrl(providerPresets.lmstudio.baseUrl)).toBe(true);
    expect(isLoopbackUrl(providerPresets.llamacpp.baseUrl)).toBe(true);
    expect(isLoopbackUrl(providerPresets.openai.baseUrl)).toBe(false);
    expect(isLoopbackUrl(providerPresets.azure.baseUrl)).toBe(false);
  });
});

describe('redactsFor', () => {
  it('redacts by default for anything that leaves the machine', () => {
    expect(redactsFor('auto', 'https://api.openai.com/v1')).toBe(true);
    expect(redactsFor('auto', 'http://192.168.1.20:11434/v1')).toBe(true);
    expect(redactsFor('auto', 'http://127.0.0.1:11434/v1')).toBe(false);
    // Unparseable: we cannot tell where it goes, so redact.
    expect(redactsFor('auto', '')).toBe(true);
  });
  it('follows an explicit choice', () => {
    expect(redactsFor('on', 'http://127.0.0.1:11434/v1')).toBe(true);
    expect(redactsFor('off', 'https://api.openai.com/v1')).toBe(false);
  });
});

describe('modelFor', () => {
  it('uses the purpose model, else the default', () => {
    const s = settings({ model: 'llama3.1', purposeModels: { triage: 'qwen2.5:3b', draft: ' ', summary: '' } });
    expect(modelFor(s, 'triage')).toBe('qwen2.5:3b');
    expect(modelFor(s, 'draft')).toBe('llama3.1');
    expect(modelFor(s, 'summary')).toBe('llama3.1');
  });
});

describe('readiness', () => {
  const ok = settings({ enabled: true, baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1' });
  it('is ready when on, with a base URL and a model', () => {
    expect(readiness(ok)).toEqual({ ready: true, problem: null });
  });
  it('says what to do otherwise', () => {
    expect(readiness({ ...ok, enabled: false })).toEqual({ ready: false, problem: expect.stringContaining('Turn it on') });
    expect(readiness({ ...ok, baseUrl: '' }).problem).toContain('base URL');
    expect(readiness({ ...ok, baseUrl: 'ftp://x' }).problem).toContain('not an http(s) URL');
    expect(readiness({ ...ok, model: '' }).problem).toContain('Give a model');
    const azure = { ...ok, provider: 'azure' as const, baseUrl: providerPresets.azure.baseUrl };
    expect(readiness(azure).problem).toContain('Azure resource name');
    expect(readiness({ ...azure, baseUrl: 'https://acme.openai.azure.com', model: '' }).problem).toContain('deployment name');
    expect(readiness({ ...azure, baseUrl: 'https://acme.openai.azure.com/openai/v1', model: '' }).problem).toContain('Give a model');
  });
});

describe('Azure', () => {
  it('knows the provider and the API from the base URL', () => {
    expect(isAzure(settings({ provider: 'azure' }))).toBe(true);
    expect(isAzure(settings({ provider: 'openai' }))).toBe(false);
    expect(azureMode('https://acme.openai.azure.com/openai/v1')).toBe('v1');
    expect(azureMode('https://acme.openai.azure.com/openai/v1/')).toBe('v1');
    expect(azureMode('https://acme.openai.azure.com')).toBe('deployment');
    expect(azureMode('https://acme.openai.azure.com/openai')).toBe('deployment');
    expect(azureMode('https://acme.openai.azure.com/openai/v10')).toBe('deployment');
  });
});
