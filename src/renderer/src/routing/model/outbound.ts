/** The outbound log's words for one webhook call. */
import type { OutboundEntry } from '../../../../shared/escalation/schema';

/** "sent 200", "failed: 503", "failed: connection refused". */
export function outcomeLabel(entry: Pick<OutboundEntry, 'outcome' | 'status' | 'error'>): string {
  if (entry.outcome === 'sent') return entry.status === null ? 'sent' : `sent ${entry.status}`;
  const why = entry.error ?? (entry.status === null ? 'no answer' : `HTTP ${entry.status}`);
  return `failed: ${why}`;
}

export function latencyLabel(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** The payload's size as sent, in bytes of UTF-8. */
export function payloadSize(payload: string): string {
  const bytes = new TextEncoder().encode(payload).length;
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}
