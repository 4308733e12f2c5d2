/** AI & privacy: the LLM endpoint, its queue, and what left this machine. */
export function AiScreen() {
  return <div data-testid="ai-screen" />;
}
