/** A legend in the order the series mean something (channels, then the comparison), not alphabetical. */
import classes from '../reports.module.css';

export interface LegendEntry {
  label: string;
  /** A Mantine colour ("indigo.6") or any CSS colour. */
  color: string;
  ghost?: boolean;
  dashed?: boolean;
}

export function cssColor(color: string): string {
  const m = /^([a-z]+)\.(\d)$/.exec(color);
  return m ? `var(--mantine-color-${m[1]}-${m[2]})` : color;
}

export function Legend({ entries }: { entries: LegendEntry[] }) {
  return (
    <div className={classes.legend}>
      {entries.map((e) => (
        <span key={e.label}>
          <span
            className={classes.swatch}
            style={e.dashed ? { background: 'transparent', borderTop: `2px dashed ${cssColor(e.color)}`, height: 0, width: 14 } : { background: cssColor(e.color) }}
            aria-hidden
          />
          {e.label}
        </span>
      ))}
    </div>
  );
}
