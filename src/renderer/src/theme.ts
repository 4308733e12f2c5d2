import { createTheme, type CSSVariablesResolver } from '@mantine/core';

const sans = "'Inter Variable', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/** A dialog's sheet; the values per scheme are in `surfaces` below. */
const liftedSheet = {
  '--mantine-color-body': 'var(--hk-sheet-bg)',
  backgroundColor: 'var(--hk-sheet-bg)',
  boxShadow: 'var(--hk-sheet-shadow)',
  outline: '1px solid var(--hk-sheet-border)',
} as const;
const liftedOverlay = { '--overlay-bg': 'var(--hk-overlay-bg)' } as const;
/** Menus, popovers and hover cards already sit a step lighter with an edge in the dark; they get the shadow. */
const liftedFloat = { boxShadow: 'var(--hk-float-shadow)' } as const;

/** Mantine's defaults with a calm indigo and a bundled font: nothing is fetched remotely. */
export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: sans,
  fontFamilyMonospace: "ui-monospace, 'SFMono-Regular', 'Cascadia Mono', Menlo, Consolas, monospace",
  headings: { fontFamily: sans },
  defaultRadius: 'md',
  // Rings show for keyboard focus only, and always do: the app is meant to be used without a mouse.
  focusRing: 'auto',
  components: {
    // A dialog is a raised sheet: in the dark scheme a step lighter than the page, edged and
    // shadowed, over a deeper shade, so it never reads as part of the page behind it. What is
    // inside (sticky headers, fades) takes the sheet's colour through --mantine-color-body.
    Modal: { styles: { content: liftedSheet, overlay: liftedOverlay } },
    Spotlight: { styles: { content: liftedSheet, overlay: liftedOverlay } },
    Drawer: { styles: { content: liftedSheet, overlay: liftedOverlay } },
    Popover: { styles: { dropdown: liftedFloat } },
    HoverCard: { styles: { dropdown: liftedFloat } },
    Menu: { styles: { dropdown: liftedFloat } },
    Combobox: { styles: { dropdown: liftedFloat } },
  },
});

/**
 * Quiet tints for the inbox (the active row, replies, internal notes, search hits). Mantine's
 * dark "light" variants are solid, saturated blocks; an agent looks at these all day.
 */
const inboxTints = {
  light: {
    '--hk-accent-soft': 'rgba(76, 110, 245, 0.09)',
    '--hk-accent-soft-strong': 'rgba(76, 110, 245, 0.16)',
    '--hk-reply-bg': 'rgba(76, 110, 245, 0.06)',
    '--hk-note-bg': 'rgba(250, 176, 5, 0.12)',
    '--hk-mark-bg': 'rgba(250, 176, 5, 0.45)',
  },
  dark: {
    '--hk-accent-soft': 'rgba(116, 143, 252, 0.14)',
    '--hk-accent-soft-strong': 'rgba(116, 143, 252, 0.24)',
    '--hk-reply-bg': 'rgba(116, 143, 252, 0.08)',
    '--hk-note-bg': 'rgba(250, 176, 5, 0.09)',
    '--hk-mark-bg': 'rgba(250, 176, 5, 0.38)',
  },
} as const;

/** Surfaces that float over the page: light keeps Mantine's look, dark lifts them. */
const surfaces = {
  light: {
    '--hk-sheet-bg': '#fff',
    '--hk-sheet-border': 'transparent',
    '--hk-sheet-shadow': 'var(--mantine-shadow-xl)',
    '--hk-overlay-bg': 'rgba(0, 0, 0, 0.6)',
    '--hk-float-shadow': 'var(--mantine-shadow-md)',
  },
  dark: {
    '--hk-sheet-bg': 'var(--mantine-color-dark-6)',
    '--hk-sheet-border': 'var(--mantine-color-dark-4)',
    '--hk-sheet-shadow': '0 24px 64px rgba(0, 0, 0, 0.6), 0 6px 18px rgba(0, 0, 0, 0.45)',
    '--hk-overlay-bg': 'rgba(5, 5, 8, 0.74)',
    '--hk-float-shadow': '0 12px 32px rgba(0, 0, 0, 0.55), 0 2px 8px rgba(0, 0, 0, 0.4)',
  },
} as const;

/**
 * Mantine's dimmed grey is 3.3:1 on white, below WCAG AA for the small text the inbox is
 * full of; these shades keep secondary text calm but readable (about 7:1 in both schemes).
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    ...inboxTints.light,
    ...surfaces.light,
  },
  dark: {
    '--mantine-color-dimmed': t.colors.dark[1] ?? '#b8b8b8',
    ...inboxTints.dark,
    ...surfaces.dark,
  },
});
