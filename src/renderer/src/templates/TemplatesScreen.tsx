/** The template library (saved replies). Placeholder until the editor lands. */
export function TemplatesScreen() {
  return <section aria-label="Templates" data-testid="templates-screen" />;
}
