import { createTheme, type CSSVariablesResolver } from '@mantine/core';

const sans = "'Inter Variable', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/** Mantine's defaults with a calm indigo and a bundled font: nothing is fetched remotely. */
export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: sans,
  fontFamilyMonospace: "ui-monospace, 'SFMono-Regular', 'Cascadia Mono', Menlo, Consolas, monospace",
  headings: { fontFamily: sans },
  defaultRadius: 'md',
  // Rings show for keyboard focus only, and always do: the app is meant to be used without a mouse.
  focusRing: 'auto',
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

/**
 * Mantine's dimmed grey is 3.3:1 on white, below WCAG AA for the small text the inbox is
 * full of; these shades keep secondary text calm but readable (about 7:1 in both schemes).
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    ...inboxTints.light,
  },
  dark: {
    '--mantine-color-dimmed': t.colors.dark[1] ?? '#b8b8b8',
    ...inboxTints.dark,
  },
});
