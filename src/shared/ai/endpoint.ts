/**
 * What the configured endpoint means for a call: which host it reaches, whether that host is
 * this machine (so redaction can be off by default), which model a purpose uses, and whether
 * there is enough configured to call at all. Pure, so the window shows the same answers the
 * core acts on.
 */
import type { AiPurpose, AiSettings, RedactMode } from './schema';

function parse(url: string): URL | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

/** The host (with its port, when one is given) a URL reaches; null for anything not http(s). */
export function hostOf(url: string): string | null {
  const parsed = parse(url);
  return parsed ? parsed.host : null;
}

function isLoopbackIpv4(host: string): boolean {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return false;
  return parts[0] === '127';
}

/**
 * Whether a URL stays on this machine: 127.0.0.0/8, ::1 (also as ::ffff:127.x.y.z) and
 * `localhost`. 0.0.0.0 is not: as a destination it is undefined, and a server bound to it is
 * reachable from the network. A LAN address is another machine.
 */
export function isLoopbackUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost') return true;
  if (isLoopbackIpv4(host)) return true;
  if (host.startsWith('[') && host.endsWith(']')) {
    const v6 = host.slice(1, -1);
    if (v6 === '::1') return true;
    // URL writes ::ffff:127.0.0.1 as ::ffff:7f00:1; the mapped IPv4 is loopback when its first byte is 0x7f.
    const mapped = /^::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}$/.exec(v6);
    if (mapped?.[1]) return parseInt(mapped[1], 16) >> 8 === 0x7f;
  }
  return false;
}

/** Whether calls to this endpoint are redacted: `auto` redacts everything that leaves the machine. */
export function redactsFor(mode: RedactMode, baseUrl: string): boolean {
  if (mode === 'on') return true;
  if (mode === 'off') return false;
  return !isLoopbackUrl(baseUrl);
}

/** The model a purpose uses: its own choice, or the default. */
export function modelFor(settings: Pick<AiSettings, 'model' | 'purposeModels'>, purpose: AiPurpose): string {
  const own = settings.purposeModels[purpose].trim();
  return own !== '' ? own : settings.model.trim();
}

export interface Readiness {
  ready: boolean;
  /** What to do before the AI can run; null when ready. */
  problem: string | null;
}

/** Whether a call can be made at all, and if not, what to do about it. */
export function readiness(settings: Pick<AiSettings, 'enabled' | 'baseUrl' | 'model' | 'provider'>): Readiness {
  if (!settings.enabled) return { ready: false, problem: 'The AI is off. Turn it on in Settings > AI.' };
  if (settings.baseUrl.trim() === '') return { ready: false, problem: 'No endpoint yet. Choose a provider or give a base URL in Settings > AI.' };
  if (!parse(settings.baseUrl)) return { ready: false, problem: 'The base URL is not an http(s) URL. Correct it in Settings > AI.' };
  if (isAzure(settings) && /YOUR-RESOURCE/i.test(settings.baseUrl)) {
    return { ready: false, problem: 'Put your Azure resource name into the base URL in Settings > AI.' };
  }
  if (settings.model.trim() === '') {
    const what = isAzure(settings) && azureMode(settings.baseUrl) === 'deployment' ? 'a deployment name' : 'a model';
    return { ready: false, problem: `No model chosen. Give ${what} in Settings > AI (Test connection lists what the server has).` };
  }
  return { ready: true, problem: null };
}

export function isAzure(settings: Pick<AiSettings, 'provider'>): boolean {
  return settings.provider === 'azure';
}

/**
 * Azure's two APIs: a base URL ending in /openai/v1 is the v1 API, which takes the plain
 * OpenAI client and a model name; anything else is the classic deployment URL with an
 * api-version.
 */
export function azureMode(baseUrl: string): 'v1' | 'deployment' {
  const parsed = parse(baseUrl);
  const path = (parsed ? parsed.pathname : baseUrl).replace(/\/+$/, '').toLowerCase();
  return path.endsWith('/openai/v1') ? 'v1' : 'deployment';
}
