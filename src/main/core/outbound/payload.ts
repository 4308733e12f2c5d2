import type { FeedbackDetail } from '../../../shared/contract';
import type { Escalation } from '../../../shared/escalation/schema';

/**
 * The escalation webhook's body. Versioned, so a receiver can tell shapes apart. It carries
 * what the receiving team needs to act (the handoff packet included) and nothing else:
 * no keys, no other customers, no analysis internals.
 */
export interface EscalationPayload {
  type: 'hearken.escalation.created';
  version: 1;
  escalation: { id: string; target: string; reason: string; priority: string; note: string | null; rules: string[]; createdAt: string };
  conversation: {
    id: string;
    subject: string | null;
    channel: string;
    product: string | null;
    language: string | null;
    status: string;
    sentiment: string | null;
    tags: string[];
    receivedAt: string;
    customer: { name: string; tier: string; email: string | null } | null;
  };
  handoff: { format: 'markdown'; text: string };
}

export function escalationPayload(escalation: Escalation, item: FeedbackDetail, handoffMarkdown: string): EscalationPayload {
  return {
    type: 'hearken.escalation.created',
    version: 1,
    escalation: {
      id: escalation.id,
      target: escalation.targetName,
      reason: escalation.reason,
      priority: escalation.priority,
      note: escalation.note,
      rules: escalation.rules,
      createdAt: new Date(escalation.createdAt).toISOString(),
    },
    conversation: {
      id: item.id,
      subject: item.subject,
      channel: item.channel,
      product: item.product,
      language: item.language,
      status: item.status,
      sentiment: item.sentiment,
      tags: item.tags.map((t) => t.name),
      receivedAt: new Date(item.receivedAt).toISOString(),
      customer: item.customer ? { name: item.customer.name, tier: item.customer.tier, email: item.customer.email } : null,
    },
    handoff: { format: 'markdown', text: handoffMarkdown },
  };
}
