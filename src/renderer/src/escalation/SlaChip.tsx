/** An SLA state as a small chip: red when breached, orange when due soon, grey when paused. */
import type { SlaSummary } from '../../../shared/escalation/schema';
import { slaChip, rowSlaChip } from './model/wording';
import classes from './escalation.module.css';

export function SlaChip({ sla, now, variant = 'short', onlyUrgent = false }: { sla: SlaSummary | null; now: number; variant?: 'short' | 'long'; onlyUrgent?: boolean }) {
  const chip = onlyUrgent ? rowSlaChip(sla, now) : slaChip(sla, now);
  if (!chip) return null;
  return (
    <span className={classes.sla} data-tone={chip.tone} role="img" aria-label={chip.aria} title={chip.aria} data-testid="sla-chip" data-sla={chip.tone}>
      {variant === 'short' ? chip.short : chip.long}
    </span>
  );
}
