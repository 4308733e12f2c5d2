/**
 * How a figure moved against its comparison. Whether a move is good depends on the figure
 * (fewer escalations are better, a higher SLA attainment is better, volume is neither), and
 * the chip says it with an arrow and a sign as well as a colour.
 */
import { formatDuration } from './format';

/** Which way is better for a figure. */
export type Better = 'higher' | 'lower' | 'neither';
export type ChangeTone = 'better' | 'worse' | 'neutral';

export interface Change {
  direction: 'up' | 'down' | 'flat';
  tone: ChangeTone;
  /** "+12%", "−2.1 pts", "+3h", "new", "no change". */
  text: string;
  /** Read aloud and in the tooltip: "up 12% on the comparison, which is worse". */
  description: string;
}

/** How a change is measured: relative for counts, points for shares, time for durations. */
export type ChangeKind = 'relative' | 'points' | 'duration';

const minus = '\u2212';

function signed(value: number, text: string): string {
  return `${value > 0 ? '+' : value < 0 ? minus : ''}${text}`;
}

function toneOf(direction: Change['direction'], better: Better): ChangeTone {
  if (direction === 'flat' || better === 'neither') return 'neutral';
  return (direction === 'up') === (better === 'higher') ? 'better' : 'worse';
}

function describe(direction: Change['direction'], text: string, tone: ChangeTone): string {
  if (direction === 'flat') return 'no change on the comparison';
  const verb = direction === 'up' ? 'up' : 'down';
  const unsigned = text.replace(/^[+\u2212]/, '');
  return `${verb} ${unsigned} on the comparison${tone === 'neutral' ? '' : `, which is ${tone}`}`;
}

/** The change from `previous` to `current`; null when either side has no figure. */
export function changeOf(current: number | null, previous: number | null, kind: ChangeKind, better: Better): Change | null {
  if (current === null || previous === null) return null;
  let direction: Change['direction'];
  let text: string;
  if (kind === 'points') {
    const pts = Math.round((current - previous) * 1000) / 10;
    direction = pts > 0 ? 'up' : pts < 0 ? 'down' : 'flat';
    text = direction === 'flat' ? 'no change' : signed(pts, `${Math.abs(pts).toFixed(1)} pts`);
  } else if (kind === 'duration') {
    const diff = current - previous;
    const shown = formatDuration(Math.abs(diff));
    direction = shown === '0s' ? 'flat' : diff > 0 ? 'up' : 'down';
    text = direction === 'flat' ? 'no change' : signed(diff, shown);
  } else if (previous === 0) {
    direction = current > 0 ? 'up' : 'flat';
    text = current > 0 ? 'new' : 'no change';
  } else {
    const pct = Math.round(((current - previous) / previous) * 100);
    direction = pct > 0 ? 'up' : pct < 0 ? 'down' : 'flat';
    text = direction === 'flat' ? 'no change' : signed(pct, `${Math.abs(pct)}%`);
  }
  const tone = toneOf(direction, better);
  return { direction, tone, text, description: describe(direction, text, tone) };
}
