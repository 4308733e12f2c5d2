/** Small display helpers for the inbox; pure, so they behave the same in every screen. */

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** How long ago, as support agents say it: "now", "5m", "3h", "2d", "4mo", "1y". */
export function ageLabel(then: number, now: number): string {
  const elapsed = Math.max(0, now - then);
  if (elapsed < minute) return 'now';
  if (elapsed < hour) return `${Math.floor(elapsed / minute)}m`;
  if (elapsed < day) return `${Math.floor(elapsed / hour)}h`;
  if (elapsed < 60 * day) return `${Math.floor(elapsed / day)}d`;
  if (elapsed < 365 * day) return `${Math.floor(elapsed / (30 * day))}mo`;
  return `${Math.floor(elapsed / (365 * day))}y`;
}

const countFormat = new Intl.NumberFormat();

export function countLabel(count: number, singular: string, plural = `${singular}s`): string {
  return `${countFormat.format(count)} ${count === 1 ? singular : plural}`;
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function dateTimeLabel(at: number): string {
  return dateTimeFormat.format(at);
}
