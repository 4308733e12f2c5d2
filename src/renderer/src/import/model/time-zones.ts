/** IANA time zones for the "dates without a zone are in…" choice, with today's UTC offset. */

export interface TimeZoneOption {
  value: string;
  label: string;
}

export function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function offsetOf(zone: string, at: Date): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    const value = part?.value ?? '';
    return value === 'GMT' || /^GMT[+-]0$/.test(value) ? 'UTC' : value.replace('GMT', 'UTC');
  } catch {
    return '';
  }
}

let cached: TimeZoneOption[] | null = null;

/** Built once, on first use: about 420 zones, each formatted once. */
export function timeZoneOptions(): TimeZoneOption[] {
  if (cached) return cached;
  const now = new Date();
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const all = new Set(['UTC', localTimeZone(), ...zones]);
  cached = [...all].map((zone) => {
    const offset = offsetOf(zone, now);
    const name = zone.replace(/_/g, ' ');
    return { value: zone, label: offset && offset !== name ? `${name} (${offset})` : name };
  });
  return cached;
}
