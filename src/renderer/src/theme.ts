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
 * Mantine's dimmed grey is 3.3:1 on white, below WCAG AA for the small text the inbox is
 * full of; these shades keep secondary text calm but readable (about 7:1 in both schemes).
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057' },
  dark: { '--mantine-color-dimmed': t.colors.dark[1] ?? '#b8b8b8' },
});
