/**
 * The demo inbox file format (resources/demo/inbox.json). Times are stored as minutes
 * before the moment the demo is loaded, so the inbox always looks current.
 */
import { z } from 'zod';
import { channels, customerTiers, messageDirections, sentiments, statuses } from './domain';

export const demoCustomerSchema = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  email: z.string().nullable(),
  tier: z.enum(customerTiers),
  language: z.string().length(2),
});

export const demoMessageSchema = z.object({
  direction: z.enum(messageDirections),
  author: z.string().nullable(),
  body: z.string().min(1),
  minutesAgo: z.number().int().nonnegative(),
});

export const demoItemSchema = z.object({
  externalId: z.string().min(1),
  channel: z.enum(channels),
  customerKey: z.string().min(1),
  subject: z.string().nullable(),
  product: z.string().min(1),
  language: z.string().length(2),
  status: z.enum(statuses),
  /** The label the scenario was written with; local analysis may later revise it. */
  sentiment: z.enum(sentiments),
  rating: z.number().int().min(1).max(5).nullable(),
  tags: z.array(z.string().min(1)),
  /** The first message is the customer's; replies and notes follow in time order. */
  messages: z.array(demoMessageSchema).min(1),
});

export const demoInboxSchema = z.object({
  version: z.literal(1),
  seed: z.number().int(),
  customers: z.array(demoCustomerSchema),
  items: z.array(demoItemSchema),
});

export type DemoInbox = z.infer<typeof demoInboxSchema>;
export type DemoItem = z.infer<typeof demoItemSchema>;
export type DemoCustomer = z.infer<typeof demoCustomerSchema>;
