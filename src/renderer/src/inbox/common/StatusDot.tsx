import { statusLabels, type Status } from '../../../../shared/domain';
import { statusColors } from '../model/labels';

/** A status as a small coloured dot with its name: readable without the colour. */
export function StatusLabel({ status, className }: { status: Status; className?: string }) {
  return (
    <span className={className} style={{ display: 'inline-flex', alignItems: 'center', gap: 5, whiteSpace: 'nowrap' }}>
      <span
        aria-hidden
        style={{
          width: 7,
          height: 7,
          borderRadius: 7,
          flexShrink: 0,
          // Open is a ring, so it never reads as the unread dot beside it.
          background: status === 'open' ? 'transparent' : `var(--mantine-color-${statusColors[status]}-filled)`,
          border: `1.5px solid var(--mantine-color-${statusColors[status]}-filled)`,
          boxSizing: 'border-box',
        }}
      />
      {statusLabels[status]}
    </span>
  );
}
