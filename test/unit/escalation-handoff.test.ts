/** The handoff packet: Markdown for another team, its e-mail subject, and a mailto: link that fits. */
import { describe, expect, it } from 'vitest';
import type { FeedbackDetail } from '../../src/shared/contract';
import { escapeMarkdown, handoffMarkdown, handoffSubject, mailtoUrl, type HandoffInput } from '../../src/shared/escalation/handoff';

const H = 3_600_000;
const T0 = Date.UTC(2026, 0, 13, 9, 12);

function fixture(): FeedbackDetail {
  return {
    id: '01JH0000000000000000000001',
    channel: 'email',
    subject: 'Charged twice for my *annual* plan — I want a refund',
    preview: 'Hi, I was charged twice this month…',
    customer: {
      id: 'c1',
      name: 'Jane Doe',
      tier: 'vip',
      email: 'jane@example.com',
      contactCount: 4,
      earlier: [
        { id: 'e3', subject: 'Still charged', preview: '…', status: 'resolved', sentiment: 'negative', receivedAt: T0 - 2 * 24 * H },
        { id: 'e1', subject: 'Plan question', preview: '…', status: 'closed', sentiment: 'neutral', receivedAt: T0 - 40 * 24 * H },
        { id: 'e2', subject: 'Invoice', preview: '…', status: 'closed', sentiment: null, receivedAt: T0 - 10 * 24 * H },
      ],
    },
    product: 'Acme Cloud',
    language: 'en',
    status: 'open',
    sentiment: 'negative',
    tags: [{ name: 'billing', source: 'local' }],
    escalated: false,
    unread: false,
    messageCount: 5,
    receivedAt: T0,
    priority: 'high',
    sla: { state: 'ok', dueAt: T0 + 8 * H, clock: 'first-response' },
    flag: { targetName: 'Billing', explanation: "VIP + negative + 'refund' → Billing" },
    snippet: null,
    body: 'Hi, I was charged twice this month.',
    rating: null,
    assignee: 'Sam',
    sentimentScore: -0.8,
    sentimentSource: 'local',
    languageReason: 'function-words',
    sentimentCues: [],
    urgency: { level: 'high', reasons: ['refund'] },
    messages: [
      { id: 'm1', direction: 'in', author: null, body: 'Hi, I was charged twice this month.', sentAt: T0 },
      { id: 'm2', direction: 'out', author: 'Sam', body: 'Sorry about that! Looking into it.', sentAt: T0 + H },
      { id: 'm3', direction: 'note', author: 'Sam', body: 'Stripe shows two captures.', sentAt: T0 + 2 * H },
      {
        id: 'm4',
        direction: 'in',
        author: 'Jane Doe',
        body: '# Still nothing\n- day 1\n- day 2\n\n<b>Fix it</b> or my [lawyer](http://x.example) calls. ' + 'Really. '.repeat(100),
        sentAt: T0 + 26 * H,
      },
      { id: 'm5', direction: 'in', author: 'Jane Doe', body: '1. refund\n2. apology', sentAt: T0 + 27 * H },
    ],
    escalation: null,
    flags: [],
    slaClocks: [
      { kind: 'first-response', state: 'met', dueAt: T0 + 8 * H, endedAt: T0 + H, remainingMs: null },
      { kind: 'next-response', state: 'running', dueAt: T0 + 50 * H, endedAt: null, remainingMs: 20 * H },
      { kind: 'resolution', state: 'running', dueAt: T0 + 20 * H, endedAt: null, remainingMs: -2 * H },
    ],
  };
}

function input(over: Partial<HandoffInput> = {}): HandoffInput {
  return {
    item: fixture(),
    target: { name: 'Billing', email: 'billing@example.com' },
    reason: 'Double charge on an annual plan',
    priority: 'high',
    note: 'Customer is on the enterprise plan.\nPlease refund today.',
    flags: [
      {
        ruleId: 'r1',
        ruleName: 'Refund or chargeback from a VIP or premium customer',
        explanation: "VIP + 'refund' → Billing",
        targetId: 't1',
        targetName: 'Billing',
        priority: 'high',
        addTag: null,
        autoEscalate: false,
      },
    ],
    agentName: 'Sam Agent',
    now: T0 + 28 * H,
    ...over,
  };
}

