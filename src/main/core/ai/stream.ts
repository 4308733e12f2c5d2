/**
 * Reading a streamed chat completion from servers that each stream a little differently:
 * Azure's first chunk has empty `choices` (prompt filter results); LM Studio and others
 * send no usage, or usage on every chunk (cumulative, so the last or largest counts, never
 * the sum); `delta.content` may be null, absent or (older servers) `text`; `finish_reason`
 * may come on any chunk. Anything that is not what we expect is skipped, not thrown.
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const count = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.round(v) : null);

export interface StreamUsage {
  promptTokens: number;
  completionTokens: number;
}

export class StreamAccumulator {
  private readonly pieces: string[] = [];
  private usageSeen: StreamUsage | null = null;
  /** How many chunks carried usage, and whether any of them also carried text. */
  usageChunks = 0;
  usageWithContent = false;
  contentChunks = 0;
  finishReason: string | null = null;

  /** Takes one parsed chunk; returns the text it adds ('' when none). */
  push(chunk: unknown): string {
    if (!isObject(chunk)) return '';
    const piece = this.contentOf(chunk);
    if (piece !== '') {
      this.pieces.push(piece);
      this.contentChunks++;
    }
    const usage = isObject(chunk.usage) ? chunk.usage : null;
    if (usage) {
      const prompt = count(usage.prompt_tokens);
      const completion = count(usage.completion_tokens);
      if (prompt !== null || completion !== null) {
        this.usageChunks++;
        if (piece !== '') this.usageWithContent = true;
        this.usageSeen = {
          promptTokens: Math.max(this.usageSeen?.promptTokens ?? 0, prompt ?? 0),
          completionTokens: Math.max(this.usageSeen?.completionTokens ?? 0, completion ?? 0),
        };
      }
    }
    return piece;
  }

  private contentOf(chunk: Json): string {
    const choices = Array.isArray(chunk.choices) ? chunk.choices : [];
    // n = 1: the first choice is the answer (some servers omit `index`).
    const choice: unknown = choices.find((c) => isObject(c) && (c.index === 0 || c.index === undefined)) ?? choices[0];
    if (!isObject(choice)) return '';
    if (typeof choice.finish_reason === 'string') this.finishReason = choice.finish_reason;
    const delta = isObject(choice.delta) ? choice.delta : null;
    if (delta && typeof delta.content === 'string') return delta.content;
    if (typeof choice.text === 'string') return choice.text;
    return '';
  }

  get text(): string {
    return this.pieces.join('');
  }

  /** The server's own count, or null when it sent none. */
  get usage(): StreamUsage | null {
    return this.usageSeen;
  }

  /** How the server reports usage in a stream, as the connection test shows it. */
  get usageStyle(): 'final-chunk' | 'every-chunk' | 'missing' {
    if (this.usageChunks === 0) return 'missing';
    return this.usageWithContent || this.usageChunks > 1 ? 'every-chunk' : 'final-chunk';
  }
}
