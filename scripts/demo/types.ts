/**
 * The vocabulary of the demo data: "Lumo", the fictional company, and its products; the reply
 * categories; and the shapes of the language kits, scenarios and scripted repeat contacts.
 */
import type { Channel, CustomerTier, MessageDirection, Sentiment, Status } from '../../src/shared/domain';
import type { Rng } from '../../src/shared/synthetic/rng';

export type Lang = 'en' | 'de' | 'fr' | 'es' | 'pt';

export const PRODUCTS = ['Lumo Hub', 'Lumo Cam', 'Lumo Doorbell', 'Lumo App', 'Lumo Cloud'] as const;
export type Product = (typeof PRODUCTS)[number];

export const HUB: Product = 'Lumo Hub';
export const CAM: Product = 'Lumo Cam';
export const BELL: Product = 'Lumo Doorbell';
export const APP: Product = 'Lumo App';
export const CLOUD: Product = 'Lumo Cloud';
export const HARDWARE: Product[] = [CAM, BELL, HUB];
export const ANY_PRODUCT: Product[] = [...PRODUCTS];

/** What an English speaker calls each product ("the best {kind} I've owned"). */
export const KIND_EN: Record<Product, string> = {
  'Lumo Hub': 'smart home hub',
  'Lumo Cam': 'camera',
  'Lumo Doorbell': 'doorbell',
  'Lumo App': 'app',
  'Lumo Cloud': 'cloud plan',
};

/** How agents reply; selects the reply, follow-up and note templates. */
export type ReplyCat =
  | 'billing'
  | 'cancel'
  | 'device'
  | 'app'
  | 'login'
  | 'delivery'
  | 'order'
  | 'info'
  | 'feedback'
  | 'support';

export type AgentKind = 'ask' | 'answer' | 'resolve';
export type InfoGroup = 'billing' | 'device' | 'app' | 'delivery' | 'other';

export const INFO_GROUP: Record<ReplyCat, InfoGroup> = {
  billing: 'billing',
  cancel: 'other',
  device: 'device',
  app: 'app',
  login: 'other',
  delivery: 'delivery',
  order: 'other',
  info: 'other',
  feedback: 'other',
  support: 'other',
};

export type Replies = Record<ReplyCat, Record<AgentKind, string[]>>;

export interface LangKit {
  /** Customer e-mail openers; '' means none. */
  greet: string[];
  signNegative: string[];
  signPositive: string[];
  chatHello: string[];
  agents: string[];
  agentGreet: string[];
  agentSign: string[];
  replies: Replies;
  thanks: string[];
  custInfo: Record<InfoGroup, string[]>;
  custThanks: string[];
  custStill: string[];
  firstNames: string[];
  lastNames: string[];
  amount: string;
  amountUp: string;
  phone: (rng: Rng) => string;
}

// Scenario library. Each scenario is one kind of feedback with a fixed sentiment; its text is
// assembled per language from slots (one alternative picked per slot, '' = leave out).
// `long` feeds e-mails, reviews and longer chats; `short` feeds chats, social posts and surveys.

export interface Variant {
  subj?: string[];
  long?: string[][];
  short?: string[];
  /** Restricts the products for this language (grammar: articles and gender). */
  products?: Product[];
}

export interface Scenario {
  id: string;
  sentiment: Sentiment;
  tags: string[];
  products: Product[];
  channels: Channel[];
  cat: ReplyCat;
  weight?: number;
  text: Partial<Record<Lang, Variant>>;
}

// Angry repeat contacts: written by hand, each one escalating over several weeks.

export interface ScriptedMessage {
  direction: MessageDirection;
  /** Agent name for 'out' and 'note'; the customer for 'in'. */
  author?: string;
  body: string;
  /** Minutes after the previous message of the item. */
  after: number;
}

export interface ScriptedItem {
  /** When the first message arrived: [days, extra minutes] ago. */
  ago: [number, number];
  channel: Channel;
  subject: string | null;
  product: Product;
  status: Status;
  rating: number | null;
  tags: string[];
  first: string;
  thread: ScriptedMessage[];
}

export interface ScriptedCustomer {
  name: string;
  email: string | null;
  tier: CustomerTier;
  language: Lang;
  items: ScriptedItem[];
}