describe('handoffMarkdown', () => {
  it('is the packet the snapshot holds', () => {
    expect(handoffMarkdown(input())).toMatchSnapshot();
  });

  it('shows the sentiment trend oldest first, ending with this item', () => {
    expect(handoffMarkdown(input())).toContain('neutral → unknown → negative → negative (oldest to this one)');
  });

  it('keeps the latest four messages, each at most 600 characters, quoted', () => {
    const md = handoffMarkdown(input());
    expect(md).toContain('## Conversation (latest 4 of 5)');
    expect(md).not.toContain('charged twice this month.\n');
    const longQuote = md.split('\n').filter((l) => l.startsWith('> ') && l.includes('Really.'));
    expect(longQuote.length).toBe(1);
    expect(longQuote[0]!.length).toBeLessThan(700);
    expect(longQuote[0]!.endsWith('…')).toBe(true);
  });

  it('escapes what the customer wrote so it cannot become headings, lists, links or HTML', () => {
    const md = handoffMarkdown(input());
    expect(md).toContain('> \\# Still nothing');
    expect(md).toContain('> \\- day 1');
    expect(md).toContain('> 1\\. refund');
    expect(md).toContain('\\<b\\>Fix it\\</b\\>');
    expect(md).toContain('\\[lawyer\\](http://x.example)');
    expect(md).toContain('Charged twice for my \\*annual\\* plan');
  });

  it('prints times in the zone it is given', () => {
    expect(handoffMarkdown(input({ timeZone: 'Europe/Berlin' }))).toContain('**Received:** 2026-01-13 10:12 CET');
  });

  it('works without a customer, messages, rules or SLA', () => {
    const item = { ...fixture(), customer: null, messages: [], slaClocks: [], sentiment: null, subject: null };
    const md = handoffMarkdown(input({ item, flags: [], note: null, agentName: null }));
    expect(md).toContain('**Customer:** unknown');
    expect(md).toContain('# Escalation to Billing: Hi, I was charged twice this month…');
    expect(md).toContain('> Hi, I was charged twice this month.');
    expect(md).not.toContain('## Rules matched');
    expect(md).not.toContain('## SLA');
    expect(md).not.toContain('## Sentiment');
  });

  it('names the agent who escalated, and leaves out an unset name rather than a dangling "by"', () => {
    expect(handoffMarkdown(input({ agentName: 'Sam Agent' }))).toMatch(/\*\*Escalated:\*\* .* by Sam Agent/);
    for (const agentName of [null, '', '  ']) expect(handoffMarkdown(input({ agentName }))).toMatch(/\*\*Escalated:\*\* [^\n]*UTC\n/);
  });
});

describe('handoffSubject', () => {
  it('names priority, team, subject and customer', () => {
    expect(handoffSubject(input())).toBe('[Escalation · High] Billing: Charged twice for my *annual* plan — I want a refund (Jane Doe, VIP)');
  });

  it('cuts a long subject to 80 characters', () => {
    const item = { ...fixture(), subject: 'word '.repeat(40), customer: { ...fixture().customer!, tier: 'standard' as const } };
    const s = handoffSubject(input({ item, priority: 'urgent' }));
    expect(s.startsWith('[Escalation · Urgent] Billing: word word')).toBe(true);
    expect(s.endsWith('… (Jane Doe)')).toBe(true);
    const title = s.slice('[Escalation · Urgent] Billing: '.length, -' (Jane Doe)'.length);
    expect(title.length).toBeLessThanOrEqual(80);
  });
});

describe('mailtoUrl', () => {
  it('encodes subject and body, line breaks as CRLF', () => {
    expect(mailtoUrl('billing@example.com', 'A & B', 'one\ntwo')).toBe('mailto:billing@example.com?subject=A%20%26%20B&body=one%0D%0Atwo');
  });

  it('cuts a long body, says so, and stays under the limit', () => {
    const body = handoffMarkdown(input()) + 'ü'.repeat(3000);
    const url = mailtoUrl('billing@example.com', handoffSubject(input()), body);
    expect(url.length).toBeLessThanOrEqual(1900);
    expect(url.length).toBeGreaterThan(1500);
    const decoded = decodeURIComponent(url.slice(url.indexOf('&body=') + 6));
    expect(decoded).toContain('The rest is cut');
    expect(decoded.startsWith('# Escalation to Billing')).toBe(true);
  });
});

describe('escapeMarkdown', () => {
  it('leaves plain text alone', () => {
    expect(escapeMarkdown('Order 12 arrived late, 3 days ago. Why?')).toBe('Order 12 arrived late, 3 days ago. Why?');
    expect(escapeMarkdown('a_b *c*\n---')).toBe('a\\_b \\*c\\*\n\\---');
  });
});
