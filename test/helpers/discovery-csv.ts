import { writeFileSync } from 'node:fs';

/**
 * Support queries in three intents that no shipped topic covers and the demo inbox (a
 * smart-home shop) does not talk about: a sprinkler timer, a pool pump, descaling an
 * espresso machine; plus a few refund questions that the default taxonomy tags. Each row has an external id `<intent>-<n>`, so a test can tell which
 * intent a proposal's items came from.
 */
export const discoveryIntents = ['sprinkler', 'pool', 'espresso'] as const;
export type DiscoveryIntent = (typeof discoveryIntents)[number] | 'refund';

const openings = ['Hi,', '', 'Hello,', ''];

const bodies: Record<DiscoveryIntent, string[]> = {
  sprinkler: [
    'my sprinkler timer skips the morning watering',
    'the sprinkler timer clears its watering schedule every night',
    'the sprinkler timer will not save the watering schedule',
    'how do I set two watering zones on the sprinkler timer',
    'sprinkler timer shows the wrong watering time after the power cut',
    'the sprinkler timer waters the lawn twice a day',
    'can the sprinkler timer skip watering when it rains',
    'the sprinkler timer display is blank and no watering happens',
    'sprinkler timer zone three never starts watering',
    'my sprinkler timer dropped every watering program',
    'the watering schedule on my sprinkler timer is off by an hour',
    'sprinkler timer starts watering at midnight instead of dawn',
  ],
  pool: [
    'the pool pump hums but nothing circulates',
    'my pool pump stops after ten minutes',
    'pool pump makes a grinding noise at night',
    'how often should I clean the pool pump basket',
    'the pool pump will not prime after winter',
    'pool pump leaks at the lid',
    'can the pool pump run on a schedule',
    'the pool pump pressure gauge reads zero',
    'pool pump motor gets very hot',
    'air bubbles in the pool pump basket',
    'the pool pump trips the outdoor socket',
    'pool pump flow is weak since the new filter',
  ],
  espresso: [
    'the espresso machine asks for descaling every day',
    'how do I descale the espresso machine',
    'espresso machine descaling light stays on after descaling',
    'my espresso machine is dripping during descaling',
    'which descaling liquid suits the espresso machine',
    'the espresso machine stopped mid descaling',
    'espresso machine descaling takes over an hour',
    'after descaling the espresso machine tastes of vinegar',
    'espresso machine descaling program will not start',
    'the espresso machine steam wand is blocked with scale',
    'descaling reminder on the espresso machine keeps coming back',
    'espresso machine makes no coffee after descaling',
  ],
  refund: [
    'I want a refund for my order',
    'where is my refund? it has been two weeks',
    'please refund the duplicate payment',
    'the refund never arrived on my card',
    'can I get a refund for the broken item',
    'refund status please',
  ],
};

const subjects: Record<DiscoveryIntent, string> = {
  sprinkler: 'Sprinkler timer',
  pool: 'Pool pump',
  espresso: 'Espresso machine descaling',
  refund: 'Refund',
};

const products: Record<DiscoveryIntent, string> = {
  sprinkler: 'Garden Kit',
  pool: 'Pool Kit',
  espresso: 'Kitchen Kit',
  refund: 'Web Shop',
};

/** The products the rows carry: a filter on them selects exactly this file's items. */
export const discoveryProducts = [...new Set(Object.values(products))];

export interface DiscoveryRow {
  externalId: string;
  intent: DiscoveryIntent;
  subject: string;
  product: string;
}

/** The intent of an item, from the subject each intent's rows carry. */
export function intentOfSubject(subject: string | null): DiscoveryIntent | undefined {
  return (Object.keys(subjects) as DiscoveryIntent[]).find((intent) => subjects[intent] === subject);
}

/** Writes the CSV (id, customer, email, date, product, subject, message) and returns its rows. */
export function writeDiscoveryCsv(file: string): DiscoveryRow[] {
  const lines = ['id,customer,email,date,product,subject,message'];
  const rows: DiscoveryRow[] = [];
  let n = 0;
  for (const intent of [...discoveryIntents, 'refund'] as const) {
    bodies[intent].forEach((body, i) => {
      n++;
      const externalId = `${intent}-${i + 1}`;
      const text = [openings[n % openings.length], body].filter(Boolean).join(' ');
      const day = String(1 + (n % 27)).padStart(2, '0');
      lines.push(`${externalId},Customer ${n},customer${n}@example.com,2026-03-${day} 10:${String(n % 60).padStart(2, '0')},${products[intent]},${subjects[intent]},"${text}"`);
      rows.push({ externalId, intent, subject: subjects[intent], product: products[intent] });
    });
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return rows;
}
