import { createTheme } from '@mantine/core';

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
