/** The support domain's vocabulary, shared by every layer. */
export const channels = ['email', 'chat', 'survey', 'review', 'social'] as const;
export type Channel = (typeof channels)[number];

/** Where an item is in its life. Unread is a separate flag, as in a mail client. */
export const statuses = ['open', 'pending', 'replied', 'resolved', 'closed'] as const;
export type Status = (typeof statuses)[number];

export const sentiments = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof sentiments)[number];

export const customerTiers = ['standard', 'premium', 'vip'] as const;
export type CustomerTier = (typeof customerTiers)[number];

export const messageDirections = ['in', 'out', 'note'] as const;
export type MessageDirection = (typeof messageDirections)[number];

/** Who set a tag or a label: a person always wins over a model. */
export const tagSources = ['human', 'local', 'llm', 'import'] as const;
export type TagSource = (typeof tagSources)[number];

export const channelLabels: Record<Channel, string> = {
  email: 'E-mail',
  chat: 'Chat',
  survey: 'Survey',
  review: 'Review',
  social: 'Social',
};

export const statusLabels: Record<Status, string> = {
  open: 'Open',
  pending: 'Pending',
  replied: 'Replied',
  resolved: 'Resolved',
  closed: 'Closed',
};
