import { writeFileSync } from 'node:fs';

/**
 * Support queries in three intents no shipped topic covers (a sprinkler timer, a doorbell
 * chime, a thermostat that will not pair), plus a few refund questions that the default
 * taxonomy tags. Each row has an external id `<intent>-<n>`, so a test can tell which
 * intent a proposal's items came from.
 */
export const discoveryIntents = ['sprinkler', 'doorbell', 'thermostat'] as const;
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
  doorbell: [
    'the doorbell chime is too quiet to hear upstairs',
    'my doorbell chime rings twice for one press',
    'doorbell chime makes a buzzing noise',
    'how do I change the doorbell chime melody',
    'the doorbell chime stays silent when someone presses the button',
    'doorbell chime volume knob does nothing',
    'the second doorbell chime in the garage never rings',
    'doorbell chime rings by itself at night',
    'can I pair another doorbell chime with the button',
    'the doorbell chime melody changed on its own',
    'doorbell chime light blinks but no sound',
    'my doorbell chime sounds several seconds after the press',
  ],
  thermostat: [
    'the thermostat will not pair with the hub',
    'thermostat pairing fails at the last step',
    'my thermostat dropped its pairing with the hub again',
    'how do I pair a second thermostat with the hub',
    'thermostat pairing code is rejected by the hub',
    'the hub cannot find the thermostat during pairing',
    'thermostat shows a pairing warning on the screen',
    'after moving the hub the thermostat pairing is gone',
    'thermostat pairing light keeps flashing',
    'the thermostat pairs with the hub but drops off every hour',
    'thermostat pairing works only next to the hub',
    'redo the thermostat pairing with the hub please',
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
  doorbell: 'Doorbell chime',
  thermostat: 'Thermostat pairing',
  refund: 'Refund',
};

const products: Record<DiscoveryIntent, string> = {
  sprinkler: 'Garden',
  doorbell: 'Home',
  thermostat: 'Home',
  refund: 'Shop',
};

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
