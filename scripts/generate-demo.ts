/**
 * Generates the demo inbox that a first run offers to load (resources/demo/inbox.json).
 *
 *   npx tsx scripts/generate-demo.ts
 *
 * The output is fully determined by the seed: a small inline PRNG (mulberry32) combines a
 * library of hand-written, per-language message fragments into ~360 feedback items for
 * "Lumo", a fictional smart-home company. Four angry repeat contacts are scripted by hand.
 * Every name, e-mail address, phone number and order number is fictional.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { demoInboxSchema, type DemoCustomer, type DemoInbox, type DemoItem } from '../src/shared/demo';
import type { Channel, CustomerTier, MessageDirection, Sentiment, Status } from '../src/shared/domain';

export const DEFAULT_SEED = 20250611;

type DemoMessage = DemoItem['messages'][number];

// ---------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------

/** mulberry32: tiny, fast, good enough for shuffling demo data. */
class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return at(items, Math.floor(this.next() * items.length));
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    if (!(total > 0)) throw new Error('weighted(): no positive weights');
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return at(entries, entries.length - 1)[0];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = at(items, i);
      items[i] = at(items, j);
      items[j] = a;
    }
    return items;
  }
}

function at<T>(items: readonly T[], index: number): T {
  const value = items[index];
  if (value === undefined) throw new Error(`index ${index} out of range (length ${items.length})`);
  return value;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

type Vars = Record<string, string>;

function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (_match, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`unknown placeholder {${key}} in "${template}"`);
    return value;
  });
}

const MINUTES_PER_DAY = 24 * 60;
const SPAN_DAYS = 90;

// ---------------------------------------------------------------------------------------------
// The company
// ---------------------------------------------------------------------------------------------

type Lang = 'en' | 'de' | 'fr' | 'es' | 'pt';

const PRODUCTS = ['Lumo Hub', 'Lumo Cam', 'Lumo Doorbell', 'Lumo App', 'Lumo Cloud'] as const;
type Product = (typeof PRODUCTS)[number];

const HUB: Product = 'Lumo Hub';
const CAM: Product = 'Lumo Cam';
const BELL: Product = 'Lumo Doorbell';
const APP: Product = 'Lumo App';
const CLOUD: Product = 'Lumo Cloud';
const HARDWARE: Product[] = [CAM, BELL, HUB];
const ANY_PRODUCT: Product[] = [...PRODUCTS];

/** What an English speaker calls each product ("the best {kind} I've owned"). */
const KIND_EN: Record<Product, string> = {
  'Lumo Hub': 'smart home hub',
  'Lumo Cam': 'camera',
  'Lumo Doorbell': 'doorbell',
  'Lumo App': 'app',
  'Lumo Cloud': 'cloud plan',
};

/** How agents reply; selects the reply, follow-up and note templates. */
type ReplyCat =
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

type AgentKind = 'ask' | 'answer' | 'resolve';
type InfoGroup = 'billing' | 'device' | 'app' | 'delivery' | 'other';

const INFO_GROUP: Record<ReplyCat, InfoGroup> = {
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

type Replies = Record<ReplyCat, Record<AgentKind, string[]>>;

interface LangKit {
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

// ---------------------------------------------------------------------------------------------
// Per-language kits: greetings, agents, reply templates, names
// ---------------------------------------------------------------------------------------------

const EN: LangKit = {
  greet: ['Hi,', 'Hello,', 'Hi there,', 'Hello Lumo team,', 'Dear Lumo Support,', 'Hi support team,', ''],
  signNegative: ['Thanks,', 'Regards,', 'Thanks in advance,', 'Best,', 'Kind regards,', ''],
  signPositive: ['Cheers,', 'Best,', 'Thanks again,', 'All the best,', ''],
  chatHello: ['Hi! ', 'Hello! ', 'Hey. '],
  agents: ['Maya Ortiz', 'Sam Whitaker', 'Priya Raman', 'Tom Ellery', 'Grace Adeyemi'],
  agentGreet: ['Hi {first},', 'Hello {first},'],
  agentSign: ['Best,\n{agent}\nLumo Support', 'Kind regards,\n{agent}\nLumo Support'],
  replies: {
    billing: {
      ask: [
        'Sorry about this. Could you send me the date of the charge and the last four digits of the card, so I can find the payment on our side?',
        "Thanks for flagging this. Can you confirm the email address the subscription is registered under? I can't find it under this one.",
      ],
      answer: [
        "Thanks for your patience. I've checked your account and passed this to our billing team with a note to prioritise it. You'll get an email confirmation within two business days.",
        "I can see the payment on our side. I've raised it with billing and will update you here as soon as I hear back.",
      ],
      resolve: [
        "I've processed the refund today. Depending on your bank it can take 3–5 business days to show on your statement. Sorry for the hassle.",
        "All sorted: the refund has been issued and I've added a free month of Lumo Cloud to your account for the trouble.",
      ],
    },
    cancel: {
      ask: ['Happy to help with that. Could you confirm the email address on the account, so I cancel the right subscription?'],
      answer: [
        'You can cancel any time in the app under Account → Plan → Cancel plan. You keep access until the end of the current billing period, and your account and devices stay as they are.',
      ],
      resolve: [
        "Done — your Lumo Cloud subscription is cancelled and won't renew. You'll keep access to your recordings until the end of the current period.",
      ],
    },
    device: {
      ask: [
        'Sorry for the trouble. Could you send me the serial number (App → Device → Device info) and roughly when this started?',
        'Thanks for the details. Which firmware version does the app show for the device, and has anything changed on your network recently?',
      ],
      answer: [
        "Thanks for the report. This matches a known issue with firmware {fw}; a fix is in testing now. In the meantime, turning off 'Wi-Fi power saving' under Device settings → Network helps in most cases.",
        'Could you try a quick reset? Remove the device from the app, hold the reset button for 10 seconds until the light blinks blue, then add it again. That clears a stuck configuration in most cases.',
      ],
      resolve: [
        'Firmware {fwnext} went out this morning and includes the fix for this. Your device has already updated, so it should behave from now on — just reply here if it happens again.',
        "I've arranged a replacement unit; you'll get a shipping confirmation within a day. No need to send the old one back until the new one has arrived.",
      ],
    },
    app: {
      ask: [
        'Sorry about that. Which app version and phone model are you using? A screenshot or screen recording would really help our developers.',
        'Thanks for letting us know. Could you send us the app diagnostics? Go to Settings → Help → Send diagnostics and reply with the code it shows.',
      ],
      answer: [
        'Thanks for reporting this. Our app team has reproduced it and the fix is planned for the next release. Until then, clearing the app cache (Settings → Storage → Clear cache) usually helps.',
        "We've seen a few reports like this since version {appv}. Updating to the latest version from the store should improve it — if it doesn't, let me know and I'll pass your logs on.",
      ],
      resolve: ['Version {appvnext} is now live in the stores and fixes this. Once you have updated, it should be back to normal.'],
    },
    login: {
      ask: ["Sorry you're locked out. To verify it's you, could you confirm the email address on the account and the model of one of your devices?"],
      answer: [
        'SMS codes are sometimes delayed by carriers. You can switch to an authenticator app, or use one of the backup codes you got when you set up 2-step verification.',
        "Please try the 'Email me a sign-in link' option on the login screen — that skips the SMS code entirely.",
      ],
      resolve: ["I've reset 2-step verification on your account. Log in with your password and you'll be asked to set it up again."],
    },
    delivery: {
      ask: [
        'Sorry about the wait. Could you confirm the delivery address and a phone number the courier can reach you on?',
        'Thanks for getting in touch. Could you send me the order number, so I can check with the courier?',
      ],
      answer: [
        "I've checked with the courier: the parcel was held at their depot and is back on the van. You should have it within two working days.",
        "I've opened a trace with the courier for this order. They usually respond within 24 hours and I'll update you as soon as they do.",
      ],
      resolve: [
        "The courier couldn't locate the parcel, so I've sent a replacement by express delivery and refunded your shipping. Tracking will follow by email.",
      ],
    },
    order: {
      ask: ['Happy to check. Could you confirm the email address you used for the order?'],
      answer: [
        "Your order {order} is packed and ships tomorrow; you'll get tracking by email as soon as it leaves the warehouse.",
        'Order {order} left our warehouse this morning — the tracking link is on its way to your inbox.',
      ],
      resolve: [],
    },
    info: {
      ask: [],
      answer: [
        "Good question! Our help article covers this step by step: https://help.lumo.example.com/articles/{article}. If anything's unclear, just reply here.",
        "Thanks for asking. I've put the details together for you in this article: https://help.lumo.example.com/articles/{article} — let me know if you have any follow-up questions.",
      ],
      resolve: [],
    },
    feedback: {
      ask: [],
      answer: [
        "Thanks for taking the time to write this. I've passed your feedback on to our product team — I can't promise a date, but messages like yours do shape the roadmap.",
        "Thanks for the honest feedback. I've logged it with the product team, so it's seen by the people who make these decisions.",
      ],
      resolve: [],
    },
    support: {
      ask: ["I'm sorry you've had to wait. Could you send me your ticket number or the email address you wrote from, so I can pick this up straight away?"],
      answer: [
        "I'm really sorry about the wait — that's not the experience we want you to have. I've taken over your ticket personally and will update you today.",
        "Apologies for the silence. Your ticket got stuck in the wrong queue; it's with me now and I'm on it.",
      ],
      resolve: ["Sorry again for the delay. I've gone through your original request and everything is sorted now — the details are in your ticket."],
    },
  },
  thanks: [
    'Thank you so much for taking the time to write this! I\'ve shared it with the team — it really made our day.',
    'Thanks a lot for the kind words! Enjoy your {product}, and let us know if you ever need anything.',
  ],
  custInfo: {
    billing: ['It was the card ending 4417, charged on the 3rd.', "The account email is the one I'm writing from."],
    device: ['Serial is {serial}. It started right after the update.', 'Firmware shows {fw}. Nothing has changed on my network.'],
    app: ['iPhone 13, app version {appv}. Screenshot attached.', 'Pixel 7, version {appv}. Diagnostics code is {n4}.'],
    delivery: ['The address is correct. You can reach me on {phone}.', 'Order number is {order}.'],
    other: ["It's the email I'm writing from.", "It's the address I'm writing from — or call me on {phone} if that's easier."],
  },
  custThanks: ['Perfect, thanks!', 'That worked, thank you.', 'Great, all sorted. Thanks for the quick help.'],
  custStill: ["Still not sorted, I'm afraid.", 'Tried that — same problem.', 'No change on my side.'],
  firstNames: [
    'Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'Ethan', 'Sophie', 'Jack', 'Chloe', 'Ryan', 'Hannah', 'Owen',
    'Megan', 'Lucas', 'Daniel', 'Zoe', 'Aaron', 'Isla', 'Nathan', 'Kenji', 'Amara', 'Mateo', 'Fiona', 'Caleb',
    'Leah', 'Jordan', 'Tessa', 'Harriet', 'Callum', 'Nadia', 'Imogen', 'Dev', 'Rosa', 'Theo', 'Maddie', 'Josh',
    'Bethany', 'Ali', 'Wen', 'Connor',
  ],
  lastNames: [
    'Carter', 'Hughes', 'Patel', 'Nguyen', "O'Brien", 'Fletcher', 'Morgan', 'Reyes', 'Walsh', 'Dawson', 'Kim',
    'Sullivan', 'Brennan', 'Foster', 'Ellis', 'Shaw', 'Marsh', 'Holloway', 'Price', 'Okafor', 'Lindqvist', 'Park',
    'Bishop', 'Rowe', 'Garrett', 'Quinn', 'Harper', 'Doyle', 'Sandoval', 'Whitlock',
  ],
  amount: '$9.99',
  amountUp: '$14.99',
  phone: (rng) =>
    rng.chance(0.6)
      ? `+1 (${rng.pick(['206', '312', '415', '512', '617'])}) 555-01${pad(rng.int(0, 99), 2)}`
      : `07700 900${pad(rng.int(0, 999), 3)}`,
};

const DE: LangKit = {
  greet: ['Hallo,', 'Guten Tag,', 'Hallo Lumo-Team,', 'Sehr geehrte Damen und Herren,', 'Hallo zusammen,', ''],
  signNegative: ['Viele Grüße', 'Mit freundlichen Grüßen', 'Danke und Gruß', 'Beste Grüße'],
  signPositive: ['Viele Grüße', 'Liebe Grüße', 'Beste Grüße'],
  chatHello: ['Hallo! ', 'Hi! ', 'Guten Tag! '],
  agents: ['Jonas Keller', 'Lena Hofmann'],
  agentGreet: ['Hallo {full},', 'Guten Tag {full},'],
  agentSign: ['Viele Grüße\n{agent}\nLumo Support', 'Beste Grüße\n{agent}\nLumo Support'],
  replies: {
    billing: {
      ask: ['Das tut mir leid. Können Sie mir das Datum der Abbuchung und die letzten vier Ziffern der Karte schicken? Dann finde ich die Zahlung schneller.'],
      answer: ['Danke für Ihre Geduld. Ich habe Ihr Konto geprüft und den Fall mit Priorität an unsere Buchhaltung weitergegeben. Sie erhalten innerhalb von zwei Werktagen eine Bestätigung per E-Mail.'],
      resolve: ['Ich habe die Erstattung heute veranlasst. Je nach Bank dauert es 3–5 Werktage, bis sie auf Ihrem Konto erscheint. Entschuldigen Sie die Umstände.'],
    },
    cancel: {
      ask: ['Gern. Können Sie mir bitte die E-Mail-Adresse Ihres Kontos bestätigen, damit ich das richtige Abo kündige?'],
      answer: ['Die Kündigung ist jederzeit in der App unter Konto → Tarif möglich. Ihr Zugang bleibt bis zum Ende des Abrechnungszeitraums bestehen.'],
      resolve: ['Erledigt – Ihr Lumo Cloud Abo ist gekündigt und verlängert sich nicht. Bis zum Ende des aktuellen Zeitraums haben Sie weiterhin Zugriff auf Ihre Aufnahmen.'],
    },
    device: {
      ask: ['Das tut mir leid. Können Sie mir die Seriennummer des Geräts (App → Gerät → Geräteinfo) schicken und ungefähr sagen, seit wann das Problem besteht?'],
      answer: ['Danke für die Meldung. Das ist ein bekanntes Problem mit Firmware {fw}, an einer Lösung wird bereits gearbeitet. Bis dahin hilft es meist, unter Geräteeinstellungen → Netzwerk den WLAN-Energiesparmodus zu deaktivieren.'],
      resolve: [
        'Heute Morgen wurde Firmware {fwnext} mit der Fehlerbehebung verteilt. Ihr Gerät ist bereits aktualisiert – melden Sie sich gern, falls es noch einmal auftritt.',
        'Ich habe ein Ersatzgerät für Sie veranlasst. Die Versandbestätigung kommt innerhalb eines Tages.',
      ],
    },
    app: {
      ask: ['Das tut mir leid. Welche App-Version und welches Handy nutzen Sie? Ein Screenshot wäre für unsere Entwickler sehr hilfreich.'],
      answer: ['Danke für den Hinweis. Unser App-Team konnte den Fehler nachstellen, die Korrektur kommt mit dem nächsten Update. Bis dahin hilft meist, den App-Cache zu leeren (Einstellungen → Speicher → Cache leeren).'],
      resolve: ['Version {appvnext} ist jetzt in den Stores verfügbar und behebt das Problem. Nach dem Update sollte alles wieder normal laufen.'],
    },
    login: {
      ask: ['Um sicherzugehen, dass Sie es sind: Können Sie mir die E-Mail-Adresse des Kontos und das Modell eines Ihrer Geräte nennen?'],
      answer: ['SMS-Codes kommen manchmal verzögert an. Sie können alternativ eine Authenticator-App oder einen Ihrer Backup-Codes verwenden.'],
      resolve: ['Ich habe die Zwei-Faktor-Authentifizierung für Ihr Konto zurückgesetzt. Melden Sie sich mit Ihrem Passwort an und richten Sie sie anschließend neu ein.'],
    },
    delivery: {
      ask: ['Entschuldigen Sie die Wartezeit. Können Sie mir die Lieferadresse und eine Telefonnummer für den Zusteller bestätigen?'],
      answer: ['Ich habe beim Versanddienstleister nachgefragt: Das Paket lag im Depot und ist jetzt wieder unterwegs. Es sollte innerhalb von zwei Werktagen bei Ihnen sein.'],
      resolve: ['Der Versanddienstleister konnte das Paket nicht finden. Ich habe Ihnen deshalb per Express Ersatz geschickt und die Versandkosten erstattet.'],
    },
    order: {
      ask: ['Gern sehe ich nach. Mit welcher E-Mail-Adresse haben Sie bestellt?'],
      answer: ['Ihre Bestellung {order} ist gepackt und wird morgen verschickt. Die Sendungsnummer bekommen Sie per E-Mail, sobald das Paket unser Lager verlässt.'],
      resolve: [],
    },
    info: {
      ask: [],
      answer: ['Gute Frage! In diesem Hilfeartikel ist alles Schritt für Schritt erklärt: https://help.lumo.example.com/de/articles/{article}. Bei Fragen antworten Sie einfach auf diese Nachricht.'],
      resolve: [],
    },
    feedback: {
      ask: [],
      answer: ['Danke, dass Sie sich die Zeit genommen haben. Ich habe Ihr Feedback an unser Produktteam weitergegeben.'],
      resolve: [],
    },
    support: {
      ask: ['Entschuldigen Sie die lange Wartezeit. Können Sie mir Ihre Ticketnummer oder die E-Mail-Adresse nennen, von der Sie geschrieben haben?'],
      answer: ['Es tut mir wirklich leid, dass Sie so lange warten mussten. Ich habe Ihr Ticket persönlich übernommen und melde mich heute noch bei Ihnen.'],
      resolve: ['Nochmals Entschuldigung für die Verzögerung. Ich habe Ihr ursprüngliches Anliegen bearbeitet, es ist jetzt erledigt.'],
    },
  },
  thanks: ['Vielen Dank für die netten Worte! Ich habe das ans Team weitergegeben – darüber freuen wir uns sehr.'],
  custInfo: {
    billing: ['Es war die Karte mit der Endung 4417, abgebucht am 3.'],
    device: ['Die Seriennummer ist {serial}. Angefangen hat es direkt nach dem Update.'],
    app: ['Samsung Galaxy S22, App-Version {appv}.'],
    delivery: ['Die Adresse stimmt. Telefonisch bin ich unter {phone} erreichbar.'],
    other: ['Es ist die Adresse, von der ich schreibe.'],
  },
  custThanks: ['Super, danke!', 'Hat funktioniert, vielen Dank.', 'Perfekt, danke für die schnelle Hilfe.'],
  custStill: ['Leider immer noch nicht gelöst.', 'Habe ich probiert – gleiches Problem.', 'Keine Veränderung bei mir.'],
  firstNames: [
    'Lukas', 'Anna', 'Felix', 'Laura', 'Jan', 'Katharina', 'Tobias', 'Julia', 'Stefan', 'Miriam', 'Florian',
    'Sabine', 'Matthias', 'Lea', 'Andreas', 'Nina', 'Sebastian', 'Claudia', 'Timo', 'Franziska',
  ],
  lastNames: [
    'Schneider', 'Fischer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf',
    'Neumann', 'Schwarz', 'Zimmermann', 'Krüger', 'Hartmann', 'Lange', 'Werner', 'Krause', 'Meier', 'Lehmann',
  ],
  amount: '9,99 €',
  amountUp: '14,99 €',
  phone: (rng) => `+49 151 0000 ${pad(rng.int(0, 9999), 4)}`,
};

const FR: LangKit = {
  greet: ['Bonjour,', "Bonjour à l'équipe Lumo,", 'Madame, Monsieur,', 'Bonjour,', ''],
  signNegative: ['Cordialement,', 'Bien cordialement,', "Merci d'avance,", 'Bonne journée,'],
  signPositive: ['Bonne journée,', 'Bien à vous,', 'Merci encore,'],
  chatHello: ['Bonjour ! ', 'Salut ! '],
  agents: ['Camille Roux', 'Hugo Lefèvre'],
  agentGreet: ['Bonjour {first},', 'Bonjour,'],
  agentSign: ['Bien cordialement,\n{agent}\nSupport Lumo', 'Belle journée,\n{agent}\nSupport Lumo'],
  replies: {
    billing: {
      ask: ['Toutes nos excuses pour ce désagrément. Pouvez-vous m’indiquer la date du prélèvement et les quatre derniers chiffres de la carte, pour que je retrouve le paiement ?'],
      answer: ['Merci pour votre patience. J’ai vérifié votre compte et transmis votre dossier en priorité à notre service facturation. Vous recevrez une confirmation par e-mail sous deux jours ouvrés.'],
      resolve: ['J’ai effectué le remboursement aujourd’hui. Selon votre banque, il peut falloir 3 à 5 jours ouvrés pour qu’il apparaisse sur votre relevé. Toutes nos excuses pour le dérangement.'],
    },
    cancel: {
      ask: ['Avec plaisir. Pouvez-vous me confirmer l’adresse e-mail du compte, pour que je résilie le bon abonnement ?'],
      answer: ['Vous pouvez résilier à tout moment dans l’application, rubrique Compte → Offre. Vous gardez l’accès jusqu’à la fin de la période en cours.'],
      resolve: ['C’est fait : votre abonnement Lumo Cloud est résilié et ne sera pas renouvelé. Vous gardez l’accès à vos enregistrements jusqu’à la fin de la période en cours.'],
    },
    device: {
      ask: ['Toutes nos excuses pour ce souci. Pouvez-vous m’envoyer le numéro de série de l’appareil (Appli → Appareil → Infos) et me dire depuis quand le problème se produit ?'],
      answer: ['Merci pour votre signalement. Il s’agit d’un problème connu du firmware {fw}, un correctif est en cours de test. En attendant, désactiver l’économie d’énergie Wi-Fi (Réglages de l’appareil → Réseau) aide dans la plupart des cas.'],
      resolve: ['Le firmware {fwnext}, qui corrige ce problème, a été déployé ce matin. Votre appareil est déjà à jour ; n’hésitez pas à nous recontacter si cela se reproduit.'],
    },
    app: {
      ask: ['Merci de nous avoir prévenus. Quelle version de l’application et quel modèle de téléphone utilisez-vous ? Une capture d’écran aiderait beaucoup nos développeurs.'],
      answer: ['Merci pour votre retour. Notre équipe a reproduit le bug et la correction est prévue dans la prochaine version. D’ici là, vider le cache de l’application (Réglages → Stockage → Vider le cache) aide généralement.'],
      resolve: ['La version {appvnext} est disponible dans les stores et corrige ce problème. Après la mise à jour, tout devrait rentrer dans l’ordre.'],
    },
    login: {
      ask: ['Pour vérifier votre identité, pouvez-vous me confirmer l’adresse e-mail du compte et le modèle d’un de vos appareils ?'],
      answer: ['Les codes SMS arrivent parfois avec du retard. Vous pouvez aussi utiliser une application d’authentification ou l’un de vos codes de secours.'],
      resolve: ['J’ai réinitialisé la validation en deux étapes de votre compte. Connectez-vous avec votre mot de passe, vous pourrez ensuite la reconfigurer.'],
    },
    delivery: {
      ask: ['Toutes nos excuses pour l’attente. Pouvez-vous me confirmer l’adresse de livraison et un numéro de téléphone pour le livreur ?'],
      answer: ['J’ai contacté le transporteur : le colis était bloqué au dépôt et il est de nouveau en cours d’acheminement. Vous devriez le recevoir sous deux jours ouvrés.'],
      resolve: ['Le transporteur n’a pas retrouvé le colis. Je vous ai donc renvoyé la commande en express et remboursé les frais de port.'],
    },
    order: {
      ask: ['Je regarde ça. Pouvez-vous me confirmer l’adresse e-mail utilisée pour la commande ?'],
      answer: ['Votre commande {order} est prête et part demain. Vous recevrez le lien de suivi par e-mail dès qu’elle quittera l’entrepôt.'],
      resolve: [],
    },
    info: {
      ask: [],
      answer: ['Bonne question ! Tout est expliqué pas à pas dans cet article : https://help.lumo.example.com/fr/articles/{article}. N’hésitez pas à répondre à ce message si quelque chose n’est pas clair.'],
      resolve: [],
    },
    feedback: {
      ask: [],
      answer: ['Merci d’avoir pris le temps de nous écrire. J’ai transmis votre retour à notre équipe produit.'],
      resolve: [],
    },
    support: {
      ask: ['Toutes nos excuses pour l’attente. Pouvez-vous me donner votre numéro de ticket ou l’adresse e-mail utilisée, pour que je m’en occupe tout de suite ?'],
      answer: ['Toutes nos excuses pour ce délai, ce n’est pas l’expérience que nous voulons vous offrir. J’ai repris votre ticket personnellement et je reviens vers vous aujourd’hui.'],
      resolve: ['Encore toutes nos excuses pour le délai. J’ai traité votre demande initiale, tout est réglé.'],
    },
  },
  thanks: ['Merci beaucoup pour ce message ! Je l’ai partagé avec l’équipe, ça nous fait très plaisir.'],
  custInfo: {
    billing: ['C’était la carte se terminant par 4417, prélevée le 3.'],
    device: ['Le numéro de série est {serial}. Ça a commencé juste après la mise à jour.'],
    app: ['iPhone 13, version {appv} de l’appli.'],
    delivery: ['L’adresse est correcte. Vous pouvez me joindre au {phone}.'],
    other: ['C’est l’adresse depuis laquelle je vous écris.'],
  },
  custThanks: ['Parfait, merci !', 'Ça a marché, merci beaucoup.', 'Super, c’est réglé. Merci pour la rapidité.'],
  custStill: ['Toujours pas réglé, malheureusement.', 'J’ai essayé, même problème.', 'Aucun changement de mon côté.'],
  firstNames: [
    'Julien', 'Élodie', 'Thomas', 'Manon', 'Nicolas', 'Chloé', 'Antoine', 'Léa', 'Maxime', 'Sophie', 'Romain',
    'Pauline', 'Guillaume', 'Inès', 'Mathieu', 'Aurélie', 'Baptiste', 'Clémence', 'Quentin', 'Margaux',
  ],
  lastNames: [
    'Martin', 'Bernard', 'Dubois', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Lefebvre', 'Leroy', 'Girard',
    'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Mercier', 'Blanc', 'Guérin', 'Chevalier',
  ],
  amount: '9,99 €',
  amountUp: '14,99 €',
  phone: (rng) => `06 39 98 ${pad(rng.int(0, 99), 2)} ${pad(rng.int(0, 99), 2)}`,
};

const ES: LangKit = {
  greet: ['Hola:', 'Hola,', 'Buenos días:', 'Buenas tardes,', 'Hola, equipo de Lumo:', ''],
  signNegative: ['Un saludo,', 'Saludos,', 'Gracias de antemano,', 'Atentamente,'],
  signPositive: ['Un saludo,', '¡Gracias de nuevo!', 'Saludos,'],
  chatHello: ['¡Hola! ', 'Buenas. '],
  agents: ['Lucía Herrera', 'Diego Navarro'],
  agentGreet: ['Hola, {first}:'],
  agentSign: ['Un saludo,\n{agent}\nSoporte Lumo'],
  replies: {
    billing: {
      ask: ['Sentimos las molestias. ¿Me puedes indicar la fecha del cargo y los cuatro últimos dígitos de la tarjeta para localizar el pago?'],
      answer: ['Gracias por tu paciencia. He revisado tu cuenta y he pasado el caso con prioridad a nuestro equipo de facturación. Recibirás una confirmación por correo en un plazo de dos días laborables.'],
      resolve: ['He tramitado el reembolso hoy. Según tu banco, puede tardar de 3 a 5 días laborables en aparecer en tu cuenta. Disculpa las molestias.'],
    },
    cancel: {
      ask: ['Claro. ¿Me confirmas el correo electrónico de la cuenta para cancelar la suscripción correcta?'],
      answer: ['Puedes cancelar cuando quieras desde la app, en Cuenta → Plan. Mantienes el acceso hasta el final del periodo actual.'],
      resolve: ['Hecho: tu suscripción a Lumo Cloud está cancelada y no se renovará. Seguirás teniendo acceso a tus grabaciones hasta el final del periodo actual.'],
    },
    device: {
      ask: ['Sentimos el problema. ¿Me puedes enviar el número de serie del dispositivo (App → Dispositivo → Información) y decirme desde cuándo pasa?'],
      answer: ['Gracias por avisar. Es un problema conocido del firmware {fw} y ya estamos probando una solución. Mientras tanto, suele ayudar desactivar el ahorro de energía wifi en Ajustes del dispositivo → Red.'],
      resolve: ['Esta mañana se ha publicado el firmware {fwnext}, que corrige el fallo. Tu dispositivo ya está actualizado; si vuelve a pasar, escríbenos.'],
    },
    app: {
      ask: ['Gracias por avisarnos. ¿Qué versión de la app y qué modelo de móvil usas? Una captura de pantalla ayudaría mucho a nuestros desarrolladores.'],
      answer: ['Gracias por el aviso. Nuestro equipo ha reproducido el error y la corrección llegará en la próxima versión. Mientras tanto, suele ayudar borrar la caché de la app (Ajustes → Almacenamiento → Borrar caché).'],
      resolve: ['La versión {appvnext} ya está disponible en las tiendas y soluciona el problema. Después de actualizar debería ir todo bien.'],
    },
    login: {
      ask: ['Para verificar que eres tú, ¿me confirmas el correo de la cuenta y el modelo de uno de tus dispositivos?'],
      answer: ['A veces los códigos SMS llegan con retraso. También puedes usar una app de autenticación o uno de tus códigos de respaldo.'],
      resolve: ['He restablecido la verificación en dos pasos de tu cuenta. Inicia sesión con tu contraseña y podrás configurarla de nuevo.'],
    },
    delivery: {
      ask: ['Perdona la espera. ¿Me confirmas la dirección de entrega y un teléfono de contacto para el repartidor?'],
      answer: ['He hablado con la empresa de transporte: el paquete estaba retenido en el almacén y ya está de nuevo en reparto. Deberías recibirlo en dos días laborables.'],
      resolve: ['La empresa de transporte no ha encontrado el paquete, así que te he enviado uno nuevo por envío urgente y te he devuelto los gastos de envío.'],
    },
    order: {
      ask: ['Lo miro ahora mismo. ¿Me confirmas el correo con el que hiciste el pedido?'],
      answer: ['Tu pedido {order} ya está preparado y sale mañana. Te llegará el enlace de seguimiento por correo en cuanto salga del almacén.'],
      resolve: [],
    },
    info: {
      ask: [],
      answer: ['¡Buena pregunta! En este artículo lo explicamos paso a paso: https://help.lumo.example.com/es/articles/{article}. Si algo no queda claro, responde a este mensaje.'],
      resolve: [],
    },
    feedback: {
      ask: [],
      answer: ['Gracias por tomarte el tiempo de escribirnos. He trasladado tus comentarios a nuestro equipo de producto.'],
      resolve: [],
    },
    support: {
      ask: ['Perdona la espera. ¿Me pasas el número de ticket o el correo desde el que escribiste para ocuparme ahora mismo?'],
      answer: ['Sentimos mucho la espera, no es la experiencia que queremos darte. Me he hecho cargo de tu ticket personalmente y te escribo hoy mismo.'],
      resolve: ['Disculpa de nuevo el retraso. He revisado tu consulta original y ya está todo resuelto.'],
    },
  },
  thanks: ['¡Muchísimas gracias por tu mensaje! Lo he compartido con el equipo, nos ha hecho mucha ilusión.'],
  custInfo: {
    billing: ['Era la tarjeta acabada en 4417, el cargo fue el día 3.'],
    device: ['El número de serie es {serial}. Empezó justo después de la actualización.'],
    app: ['Xiaomi Redmi Note 12, versión {appv} de la app.'],
    delivery: ['La dirección es correcta. Podéis llamarme al {phone}.'],
    other: ['Es el correo desde el que os escribo.'],
  },
  custThanks: ['¡Perfecto, gracias!', 'Ha funcionado, muchas gracias.', 'Genial, todo resuelto. Gracias por la rapidez.'],
  custStill: ['Sigue sin resolverse.', 'Lo he probado y sigue igual.', 'Por mi parte no ha cambiado nada.'],
  firstNames: [
    'Javier', 'María', 'Carlos', 'Alejandro', 'Pablo', 'Elena', 'Sergio', 'Marta', 'Andrés', 'Laura', 'Raúl',
    'Paula', 'Miguel', 'Sara', 'Adrián', 'Cristina', 'Álvaro', 'Noelia', 'Iván', 'Inés',
  ],
  lastNames: [
    'García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Fernández', 'Ruiz', 'Díaz', 'Moreno',
    'Jiménez', 'Álvarez', 'Romero', 'Torres', 'Domínguez', 'Vázquez', 'Ramos', 'Gil', 'Serrano', 'Molina',
  ],
  amount: '9,99 €',
  amountUp: '14,99 €',
  phone: (rng) => `+34 600 000 ${pad(rng.int(0, 999), 3)}`,
};

const PT: LangKit = {
  greet: ['Olá,', 'Oi,', 'Bom dia,', 'Boa tarde,', 'Olá, equipe Lumo,', ''],
  signNegative: ['Att.,', 'Aguardo retorno.', 'Desde já agradeço.', 'Abraço,'],
  signPositive: ['Abraço,', 'Valeu!', 'Abraços,'],
  chatHello: ['Oi! ', 'Olá! ', 'Boa tarde! '],
  agents: ['Rafael Souza', 'Beatriz Lima'],
  agentGreet: ['Olá, {first}!', 'Oi, {first}!'],
  agentSign: ['Abraço,\n{agent}\nSuporte Lumo', 'Atenciosamente,\n{agent}\nSuporte Lumo'],
  replies: {
    billing: {
      ask: ['Desculpe o transtorno. Você pode me passar a data da cobrança e os quatro últimos dígitos do cartão pra eu localizar o pagamento?'],
      answer: ['Agradeço a paciência. Verifiquei sua conta e encaminhei o caso com prioridade pro nosso time financeiro. Você vai receber uma confirmação por e-mail em até dois dias úteis.'],
      resolve: ['Fiz o estorno hoje. Dependendo do banco, pode levar de 3 a 5 dias úteis pra aparecer na fatura. Desculpe o transtorno.'],
    },
    cancel: {
      ask: ['Claro! Você pode confirmar o e-mail da conta pra eu cancelar a assinatura certa?'],
      answer: ['Você pode cancelar quando quiser pelo app, em Conta → Plano. O acesso continua até o fim do período atual.'],
      resolve: ['Pronto: sua assinatura do Lumo Cloud foi cancelada e não será renovada. Você continua com acesso às gravações até o fim do período atual.'],
    },
    device: {
      ask: ['Sinto muito pelo problema. Você pode me mandar o número de série do aparelho (App → Dispositivo → Informações) e dizer desde quando isso acontece?'],
      answer: ['Agradeço o aviso. É um problema conhecido do firmware {fw} e a correção já está em teste. Enquanto isso, desativar a economia de energia do Wi-Fi em Configurações do dispositivo → Rede costuma ajudar.'],
      resolve: ['O firmware {fwnext}, com a correção, foi liberado hoje de manhã. Seu aparelho já está atualizado; se acontecer de novo, é só responder aqui.'],
    },
    app: {
      ask: ['Valeu por avisar. Qual versão do app e qual modelo de celular você usa? Um print da tela ajudaria muito nossos desenvolvedores.'],
      answer: ['Agradeço o aviso. Nosso time reproduziu o erro e a correção vem na próxima versão. Enquanto isso, limpar o cache do app (Configurações → Armazenamento → Limpar cache) costuma resolver.'],
      resolve: ['A versão {appvnext} já está nas lojas e corrige o problema. Depois de atualizar, deve voltar ao normal.'],
    },
    login: {
      ask: ['Pra confirmar que é você, pode me passar o e-mail da conta e o modelo de um dos seus aparelhos?'],
      answer: ['Às vezes o SMS atrasa. Você também pode usar um app autenticador ou um dos seus códigos de backup.'],
      resolve: ['Redefini a verificação em duas etapas da sua conta. Entre com sua senha e configure de novo.'],
    },
    delivery: {
      ask: ['Desculpe a demora. Você pode confirmar o endereço de entrega e um telefone pro entregador?'],
      answer: ['Falei com a transportadora: o pacote ficou retido no centro de distribuição e já saiu pra entrega de novo. Deve chegar em até dois dias úteis.'],
      resolve: ['A transportadora não localizou o pacote, então enviei outro por entrega expressa e estornei o frete.'],
    },
    order: {
      ask: ['Vou verificar. Pode confirmar o e-mail usado no pedido?'],
      answer: ['Seu pedido {order} já está separado e sai amanhã. Você vai receber o código de rastreio por e-mail assim que ele sair do nosso centro de distribuição.'],
      resolve: [],
    },
    info: {
      ask: [],
      answer: ['Boa pergunta! Este artigo explica tudo passo a passo: https://help.lumo.example.com/pt/articles/{article}. Se ficar alguma dúvida, é só responder aqui.'],
      resolve: [],
    },
    feedback: {
      ask: [],
      answer: ['Agradeço por ter tirado um tempo pra escrever. Encaminhei seu feedback pro nosso time de produto.'],
      resolve: [],
    },
    support: {
      ask: ['Desculpe a demora. Pode me passar o número do chamado ou o e-mail que você usou, pra eu assumir agora?'],
      answer: ['Sinto muito pela espera, não é essa a experiência que queremos oferecer. Assumi seu chamado pessoalmente e te dou um retorno ainda hoje.'],
      resolve: ['Mais uma vez, desculpe a demora. Revisei seu chamado original e está tudo resolvido.'],
    },
  },
  thanks: ['Que mensagem boa de receber! Compartilhei com o time, ficamos muito felizes.'],
  custInfo: {
    billing: ['Foi o cartão com final 4417, cobrado no dia 3.'],
    device: ['O número de série é {serial}. Começou logo depois da atualização.'],
    app: ['Motorola Edge 30, app versão {appv}.'],
    delivery: ['O endereço está certo. Meu telefone é {phone}.'],
    other: ['É o e-mail de onde estou escrevendo.'],
  },
  custThanks: ['Perfeito, valeu!', 'Funcionou, valeu mesmo!', 'Ótimo, resolvido. Agradeço pela rapidez.'],
  custStill: ['Continua sem resolver.', 'Tentei isso, mesmo problema.', 'Nada mudou por aqui.'],
  firstNames: [
    'Lucas', 'Mariana', 'Gabriel', 'Ana', 'Pedro', 'Juliana', 'Camila', 'Thiago', 'Fernanda', 'Bruno', 'Larissa',
    'Felipe', 'Gustavo', 'Letícia', 'Rodrigo', 'Aline', 'Diego', 'Patrícia', 'Vinícius', 'Renata',
  ],
  lastNames: [
    'Silva', 'Santos', 'Oliveira', 'Pereira', 'Costa', 'Rodrigues', 'Almeida', 'Nascimento', 'Araújo',
    'Ferreira', 'Carvalho', 'Gomes', 'Martins', 'Rocha', 'Ribeiro', 'Barbosa', 'Cardoso', 'Teixeira',
  ],
  amount: 'R$ 49,90',
  amountUp: 'R$ 69,90',
  phone: (rng) => `(11) 90000-${pad(rng.int(0, 9999), 4)}`,
};

const KITS: Record<Lang, LangKit> = { en: EN, de: DE, fr: FR, es: ES, pt: PT };

/** Internal notes are written in the team's working language, English. */
const NOTES: Record<ReplyCat, string[]> = {
  billing: ['Payment history checked in the billing dashboard.', 'Billing ticket FIN-{n4} opened.', 'Customer has {n} devices on Cloud Plus.'],
  cancel: ['Checked the account: one active Cloud subscription.', 'No retention offer — customer was clear.'],
  device: ['Matches known issue ENG-{n4} (firmware {fw}).', 'Device logs show frequent Wi-Fi reconnects.', 'Customer has {n} devices on the account.'],
  app: ['Linked to APP-{n4}, fix planned for {appvnext}.', "Can't reproduce on test devices, waiting for diagnostics."],
  login: ['Identity verified via device serial.', 'SMS provider had delays today, see status page.'],
  delivery: ['Courier trace opened with ParcelNet, ref PN-{n4}.', 'Warehouse confirms late dispatch (stock shortage).'],
  order: ['Order {order} packed, dispatch tomorrow.', 'Checked order {order}: address fine.'],
  info: ['Sent help article {article}.', 'Good candidate for the FAQ.'],
  feedback: ['Added to feature board (PROD-{n4}).', 'Shared in #product-feedback.'],
  support: ['Ticket was stuck in the unassigned queue for {days} days.', 'Second contact about this — please keep an eye on it.'],
};
const POSITIVE_NOTES = ['Shared in #team-wins 🎉', 'Forwarded to the product team as positive feedback.', 'Added to the monthly CSAT highlights.'];
const VIP_NOTES = ['VIP account — prioritise.', 'VIP: {n} properties on this account, handle personally.'];

// ---------------------------------------------------------------------------------------------
// Scenario library. Each scenario is one kind of feedback with a fixed sentiment; its text is
// assembled per language from slots (one alternative picked per slot, '' = leave out).
// `long` feeds e-mails, reviews and longer chats; `short` feeds chats, social posts and surveys.
// ---------------------------------------------------------------------------------------------

interface Variant {
  subj?: string[];
  long?: string[][];
  short?: string[];
  /** Restricts the products for this language (grammar: articles and gender). */
  products?: Product[];
}

interface Scenario {
  id: string;
  sentiment: Sentiment;
  tags: string[];
  products: Product[];
  channels: Channel[];
  cat: ReplyCat;
  weight?: number;
  text: Partial<Record<Lang, Variant>>;
}

const NEGATIVE: Scenario[] = [
  {
    id: 'refund-waiting',
    sentiment: 'negative',
    tags: ['refund'],
    products: HARDWARE,
    channels: ['email', 'chat', 'social', 'survey'],
    cat: 'billing',
    weight: 1.4,
    text: {
      en: {
        subj: ['Refund for order {order}', 'Still waiting for my refund', 'Refund status - {order}', 'Return {order}'],
        long: [
          [
            'I returned my {product} {days} days ago and I am still waiting for the refund.',
            'Still waiting for my refund for order {order}.',
            "I sent back the {product} from order {order} and the refund hasn't shown up.",
          ],
          [
            "The return confirmation said refunds take 3–5 business days. It's been {days} days.",
            'Tracking shows your warehouse received the parcel over a week ago.',
            'My bank says nothing is pending on their side.',
            '',
          ],
          ['Can you tell me when the money will be back on my card?', "Please check what's going on and confirm the refund date.", 'When can I expect it?'],
        ],
        short: [
          'still waiting for my refund for {order}',
          "Refund for {order} still not here. It's been {days} days.",
          'where is my refund? order {order}',
          'Returned the {product} {days} days ago, no refund yet.',
        ],
      },
      de: {
        subj: ['Erstattung Bestellung {order}', 'Rückerstattung noch nicht erhalten', 'Wo bleibt meine Erstattung?'],
        long: [
          [
            'Ich habe die Rücksendung zu Bestellung {order} vor {days} Tagen abgeschickt und warte immer noch auf die Erstattung.',
            'Meine Rücksendung zu Bestellung {order} ist laut Sendungsverfolgung seit über einer Woche bei Ihnen angekommen.',
          ],
          ['Auf meinem Konto ist bisher nichts eingegangen.', 'In der Bestätigung stand etwas von 3–5 Werktagen.', ''],
          ['Können Sie bitte nachsehen, wann das Geld kommt?', 'Bitte teilen Sie mir mit, wann ich mit der Gutschrift rechnen kann.'],
        ],
        short: [
          'Warte immer noch auf meine Erstattung für {order}.',
          'Rücksendung ist seit {days} Tagen bei euch, Geld noch nicht da.',
          'Erstattung für {order} fehlt immer noch.',
        ],
      },
      fr: {
        subj: ['Remboursement commande {order}', 'Toujours pas de remboursement', 'Où en est mon remboursement ?'],
        long: [
          [
            "J'ai renvoyé le colis de la commande {order} il y a {days} jours et j'attends toujours le remboursement.",
            'Le suivi indique que vous avez reçu mon retour (commande {order}) depuis plus d’une semaine.',
          ],
          ["Rien n'est arrivé sur mon compte pour l'instant.", 'La confirmation parlait de 3 à 5 jours ouvrés.', ''],
          ['Pouvez-vous me dire quand le remboursement sera effectué ?', 'Merci de vérifier et de me tenir au courant.'],
        ],
        short: [
          'Toujours pas de remboursement pour {order}.',
          'Retour reçu chez vous il y a {days} jours, toujours rien sur mon compte.',
          'Où en est mon remboursement ? Commande {order}',
        ],
      },
      es: {
        subj: ['Reembolso pedido {order}', 'Sigo sin recibir el reembolso', '¿Qué pasa con mi reembolso?'],
        long: [
          [
            'Devolví el pedido {order} hace {days} días y sigo esperando el reembolso.',
            'Según el seguimiento, recibisteis mi devolución del pedido {order} hace más de una semana.',
          ],
          ['En mi cuenta todavía no ha entrado nada.', 'En la confirmación ponía de 3 a 5 días hábiles.', ''],
          ['¿Me podéis decir cuándo lo voy a recibir?', 'Por favor, revisadlo y decidme algo.'],
        ],
        short: [
          'Sigo esperando el reembolso del pedido {order}.',
          'Hace {days} días que tenéis la devolución y el dinero sin llegar.',
          '¿Dónde está mi reembolso? Pedido {order}',
        ],
      },
      pt: {
        subj: ['Reembolso do pedido {order}', 'Ainda não recebi o reembolso'],
        long: [
          [
            'Devolvi o pedido {order} há {days} dias e até agora nada do reembolso.',
            'Pelo rastreio, vocês receberam a devolução do pedido {order} há mais de uma semana.',
          ],
          ['Ainda não caiu nada na minha conta.', 'Na confirmação dizia de 3 a 5 dias úteis.', ''],
          ['Vocês podem me dizer quando o valor vai ser estornado?', 'Por favor, verifiquem e me deem um retorno.'],
        ],
        short: ['Ainda esperando o reembolso do pedido {order}.', 'Faz {days} dias que vocês receberam a devolução e nada do dinheiro.'],
      },
    },
  },
  {
    id: 'no-answer',
    sentiment: 'negative',
    tags: ['support'],
    products: ANY_PRODUCT,
    channels: ['email', 'chat', 'social', 'survey'],
    cat: 'support',
    text: {
      en: {
        subj: ['No reply to my ticket', 'Second email - no answer', 'Ticket {ticket}', 'Following up'],
        long: [
          [
            'I wrote to you on Monday about my {product} and no one answered.',
            'This is my second email about ticket {ticket}.',
            'I opened ticket {ticket} {days} days ago.',
          ],
          ['Nobody has replied so far.', 'The auto-reply said 24 hours.', "I haven't heard anything since.", ''],
          ['Is anyone looking at this?', 'Please just let me know someone has picked it up.', 'Could someone get back to me today?'],
        ],
        short: [
          'no one answered my email from last week',
          'Ticket {ticket}, {days} days, no reply.',
          'Is anyone actually reading these? Ticket {ticket}',
          'Been waiting {hours} hours in the chat queue.',
        ],
      },
      de: {
        subj: ['Keine Antwort auf mein Ticket', 'Zweite Anfrage – Ticket {ticket}'],
        long: [
          ['Ich habe vor {days} Tagen das Ticket {ticket} eröffnet.', 'Das ist meine zweite E-Mail zu Ticket {ticket}.'],
          ['Bisher hat sich niemand gemeldet.', 'Die automatische Antwort versprach eine Rückmeldung innerhalb von 24 Stunden.', ''],
          ['Kümmert sich jemand darum?', 'Bitte geben Sie mir wenigstens kurz Bescheid, dass die Anfrage angekommen ist.'],
        ],
        short: ['Seit {days} Tagen keine Antwort auf Ticket {ticket}.', 'Liest hier eigentlich jemand mit? Ticket {ticket}', 'Warte jetzt seit {hours} Stunden im Chat.'],
      },
      fr: {
        subj: ['Pas de réponse à mon ticket', 'Relance – ticket {ticket}'],
        long: [
          ["J'ai ouvert le ticket {ticket} il y a {days} jours.", "C'est mon deuxième e-mail au sujet du ticket {ticket}."],
          ["Personne ne m'a répondu.", 'La réponse automatique annonçait un retour sous 24 heures.', ''],
          ["Quelqu'un s'en occupe ?", 'Merci de me confirmer au moins que ma demande a été prise en compte.'],
        ],
        short: ['Toujours aucune réponse au ticket {ticket}.', "Ça fait {hours} heures que j'attends dans le chat.", "Quelqu'un lit les messages ici ? Ticket {ticket}"],
      },
      es: {
        subj: ['Sin respuesta a mi ticket', 'Segundo aviso – ticket {ticket}'],
        long: [
          ['Abrí el ticket {ticket} hace {days} días.', 'Es el segundo correo que envío sobre el ticket {ticket}.'],
          ['Nadie me ha contestado.', 'La respuesta automática decía 24 horas.', ''],
          ['¿Alguien lo está mirando?', 'Por favor, confirmadme al menos que lo habéis recibido.'],
        ],
        short: ['Ticket {ticket}, {days} días y sin respuesta.', 'Llevo {hours} horas esperando en el chat.', '¿Alguien lee esto? Ticket {ticket}'],
      },
      pt: {
        subj: ['Sem resposta no meu chamado', 'Segundo contato – chamado {ticket}'],
        long: [
          ['Abri o chamado {ticket} há {days} dias.', 'Este é o segundo e-mail que mando sobre o chamado {ticket}.'],
          ['Ninguém respondeu.', 'A resposta automática falava em 24 horas.', ''],
          ['Alguém está vendo isso?', 'Por favor, pelo menos confirmem que receberam.'],
        ],
        short: ['Chamado {ticket}, {days} dias e nenhuma resposta.', 'Estou há {hours} horas esperando no chat.'],
      },
    },
  },
  {
    id: 'delivery-late',
    sentiment: 'negative',
    tags: ['delivery'],
    products: HARDWARE,
    channels: ['email', 'chat', 'social'],
    cat: 'delivery',
    weight: 1.3,
    text: {
      en: {
        subj: ['Where is order {order}?', 'Order {order} delayed', 'Delivery not received', 'Late delivery'],
        long: [
          [
            'My order {order} was supposed to arrive on Tuesday.',
            "Order {order} still hasn't arrived.",
            "The delivery window for order {order} was 9 to 12. It's now mid-afternoon.",
          ],
          ["Tracking hasn't updated in {days} days.", "The courier's site just says 'in transit'.", 'I took the morning off to be home for it.', ''],
          ['Where is it?', 'Can you find out what happened?', 'Please check with the courier and let me know.'],
        ],
        short: [
          'order {order} delayed 3 hours and counting',
          'Order {order} still not delivered. Tracking stuck for {days} days.',
          "The courier says delivered. It's not here. {order}",
          'Order delayed again. {order}',
        ],
      },
      de: {
        subj: ['Bestellung {order} nicht angekommen', 'Lieferverzögerung {order}'],
        long: [
          ['Meine Bestellung {order} sollte eigentlich am Dienstag kommen.', 'Bestellung {order} ist immer noch nicht da.'],
          ['Die Sendungsverfolgung zeigt seit {days} Tagen denselben Status.', 'Ich habe mir extra den Vormittag freigenommen.', ''],
          ['Wo ist das Paket?', 'Bitte klären Sie das mit dem Versanddienstleister.'],
        ],
        short: [
          'Bestellung {order} hängt seit {days} Tagen im Versandzentrum.',
          'Lieferfenster 9–12 Uhr, jetzt ist es 15 Uhr. {order}',
          'Paket laut Tracking zugestellt, hier ist aber nichts angekommen.',
        ],
      },
      fr: {
        subj: ['Commande {order} non reçue', 'Retard de livraison'],
        long: [
          ['Ma commande {order} devait arriver mardi.', "La commande {order} n'est toujours pas arrivée."],
          ["Le suivi n'a pas bougé depuis {days} jours.", "J'ai pris ma matinée exprès pour la réception.", ''],
          ['Où est le colis ?', 'Pouvez-vous voir avec le transporteur ?'],
        ],
        short: [
          'Commande {order} bloquée au centre de tri depuis {days} jours.',
          'Livraison prévue entre 9h et 12h, il est 15h. {order}',
          "Le transporteur dit livré, mais je n'ai rien reçu.",
        ],
      },
      es: {
        subj: ['Pedido {order} no recibido', 'Retraso en la entrega'],
        long: [
          ['Mi pedido {order} tenía que llegar el martes.', 'El pedido {order} sigue sin llegar.'],
          ['El seguimiento no se mueve desde hace {days} días.', 'Me he pedido la mañana libre para recibirlo.', ''],
          ['¿Dónde está el paquete?', '¿Podéis consultarlo con la empresa de transporte?'],
        ],
        short: [
          'Pedido {order} retrasado 3 horas y sigo esperando.',
          'Pedido {order} parado en el almacén desde hace {days} días.',
          'Pone entregado pero aquí no ha llegado nada.',
        ],
      },
      pt: {
        subj: ['Pedido {order} não entregue', 'Atraso na entrega'],
        long: [
          ['Meu pedido {order} era pra chegar na terça.', 'O pedido {order} ainda não chegou.'],
          ['O rastreio está parado há {days} dias.', 'Tirei a manhã de folga pra receber.', ''],
          ['Cadê o pacote?', 'Vocês podem verificar com a transportadora?'],
        ],
        short: ['Pedido {order} atrasado 3 horas e nada.', 'Rastreio diz entregue, mas aqui não chegou nada.'],
      },
    },
  },
  {
    id: 'cam-offline',
    sentiment: 'negative',
    tags: ['bug', 'connectivity'],
    products: [CAM],
    channels: ['email', 'chat', 'social', 'review'],
    cat: 'device',
    weight: 1.4,
    text: {
      en: {
        subj: ['Camera keeps going offline', 'Lumo Cam offline after update', 'Cam disconnects every night'],
        long: [
          [
            'Since the last firmware update my Lumo Cam keeps dropping offline.',
            'My Lumo Cam goes offline several times a day.',
            "The camera in our hallway shows 'offline' every morning.",
          ],
          [
            'The Wi-Fi is fine — every other device in the house stays connected.',
            "I've power-cycled it, re-added it to the app and moved the router closer.",
            'It sits about three metres from the router.',
            'Rebooting fixes it for a few hours and then it drops again.',
          ],
          [
            "Not happy with this at all — it's a security camera.",
            "What's the point of a camera that isn't recording when it should be?",
            'Is this a known issue with firmware {fw}?',
            'Please advise.',
          ],
        ],
        short: [
          'cam offline again 🙄',
          'Lumo Cam offline for the 3rd time today',
          'my camera has been offline since the update, anyone else?',
          'Camera shows offline but the light is on. Fix please.',
        ],
      },
      de: {
        subj: ['Lumo Cam ständig offline', 'Kamera verliert Verbindung nach Update'],
        long: [
          ['Seit dem letzten Firmware-Update geht meine Lumo Cam mehrmals am Tag offline.', 'Unsere Lumo Cam im Flur zeigt jeden Morgen „offline“ an.'],
          [
            'Das WLAN ist stabil, alle anderen Geräte bleiben verbunden.',
            'Ein Neustart hilft für ein paar Stunden, dann ist sie wieder weg.',
            'Ich habe sie schon zurückgesetzt und neu eingerichtet.',
          ],
          ['Ich bin damit nicht zufrieden – das ist eine Sicherheitskamera.', 'Ist das ein bekanntes Problem mit Firmware {fw}?', 'Was kann ich noch tun?'],
        ],
        short: ['Kamera schon wieder offline 🙄', 'Lumo Cam heute zum dritten Mal offline.', 'Seit dem Update ist meine Cam dauernd offline. Geht das nur mir so?'],
      },
      fr: {
        subj: ['Lumo Cam toujours hors ligne', 'Caméra déconnectée après mise à jour'],
        long: [
          ['Depuis la dernière mise à jour, ma Lumo Cam se déconnecte plusieurs fois par jour.', "Notre Lumo Cam dans l'entrée affiche « hors ligne » tous les matins."],
          [
            'Le Wi-Fi fonctionne, tous les autres appareils restent connectés.',
            'Un redémarrage règle le problème quelques heures, puis ça recommence.',
            "Je l'ai déjà réinitialisée et réinstallée.",
          ],
          ["Pour une caméra de sécurité, c'est pas terrible.", 'Est-ce un problème connu avec le firmware {fw} ?', 'Que puis-je faire d’autre ?'],
        ],
        short: ['Caméra encore hors ligne 🙄', "Lumo Cam hors ligne pour la 3e fois aujourd'hui.", "Depuis la mise à jour ma caméra se déconnecte sans arrêt, c'est normal ?"],
      },
      es: {
        subj: ['Lumo Cam sin conexión', 'La cámara se desconecta tras la actualización'],
        long: [
          ['Desde la última actualización, mi Lumo Cam se desconecta varias veces al día.', 'La Lumo Cam del pasillo aparece «sin conexión» todas las mañanas.'],
          [
            'El wifi funciona bien, el resto de dispositivos no se desconecta.',
            'Al reiniciarla funciona unas horas y luego vuelve a pasar.',
            'Ya la he restablecido y configurado de nuevo.',
          ],
          ['Para ser una cámara de seguridad, así no me sirve.', '¿Es un problema conocido del firmware {fw}?', '¿Qué más puedo hacer?'],
        ],
        short: [
          'Cámara otra vez sin conexión 🙄',
          'La Lumo Cam se ha desconectado 3 veces hoy.',
          'Desde la actualización la cámara se desconecta cada dos por tres. ¿Le pasa a alguien más?',
        ],
      },
      pt: {
        subj: ['Lumo Cam offline', 'Câmera desconectando depois da atualização'],
        long: [
          ['Desde a última atualização minha Lumo Cam fica offline várias vezes por dia.', 'A Lumo Cam do corredor aparece como offline toda manhã.'],
          [
            'O Wi-Fi funciona normal, todos os outros aparelhos continuam conectados.',
            'Reiniciando ela volta por algumas horas e depois cai de novo.',
            'Já resetei e configurei de novo.',
          ],
          ['Pra uma câmera de segurança, assim não dá.', 'É um problema conhecido do firmware {fw}?'],
        ],
        short: ['Câmera offline de novo 🙄', 'Desde a atualização a câmera cai toda hora. Só comigo?'],
      },
    },
  },
  {
    id: 'app-crash-but',
    sentiment: 'negative',
    tags: ['bug'],
    products: [APP],
    channels: ['email', 'chat', 'social', 'review'],
    cat: 'app',
    weight: 1.3,
    text: {
      en: {
        subj: ['App crashes on live view', 'Lumo App keeps crashing', 'Crash when opening camera'],
        long: [
          [
            'The cameras are great but the app crashes every time I open live view.',
            'I like the hardware, but the app has been unusable since version {appv}.',
            'Nice idea, but the app freezes whenever I scroll through the timeline.',
          ],
          ['Reinstalled twice, same thing.', 'Phone is a Pixel 7, fully updated.', "Happens on both my phone and my partner's iPhone.", ''],
          ['Please fix it.', "Until this is fixed I can't recommend it.", 'Is a fix coming?'],
        ],
        short: [
          'Hardware is fine but the app crashes on live view every single time.',
          'Great camera, but the app keeps crashing.',
          'app crashes when I open live view. reinstalled already.',
        ],
      },
      de: {
        subj: ['App stürzt ab', 'Absturz bei Live-Ansicht'],
        long: [
          ['Die Kameras sind super, aber die App stürzt jedes Mal ab, wenn ich die Live-Ansicht öffne.', 'Hardware top, aber die App ist seit Version {appv} kaum zu gebrauchen.'],
          ['Schon zweimal neu installiert, gleiches Problem.', 'Passiert auf meinem Android-Handy und auf dem iPad.', ''],
          ['Bitte dringend beheben.', 'So kann ich das leider nicht empfehlen.'],
        ],
        short: ['Kamera gut, aber die App crasht bei der Live-Ansicht jedes Mal.', 'App stürzt ständig ab seit dem Update.'],
      },
      fr: {
        subj: ["L'application plante", 'Plantage sur la vue en direct'],
        long: [
          ["Les caméras sont top, mais l'application plante à chaque fois que j'ouvre le direct.", "Le matériel est bien, mais l'appli est inutilisable depuis la version {appv}."],
          ['Déjà réinstallée deux fois, même problème.', 'Ça arrive sur deux téléphones différents.', ''],
          ['Merci de corriger ça rapidement.', 'En l’état, je ne peux pas la recommander.'],
        ],
        short: ["Bonne caméra, mais l'appli plante dès que j'ouvre le direct.", "L'appli crashe en permanence depuis la mise à jour."],
      },
      es: {
        subj: ['La app se cierra', 'Error al abrir el directo'],
        long: [
          ['Las cámaras están genial, pero la app se cierra cada vez que abro el directo.', 'El hardware está bien, pero desde la versión {appv} la app es inservible.'],
          ['La he reinstalado dos veces y nada.', 'Me pasa en mi móvil y en el de mi pareja.', ''],
          ['Arregladlo, por favor.', 'Así no la puedo recomendar.'],
        ],
        short: ['Buena cámara, pero la app se cierra al abrir el directo.', 'La app se cuelga todo el rato desde la actualización.'],
      },
      pt: {
        subj: ['App fechando sozinho', 'Erro na visualização ao vivo'],
        long: [
          ['As câmeras são ótimas, mas o app fecha toda vez que abro a visualização ao vivo.', 'O hardware é bom, mas desde a versão {appv} o app está inutilizável.'],
          ['Já reinstalei duas vezes, mesmo problema.', 'Acontece em dois celulares diferentes.', ''],
          ['Corrijam isso, por favor.', 'Assim não dá pra recomendar.'],
        ],
        short: ['Câmera boa, mas o app trava ao abrir o ao vivo.', 'O app fecha sozinho desde a atualização.'],
      },
    },
  },
  {
    id: 'login-2fa',
    sentiment: 'negative',
    tags: ['login'],
    products: [APP, CLOUD],
    channels: ['email', 'chat', 'social', 'review'],
    cat: 'login',
    text: {
      en: {
        subj: ["Can't log in", '2FA code never arrives', 'Locked out of my account'],
        long: [
          [
            "I can't log in to my account — the verification code never arrives.",
            "I've been locked out of the app since this morning.",
            'Every time I log in, the app sends me straight back to the login screen.',
          ],
          ["I've checked spam and tried resending it {n} times.", "Password reset didn't help either.", "My cameras are recording but I can't see any of it.", ''],
          ['Can you reset my 2FA? My number is {phone}.', 'How do I get back in?', 'Please help, I need access to my footage.'],
        ],
        short: ["can't log in, code never arrives", 'logged out again and the reset email never came', '2FA SMS not arriving. Tried {n} times.'],
      },
    },
  },
  {
    id: 'double-charge',
    sentiment: 'negative',
    tags: ['billing'],
    products: [CLOUD],
    channels: ['email', 'chat', 'social'],
    cat: 'billing',
    text: {
      en: {
        subj: ['Charged twice', 'Double charge on my card', 'Duplicate payment for Lumo Cloud'],
        long: [
          ["I've been charged twice for Lumo Cloud this month.", 'My statement shows two payments of {amount} on the same day.', 'You took the subscription fee twice.'],
          ['I only have one account and one subscription.', "I've attached a screenshot of the statement.", ''],
          ['Please refund the duplicate.', "I'd like the second charge reversed.", 'Please sort this out.'],
        ],
        short: ['charged twice for Lumo Cloud this month', 'two charges of {amount} today, I only have one plan', 'Why did you bill me twice??'],
      },
      de: {
        subj: ['Doppelte Abbuchung', 'Zweimal abgebucht – Lumo Cloud'],
        long: [
          ['Sie haben diesen Monat zweimal {amount} für Lumo Cloud abgebucht.', 'Auf meinem Kontoauszug stehen zwei identische Abbuchungen für Lumo Cloud.'],
          ['Ich habe nur ein Konto und ein Abo.', ''],
          ['Bitte erstatten Sie die doppelte Zahlung.', 'Ich bitte um Rückbuchung des zweiten Betrags.'],
        ],
        short: ['Lumo Cloud zweimal abgebucht?!', 'Zwei Abbuchungen à {amount} heute, ich habe nur ein Abo.'],
      },
      fr: {
        subj: ['Double prélèvement', 'Prélevé deux fois – Lumo Cloud'],
        long: [
          ['Vous avez prélevé deux fois {amount} ce mois-ci pour Lumo Cloud.', 'Mon relevé affiche deux prélèvements identiques pour Lumo Cloud.'],
          ["Je n'ai qu'un compte et un seul abonnement.", ''],
          ['Merci de rembourser le prélèvement en double.', "Je vous demande d'annuler le second prélèvement."],
        ],
        short: ['Deux prélèvements pour Lumo Cloud ce mois-ci ?!', "Deux prélèvements de {amount} aujourd'hui, je n'ai qu'un abonnement."],
      },
      es: {
        subj: ['Cobro duplicado', 'Me habéis cobrado dos veces'],
        long: [
          ['Este mes me habéis cobrado dos veces {amount} por Lumo Cloud.', 'En mi extracto aparecen dos cargos iguales de Lumo Cloud.'],
          ['Solo tengo una cuenta y una suscripción.', ''],
          ['Devolvedme el cargo duplicado, por favor.', 'Os pido que anuléis el segundo cargo.'],
        ],
        short: ['¿Dos cargos de Lumo Cloud este mes?', 'Hoy me habéis cobrado {amount} dos veces y solo tengo un plan.'],
      },
      pt: {
        subj: ['Cobrança duplicada', 'Cobrado duas vezes – Lumo Cloud'],
        long: [
          ['Vocês cobraram {amount} duas vezes este mês pelo Lumo Cloud.', 'Na fatura do cartão aparecem duas cobranças iguais do Lumo Cloud.'],
          ['Tenho só uma conta e uma assinatura.', ''],
          ['Por favor, estornem a cobrança duplicada.', 'Peço o cancelamento da segunda cobrança.'],
        ],
        short: ['Cobrança duplicada do Lumo Cloud este mês?!', 'Duas cobranças de {amount} hoje e só tenho um plano.'],
      },
    },
  },
  {
    id: 'cancelled-still-charged',
    sentiment: 'negative',
    tags: ['cancellation', 'billing'],
    products: [CLOUD],
    channels: ['email', 'chat', 'social'],
    cat: 'billing',
    text: {
      en: {
        subj: ['Charged after cancelling', 'I cancelled - why am I still paying?', 'Subscription cancelled but charged'],
        long: [
          [
            'I cancelled my Lumo Cloud subscription last month and you charged me again.',
            'I cancelled Lumo Cloud in the app on the 3rd and got charged {amount} yesterday.',
            'I have the cancellation confirmation email, yet the renewal went through.',
          ],
          ["This isn't acceptable.", "I don't want to go through my bank for this.", ''],
          ['Please refund it and confirm the subscription is actually cancelled.', 'Refund the charge, please.'],
        ],
        short: ['cancelled Lumo Cloud, still got charged {amount}', 'I cancelled last month. Why another charge?'],
      },
      es: {
        subj: ['Cobro tras cancelar', 'Cancelé y me seguís cobrando'],
        long: [
          ['Cancelé Lumo Cloud el mes pasado y me habéis vuelto a cobrar.', 'Tengo el correo de confirmación de la baja y aun así se ha renovado.'],
          ['No quiero tener que reclamarlo al banco.', ''],
          ['Devolvedme el cargo y confirmadme que la suscripción está cancelada.', 'Por favor, devolved el importe.'],
        ],
        short: ['Di de baja Lumo Cloud y me habéis cobrado {amount} igual.', 'Cancelé el mes pasado. ¿Por qué otro cargo?'],
      },
      de: {
        subj: ['Abbuchung trotz Kündigung', 'Gekündigt und trotzdem belastet'],
        long: [
          ['Ich habe mein Lumo Cloud Abo letzten Monat gekündigt und trotzdem wurde wieder abgebucht.', 'Die Kündigungsbestätigung habe ich per E-Mail, die Verlängerung lief trotzdem durch.'],
          ['Ich möchte das ungern über die Bank zurückholen müssen.', ''],
          ['Bitte erstatten Sie den Betrag und bestätigen Sie die Kündigung.', 'Bitte um Erstattung.'],
        ],
        short: ['Lumo Cloud gekündigt und trotzdem {amount} abgebucht.', 'Letzten Monat gekündigt. Warum schon wieder eine Abbuchung?'],
      },
    },
  },
  {
    id: 'caps-doorbell',
    sentiment: 'negative',
    tags: ['bug'],
    products: [BELL],
    channels: ['email', 'chat', 'social', 'review'],
    cat: 'device',
    weight: 0.7,
    text: {
      en: {
        subj: ['DOORBELL NOT WORKING!!!', 'doorbell notifications broken', "Doorbell doesn't ring"],
        long: [
          ['DOORBELL HAS NOT RUNG IN A WEEK!!!', 'MY DOORBELL STOPPED SENDING NOTIFICATIONS!!!', 'NO NOTIFICATIONS AGAIN!!!'],
          ['Missed two deliveries because of this.', "The chime doesn't ring and the app shows nothing.", 'Someone was at the door for ten minutes and I had no idea.'],
          ['FIX IT.', 'I want a working doorbell or my money back.', ''],
        ],
        short: ['DOORBELL NOT RINGING AGAIN!!!', "MISSED ANOTHER DELIVERY BECAUSE YOUR DOORBELL DOESN'T RING!!!", 'WHY DOES THE DOORBELL NEVER NOTIFY ME!!!'],
      },
      de: {
        subj: ['KLINGEL FUNKTIONIERT NICHT!!!', 'Doorbell klingelt nicht'],
        long: [
          ['DIE TÜRKLINGEL KLINGELT SCHON WIEDER NICHT!!!', 'KEINE BENACHRICHTIGUNGEN MEHR VON DER DOORBELL!!!'],
          ['Habe deswegen zwei Pakete verpasst.', 'Der Gong bleibt stumm und in der App steht nichts.'],
          ['Bitte endlich reparieren.', ''],
        ],
        short: ['TÜRKLINGEL GEHT SCHON WIEDER NICHT!!!', 'WIEDER EIN PAKET VERPASST, WEIL DIE KLINGEL NICHT KLINGELT!!!'],
      },
      fr: {
        subj: ['SONNETTE EN PANNE !!!', 'La sonnette ne sonne pas'],
        long: [
          ['LA SONNETTE NE SONNE TOUJOURS PAS !!!', 'PLUS AUCUNE NOTIFICATION DE LA SONNETTE !!!'],
          ["J'ai raté deux livraisons à cause de ça.", "Le carillon reste muet et rien dans l'appli."],
          ['Réparez-la.', ''],
        ],
        short: ['LA SONNETTE NE MARCHE TOUJOURS PAS !!!', 'ENCORE UN COLIS RATÉ PARCE QUE LA SONNETTE NE SONNE PAS !!!'],
      },
      es: {
        subj: ['¡¡¡EL TIMBRE NO FUNCIONA!!!', 'El timbre no suena'],
        long: [
          ['¡¡¡EL TIMBRE SIGUE SIN SONAR!!!', '¡¡¡NO ME LLEGA NINGUNA NOTIFICACIÓN DEL TIMBRE!!!'],
          ['Por esto he perdido dos entregas.', 'El timbre no suena y en la app no aparece nada.'],
          ['ARREGLADLO YA.', ''],
        ],
        short: ['¡¡¡EL TIMBRE OTRA VEZ SIN FUNCIONAR!!!', '¡¡¡OTRO PAQUETE PERDIDO PORQUE EL TIMBRE NO SUENA!!!'],
      },
      pt: {
        subj: ['CAMPAINHA NÃO FUNCIONA!!!', 'Campainha não toca'],
        long: [
          ['A CAMPAINHA CONTINUA SEM TOCAR!!!', 'NENHUMA NOTIFICAÇÃO DA CAMPAINHA DE NOVO!!!'],
          ['Perdi duas entregas por causa disso.', 'Não toca e no app não aparece nada.'],
          ['RESOLVAM ISSO.', ''],
        ],
        short: ['CAMPAINHA SEM FUNCIONAR DE NOVO!!!', 'MAIS UMA ENTREGA PERDIDA PORQUE A CAMPAINHA NÃO TOCA!!!'],
      },
    },
  },
  {
    id: 'sarcasm-app',
    sentiment: 'negative',
    tags: ['bug', 'login'],
    products: [APP],
    channels: ['social', 'review'],
    cat: 'app',
    weight: 0.35,
    text: {
      en: {
        long: [
          ['Love it when an update logs me out of every device.', 'Brilliant — the new version forgets my login every single morning.'],
          ['Really makes me feel safe about my home security.', 'Just what I wanted at 6 am.'],
          ['Fix the app.', ''],
        ],
        short: [
          'Great, another update that logs me out of every device. Love it. 🙃',
          'Love how the app forgets my login every single morning. Really great work.',
          "Fantastic, the 'improved' timeline now takes 20 seconds to load. Thanks so much.",
        ],
      },
      de: {
        short: ['Super, schon wieder ein Update, nach dem ich überall abgemeldet bin. Danke auch. 🙃'],
      },
    },
  },
  {
    id: 'sarcasm-support',
    sentiment: 'negative',
    tags: ['support'],
    products: ANY_PRODUCT,
    channels: ['social', 'survey'],
    cat: 'support',
    weight: 0.35,
    text: {
      en: {
        short: [
          'Wow, only 45 minutes in the chat queue. Amazing service.',
          'Thanks for closing my ticket without reading it. Brilliant.',
          'Five days to get a copy-paste answer. Impressive.',
        ],
      },
    },
  },
  {
    id: 'nightvision-not-happy',
    sentiment: 'negative',
    tags: ['video-quality'],
    products: [CAM, BELL],
    channels: ['email', 'chat', 'review'],
    cat: 'device',
    text: {
      en: {
        subj: ['Poor night vision', 'Night mode quality', 'Grainy video at night'],
        long: [
          ['Not happy with the night vision on the {product}.', 'Night mode on my {product} is not what the product page showed.', "I'm not happy with the picture quality at night."],
          ['Faces are a blur past two metres.', 'Everything after dark is grainy and smeared.', 'The IR light washes out the whole picture.', 'In daylight it is okay.'],
          ["Is there a setting I'm missing, or is this just how it is?", 'I expected better for the price.', 'Considering returning it.'],
        ],
        short: ["not happy with the night vision, it's a blur", 'Night video on the {product} is really grainy. Not what I expected.'],
      },
      de: {
        subj: ['Schlechte Nachtsicht', 'Bildqualität nachts'],
        long: [
          ['Mit der Nachtsicht der {product} bin ich nicht zufrieden.', 'Die Nachtaufnahmen sind nicht annähernd so gut wie im Produktvideo.'],
          ['Ab zwei Metern sind Gesichter nur noch ein Fleck.', 'Alles ist körnig und verschmiert.', 'Tagsüber ist das Bild in Ordnung.'],
          ['Gibt es eine Einstellung, die ich übersehe?', 'Für den Preis hatte ich mehr erwartet.'],
        ],
        short: ['Nachtsicht ist leider nur Pixelbrei. Nicht zufrieden.', 'Nachts erkennt man auf der Kamera gar nichts.'],
      },
      fr: {
        subj: ['Vision nocturne décevante', "Qualité d'image la nuit"],
        long: [
          ['La vision nocturne de la {product} ne me plaît pas du tout.', 'Les images de nuit ne ressemblent pas du tout à la vidéo de présentation.'],
          ['Au-delà de deux mètres, les visages sont flous.', 'Tout est granuleux et baveux.', "De jour, l'image est correcte."],
          ["Y a-t-il un réglage qui m'échappe ?", "Pour ce prix, je m'attendais à mieux."],
        ],
        short: ['Vision de nuit pas terrible du tout, tout est flou.', 'La nuit on ne voit rien sur la caméra.'],
      },
      es: {
        subj: ['Mala visión nocturna', 'Calidad de imagen por la noche'],
        long: [
          ['No estoy conforme con la visión nocturna de la {product}.', 'Las imágenes de noche no se parecen en nada a las del vídeo promocional.'],
          ['A partir de dos metros no se distinguen las caras.', 'Todo sale granulado y borroso.', 'De día la imagen está bien.'],
          ['¿Hay algún ajuste que se me escape?', 'Por este precio esperaba más.'],
        ],
        short: ['La visión nocturna no vale nada, todo borroso.', 'De noche no se ve nada en la cámara.'],
      },
      pt: {
        subj: ['Visão noturna ruim', 'Qualidade da imagem à noite'],
        long: [
          ['Não gostei nada da visão noturna da {product}.', 'As imagens à noite não têm nada a ver com o vídeo de divulgação.'],
          ['A partir de dois metros não dá pra reconhecer rosto.', 'Fica tudo granulado e borrado.', 'De dia a imagem é boa.'],
          ['Tem alguma configuração que eu não vi?', 'Pelo preço, esperava mais.'],
        ],
        short: ['Visão noturna não presta, tudo borrado.', 'À noite não se vê nada na câmera.'],
      },
    },
  },
  {
    id: 'price-increase',
    sentiment: 'negative',
    tags: ['pricing'],
    products: [CLOUD],
    channels: ['email', 'social', 'chat'],
    cat: 'feedback',
    text: {
      en: {
        subj: ['Price increase', 'Lumo Cloud price change', 'Why is Cloud Plus more expensive?'],
        long: [
          [
            'I just got the email that Lumo Cloud Plus is going from {amount} to {amountUp} a month.',
            'A 50% price increase for Lumo Cloud with two weeks’ notice?',
            'Another price increase for Lumo Cloud?',
          ],
          ['Nothing new has been added since last year.', 'I bought four cameras partly because of the cloud price.', "That's the second increase in a year.", ''],
          ["I'll be looking at alternatives.", "Not okay. Please explain what I'm getting for the extra money.", "If this goes through I'm cancelling."],
        ],
        short: ['50% price increase on Lumo Cloud with two weeks’ notice. No thanks.', 'Lumo Cloud price hike again? Seriously?'],
      },
      de: {
        subj: ['Preiserhöhung Lumo Cloud', 'Neue Preise'],
        long: [
          ['Gerade kam die Mail, dass Lumo Cloud Plus von {amount} auf {amountUp} im Monat steigt.', 'Schon wieder eine Preiserhöhung bei Lumo Cloud?'],
          ['Neue Funktionen gab es seit einem Jahr keine.', 'Ich habe mir vier Kameras auch wegen des Cloud-Preises gekauft.', ''],
          ['Ich schaue mich jetzt nach Alternativen um.', 'Wenn das so kommt, kündige ich.'],
        ],
        short: ['50 % Preiserhöhung bei Lumo Cloud mit zwei Wochen Vorlauf. Nein danke.', 'Lumo Cloud schon wieder teurer? Ernsthaft?'],
      },
      fr: {
        subj: ['Hausse de prix Lumo Cloud', "Augmentation de l'abonnement"],
        long: [
          ['Je viens de recevoir le mail : Lumo Cloud Plus passe de {amount} à {amountUp} par mois.', 'Encore une hausse de prix pour Lumo Cloud ?'],
          ['Aucune nouvelle fonctionnalité depuis un an.', "C'est la deuxième augmentation en un an.", ''],
          ['Je vais regarder la concurrence.', 'Si c’est maintenu, je résilie.'],
        ],
        short: ['+50 % sur Lumo Cloud avec deux semaines de préavis. Non merci.', 'Lumo Cloud encore plus cher ? Sérieusement ?'],
      },
    },
  },
  {
    id: 'battery-drain',
    sentiment: 'negative',
    tags: ['performance'],
    products: [BELL],
    channels: ['email', 'chat', 'review', 'social'],
    cat: 'device',
    text: {
      en: {
        subj: ['Doorbell battery drains fast', 'Battery lasts a week', 'Battery life'],
        long: [
          ['The battery in my Lumo Doorbell lasts about ten days.', 'The box says up to 6 months of battery. Mine is empty after two weeks.'],
          ["I've already reduced motion sensitivity and turned off pre-roll.", "It's not a busy street — maybe 20 events a day.", ''],
          ['Is the battery faulty?', 'Can you send a replacement?', 'What else can I do?'],
        ],
        short: ['doorbell battery dead again after 9 days', 'Battery on the Lumo Doorbell lasts a week. The box says 6 months.'],
      },
      de: {
        subj: ['Akku hält nicht', 'Akkulaufzeit Doorbell'],
        long: [
          ['Der Akku meiner Lumo Doorbell hält nur etwa zehn Tage.', 'Auf der Verpackung stehen bis zu 6 Monate Akkulaufzeit, bei mir ist nach zwei Wochen Schluss.'],
          ['Die Bewegungsempfindlichkeit habe ich schon reduziert.', 'Bei uns ist wenig los, vielleicht 20 Ereignisse am Tag.', ''],
          ['Ist der Akku defekt?', 'Können Sie mir ein Ersatzgerät schicken?'],
        ],
        short: ['Akku der Doorbell nach 9 Tagen wieder leer.', 'Akkulaufzeit eine Woche statt 6 Monate. Ernsthaft?'],
      },
      fr: {
        subj: ['Autonomie de la batterie', 'La batterie ne tient pas'],
        long: [
          ['La batterie de ma Lumo Doorbell ne tient qu’une dizaine de jours.', "La boîte annonce jusqu'à 6 mois d'autonomie, la mienne est vide au bout de deux semaines."],
          ["J'ai déjà baissé la sensibilité de détection.", 'La rue est calme, une vingtaine d’événements par jour.', ''],
          ['La batterie est-elle défectueuse ?', "Pouvez-vous m'envoyer un appareil de remplacement ?"],
        ],
        short: ['Batterie de la sonnette déjà vide après 9 jours.', "Une semaine d'autonomie au lieu de 6 mois. Sérieusement ?"],
      },
      es: {
        subj: ['La batería no dura', 'Duración de la batería'],
        long: [
          ['La batería de mi Lumo Doorbell dura unos diez días.', 'En la caja pone hasta 6 meses de batería y la mía se agota en dos semanas.'],
          ['Ya he bajado la sensibilidad de movimiento.', 'Es una calle tranquila, unos 20 eventos al día.', ''],
          ['¿Está defectuosa la batería?', '¿Me podéis enviar una unidad de sustitución?'],
        ],
        short: ['La batería del timbre otra vez agotada en 9 días.', 'Una semana de batería en vez de 6 meses. ¿En serio?'],
      },
      pt: {
        subj: ['Bateria não dura', 'Duração da bateria'],
        long: [
          ['A bateria da minha Lumo Doorbell dura uns dez dias.', 'Na caixa diz até 6 meses de bateria e a minha acaba em duas semanas.'],
          ['Já diminuí a sensibilidade de movimento.', ''],
          ['A bateria está com defeito?', 'Vocês podem mandar uma unidade de troca?'],
        ],
        short: ['Bateria da campainha acabou de novo em 9 dias.', 'Uma semana de bateria em vez de 6 meses. Sério?'],
      },
    },
  },
  {
    id: 'app-slow',
    sentiment: 'negative',
    tags: ['performance'],
    products: [APP],
    channels: ['email', 'chat', 'social', 'review'],
    cat: 'app',
    text: {
      en: {
        subj: ['App very slow', 'Live view loading time', 'Slow timeline'],
        long: [
          ['Live view takes 15–20 seconds to load.', 'The app has become really slow since the last update.', 'Opening the timeline takes forever now.'],
          ['By the time the picture loads, whoever rang the bell has left.', 'Fast Wi-Fi, new phone, same problem.', ''],
          ['Please look into it.', 'It used to be instant.', 'Is this on your side?'],
        ],
        short: ['live view takes 20 seconds to load, why', 'App is so slow since the update', 'timeline takes ages to load now'],
      },
      de: {
        subj: ['App sehr langsam', 'Live-Ansicht lädt ewig'],
        long: [
          ['Die Live-Ansicht braucht 15–20 Sekunden zum Laden.', 'Seit dem letzten Update ist die App extrem langsam.'],
          ['Bis das Bild da ist, ist der Paketbote längst weg.', 'Schnelles WLAN, neues Handy, trotzdem dasselbe.', ''],
          ['Bitte schauen Sie sich das an.', 'Früher ging das sofort.'],
        ],
        short: ['Live-Ansicht lädt 20 Sekunden, warum?', 'App seit dem Update total lahm.'],
      },
    },
  },
  {
    id: 'hub-pairing',
    sentiment: 'negative',
    tags: ['bug', 'setup'],
    products: [HUB],
    channels: ['email', 'chat', 'review'],
    cat: 'device',
    text: {
      en: {
        subj: ["Sensors won't pair with Hub", 'Zigbee devices dropping', 'Pairing problem'],
        long: [
          ["My Lumo Hub won't pair with the new door sensors.", 'Half of my Zigbee devices dropped off the Lumo Hub overnight.', 'The Hub finds the sensor, then pairing fails at 90%.'],
          ["I've reset the sensors and the hub twice.", 'Everything was fine until firmware {fw}.', 'The lights still work, just not the sensors.', ''],
          ["Any idea what's going on?", "This is the third evening I've spent on it.", 'Please help.'],
        ],
        short: ["hub won't pair with my door sensors", 'Zigbee sensors dropping off the hub since {fw}'],
      },
    },
  },
  {
    id: 'homekit-missing',
    sentiment: 'negative',
    tags: ['feature-request', 'integration'],
    products: [HUB],
    channels: ['review', 'social', 'email'],
    cat: 'feedback',
    weight: 0.6,
    text: {
      en: {
        subj: ['No HomeKit support?', 'HomeKit'],
        long: [
          ['No HomeKit support? That should be on the box.', "Bought the Hub assuming it works with HomeKit. It doesn't."],
          ['The product page is vague about it.', 'Every other hub in this price range has it.', ''],
          ['Returning it.', 'Disappointed.'],
        ],
        short: ['No HomeKit support on the Lumo Hub? Returning it.', "Hub doesn't work with HomeKit and nobody mentions that before you buy."],
      },
    },
  },
  {
    id: 'survey-negative',
    sentiment: 'negative',
    tags: ['support'],
    products: ANY_PRODUCT,
    channels: ['survey'],
    cat: 'support',
    weight: 1.5,
    text: {
      en: {
        short: [
          'Took five days to get a reply.',
          'The agent just sent me a link to an article I had already read.',
          'Had to repeat my problem to three different people.',
          'Problem not solved.',
          'The agent was polite, but the problem is not solved and nobody followed up.',
          'No one called me back as promised.',
        ],
      },
      de: {
        short: [
          'Fünf Tage auf eine Antwort gewartet.',
          'Problem ist nicht gelöst.',
          'Musste mein Problem drei verschiedenen Leuten erklären.',
          'Man hat mir nur einen Link zu einem Artikel geschickt, den ich schon kannte.',
        ],
      },
      fr: {
        short: [
          'Cinq jours pour avoir une réponse.',
          'Problème non résolu.',
          "J'ai dû expliquer mon problème à trois personnes différentes.",
          "On m'a juste envoyé un lien vers un article que j'avais déjà lu.",
        ],
      },
      es: {
        short: [
          'Cinco días para recibir una respuesta.',
          'El problema sigue sin resolverse.',
          'Tuve que explicar el problema a tres personas distintas.',
          'Solo me mandaron un enlace a un artículo que ya había leído.',
        ],
      },
      pt: {
        short: ['Cinco dias pra ter uma resposta.', 'O problema não foi resolvido.', 'Tive que explicar o problema pra três pessoas diferentes.'],
      },
    },
  },
];

const NEUTRAL: Scenario[] = [
  {
    id: 'share-access',
    sentiment: 'neutral',
    tags: ['documentation'],
    products: [APP],
    channels: ['email', 'chat', 'social'],
    cat: 'info',
    text: {
      en: {
        subj: ['Sharing access with family', 'Add second user', 'Question about shared access'],
        long: [
          ['How do I give my partner access to the cameras?', 'Is it possible to add a second user to my account?', 'Can my parents see the doorbell feed from their own phones?'],
          ["I'd rather not share my password.", 'They have their own Lumo accounts.', ''],
          ['Thanks in advance.', 'Thanks!', 'Thanks in advance for your help.'],
        ],
        short: ['how do i add a second user to my account?', 'can my wife get access without my password?', 'Is there a guest access option? Thanks in advance'],
      },
      de: {
        subj: ['Zugriff für Familienmitglieder', 'Zweiter Benutzer'],
        long: [
          ['Wie kann ich meiner Partnerin Zugriff auf die Kameras geben?', 'Kann ich einen zweiten Benutzer zu meinem Konto hinzufügen?', 'Können meine Eltern die Türklingel auf ihrem eigenen Handy sehen?'],
          ['Mein Passwort möchte ich ungern weitergeben.', ''],
          ['Danke im Voraus!', 'Vielen Dank vorab.'],
        ],
        short: ['Wie füge ich einen zweiten Nutzer hinzu?', 'Gibt es einen Gastzugang? Danke im Voraus'],
      },
      fr: {
        subj: ["Partage d'accès", 'Ajouter un utilisateur'],
        long: [
          ['Comment donner accès aux caméras à mon conjoint ?', 'Est-il possible d’ajouter un deuxième utilisateur à mon compte ?', 'Mes parents peuvent-ils voir la sonnette depuis leur propre téléphone ?'],
          ['Je préfère ne pas partager mon mot de passe.', ''],
          ["Merci d'avance !", 'Merci par avance pour votre aide.'],
        ],
        short: ['Comment ajouter un deuxième utilisateur ?', "Il existe un accès invité ? Merci d'avance"],
      },
      es: {
        subj: ['Compartir acceso', 'Añadir usuario'],
        long: [
          ['¿Cómo le doy acceso a las cámaras a mi pareja?', '¿Se puede añadir un segundo usuario a mi cuenta?'],
          ['Prefiero no compartir mi contraseña.', ''],
          ['¡Gracias de antemano!', 'Muchas gracias de antemano.'],
        ],
        short: ['¿Cómo añado un segundo usuario?', '¿Hay acceso de invitado? Gracias de antemano'],
      },
      pt: {
        subj: ['Compartilhar acesso', 'Adicionar usuário'],
        long: [
          ['Como dou acesso às câmeras pra outra pessoa da família?', 'Dá pra adicionar um segundo usuário na minha conta?'],
          ['Prefiro não passar minha senha.', ''],
          ['Desde já agradeço!', 'Agradeço desde já.'],
        ],
        short: ['Como adiciono um segundo usuário?', 'Tem acesso de convidado? Desde já agradeço'],
      },
    },
  },
  {
    id: 'plan-question',
    sentiment: 'neutral',
    tags: ['pricing'],
    products: [CLOUD],
    channels: ['email', 'chat', 'social'],
    cat: 'info',
    text: {
      en: {
        subj: ['Which plan do I need?', 'Cloud Basic vs Plus', 'Question about Lumo Cloud plans'],
        long: [
          [
            "What's the difference between Lumo Cloud Basic and Plus?",
            'Does Lumo Cloud Plus cover all cameras or is it per device?',
            'I have three cameras — which Lumo Cloud plan do I need?',
          ],
          ['I mostly care about how long recordings are kept.', "The pricing page doesn't say how many days of history each plan keeps.", ''],
          ['Thanks in advance.', 'Thanks.'],
        ],
        short: ['does cloud plus cover all my cameras or per camera?', 'how many days of recordings does Basic keep?'],
      },
      de: {
        subj: ['Frage zu Lumo Cloud Tarifen', 'Basic oder Plus?'],
        long: [
          ['Was ist der Unterschied zwischen Lumo Cloud Basic und Plus?', 'Gilt Lumo Cloud Plus für alle Kameras oder pro Gerät?'],
          ['Mir geht es vor allem darum, wie lange Aufnahmen gespeichert werden.', ''],
          ['Danke im Voraus.', 'Vielen Dank.'],
        ],
        short: ['Gilt Cloud Plus für alle Kameras?', 'Wie viele Tage speichert Basic die Aufnahmen?'],
      },
      fr: {
        subj: ['Question sur les offres Lumo Cloud', 'Basic ou Plus ?'],
        long: [
          ['Quelle est la différence entre Lumo Cloud Basic et Plus ?', 'Lumo Cloud Plus couvre-t-il toutes les caméras ou faut-il un abonnement par appareil ?'],
          ["Ce qui m'intéresse surtout, c'est la durée de conservation des vidéos.", ''],
          ["Merci d'avance.", 'Merci.'],
        ],
        short: ["Cloud Plus, c'est pour toutes les caméras ou par caméra ?", "Combien de jours d'historique avec Basic ?"],
      },
      es: {
        subj: ['Duda sobre los planes de Lumo Cloud', '¿Basic o Plus?'],
        long: [
          ['¿Qué diferencia hay entre Lumo Cloud Basic y Plus?', '¿Lumo Cloud Plus cubre todas las cámaras o es por dispositivo?'],
          ['Lo que más me importa es cuánto tiempo se guardan las grabaciones.', ''],
          ['Gracias de antemano.', 'Gracias.'],
        ],
        short: ['¿Cloud Plus vale para todas las cámaras?', '¿Cuántos días guarda Basic las grabaciones?'],
      },
      pt: {
        subj: ['Dúvida sobre os planos do Lumo Cloud', 'Basic ou Plus?'],
        long: [
          ['Qual a diferença entre o Lumo Cloud Basic e o Plus?', 'O Lumo Cloud Plus vale pra todas as câmeras ou é por aparelho?'],
          ['O que mais me importa é por quanto tempo as gravações ficam salvas.', ''],
          ['Desde já agradeço.', 'Valeu.'],
        ],
        short: ['O Cloud Plus cobre todas as câmeras?', 'Quantos dias de gravação o Basic guarda?'],
      },
    },
  },
  {
    id: 'wifi-5ghz',
    sentiment: 'neutral',
    tags: ['setup'],
    products: HARDWARE,
    channels: ['email', 'chat', 'social'],
    cat: 'info',
    text: {
      en: {
        subj: ['5 GHz Wi-Fi support?', 'Wi-Fi question', 'Setup question'],
        long: [
          [
            'Does the {product} work on 5 GHz Wi-Fi or only 2.4?',
            'Quick question before I order: does the {product} support 5 GHz?',
            'My router only broadcasts one combined network. Will the {product} connect to it?',
          ],
          ['My router uses band steering.', "The setup guide doesn't mention it.", ''],
          ['Thanks in advance!', 'Thanks in advance for clarifying.'],
        ],
        short: ['does the {product} work with 5ghz wifi?', '{product} on 5 GHz — supported or not? thanks in advance'],
      },
      de: {
        products: [CAM, BELL],
        subj: ['Frage zu WLAN 5 GHz', 'Frage vor dem Kauf'],
        long: [
          ['Funktioniert die {product} auch im 5-GHz-WLAN oder nur mit 2,4 GHz?', 'Kurze Frage vor dem Kauf: Unterstützt die {product} 5 GHz?'],
          ['Mein Router nutzt Band Steering.', 'In der Anleitung habe ich dazu nichts gefunden.', ''],
          ['Danke im Voraus!', 'Vielen Dank vorab für die Info.'],
        ],
        short: ['Geht die {product} mit 5 GHz?', '5 GHz oder nur 2,4? Danke im Voraus'],
      },
      fr: {
        products: [CAM, BELL],
        subj: ['Question Wi-Fi 5 GHz', 'Question avant achat'],
        long: [
          ['Est-ce que la {product} fonctionne en Wi-Fi 5 GHz ou seulement en 2,4 GHz ?', "Petite question avant d'acheter : la {product} est-elle compatible 5 GHz ?"],
          ["Ma box n'a qu'un seul réseau pour les deux bandes.", "Je n'ai rien trouvé dans la notice.", ''],
          ["Merci d'avance !", 'Merci par avance pour votre réponse.'],
        ],
        short: ['La {product} marche en 5 GHz ?', "5 GHz ou seulement 2,4 ? Merci d'avance"],
      },
      es: {
        products: [CAM],
        subj: ['Duda sobre wifi 5 GHz', 'Pregunta antes de comprar'],
        long: [
          ['¿La Lumo Cam funciona con wifi de 5 GHz o solo con 2,4?', 'Antes de comprarla: ¿la Lumo Cam es compatible con 5 GHz?'],
          ['Mi router tiene una sola red para las dos bandas.', 'En el manual no he encontrado nada.', ''],
          ['¡Gracias de antemano!', 'Gracias de antemano por la respuesta.'],
        ],
        short: ['¿La cámara va con wifi de 5 GHz?', '¿5 GHz o solo 2,4? Gracias de antemano'],
      },
      pt: {
        products: [CAM],
        subj: ['Dúvida sobre Wi-Fi 5 GHz', 'Pergunta antes de comprar'],
        long: [
          ['A Lumo Cam funciona com Wi-Fi 5 GHz ou só 2,4?', 'Antes de comprar: a Lumo Cam é compatível com 5 GHz?'],
          ['Meu roteador tem uma rede só pras duas bandas.', 'Não achei nada no manual.', ''],
          ['Desde já agradeço!', 'Agradeço desde já pela resposta.'],
        ],
        short: ['A câmera funciona no 5 GHz?', '5 GHz ou só 2,4? Desde já agradeço'],
      },
    },
  },
  {
    id: 'invoice-vat',
    sentiment: 'neutral',
    tags: ['billing'],
    products: [CLOUD, CAM, HUB, BELL],
    channels: ['email', 'chat'],
    cat: 'info',
    weight: 0.7,
    text: {
      en: {
        subj: ['Invoice with VAT number', 'Invoice for order {order}', 'Billing address change'],
        long: [
          [
            'Could you send me an invoice for order {order} with our company name and VAT number on it?',
            'I need a proper invoice for my Lumo Cloud subscription for my expense report.',
            'Can you update the billing address on my account? We moved last month.',
          ],
          ['Company: Brightfield Studio Ltd, VAT GB 000 0000 00.', 'The receipt in the app only shows my name.', ''],
          ['Thanks.', 'Thanks in advance.', 'Many thanks.'],
        ],
        short: ['need an invoice with VAT number for {order}', 'how do I change my billing address?'],
      },
      de: {
        subj: ['Rechnung mit USt-IdNr.', 'Rechnung für Bestellung {order}'],
        long: [
          ['Könnten Sie mir für Bestellung {order} eine Rechnung mit Firmennamen und USt-IdNr. ausstellen?', 'Ich benötige für die Buchhaltung eine ordentliche Rechnung für mein Lumo Cloud Abo.'],
          ['Firma: Brückner Planung GmbH, USt-IdNr. DE000000000.', ''],
          ['Vielen Dank!', 'Danke im Voraus.'],
        ],
        short: ['Brauche eine Rechnung mit USt-IdNr. für {order}.'],
      },
    },
  },
  {
    id: 'feature-idea',
    sentiment: 'neutral',
    tags: ['feature-request'],
    products: [APP, HUB],
    channels: ['email', 'chat', 'social', 'survey', 'review'],
    cat: 'feedback',
    text: {
      en: {
        subj: ['Feature suggestion', 'Idea for the app', 'Roadmap question'],
        long: [
          [
            'It would be useful if the system could arm itself when the last person leaves the house.',
            'Feature suggestion: let us set different motion zones for day and night.',
            'Any plans for a widget that shows the doorbell feed on the lock screen?',
            'Could you add an option to export clips straight to a NAS?',
          ],
          ['Right now I do it manually every morning.', 'Other apps have this already.', ''],
          ['Just a suggestion.', 'Is this on the roadmap?', ''],
        ],
        short: ['any plans for geofencing?', 'feature request: export clips to NAS', 'would be nice to have a lock-screen widget for the doorbell'],
      },
      de: {
        subj: ['Verbesserungsvorschlag', 'Idee für die App'],
        long: [
          [
            'Es wäre praktisch, wenn sich das System automatisch scharf schaltet, sobald die letzte Person das Haus verlässt.',
            'Vorschlag: unterschiedliche Bewegungszonen für Tag und Nacht.',
            'Wäre es möglich, Clips direkt auf ein NAS zu exportieren?',
          ],
          ['Im Moment mache ich das jeden Morgen von Hand.', ''],
          ['Nur so als Idee.', 'Ist so etwas geplant?'],
        ],
        short: ['Gibt es Pläne für Geofencing?', 'Feature-Wunsch: Export auf NAS'],
      },
      fr: {
        subj: ['Suggestion', "Idée pour l'application"],
        long: [
          [
            "Ce serait pratique que l'alarme s'active toute seule quand la dernière personne quitte la maison.",
            'Suggestion : des zones de détection différentes le jour et la nuit.',
            "Pourriez-vous ajouter l'export des clips vers un NAS ?",
          ],
          ['Pour l’instant je le fais à la main tous les matins.', ''],
          ['Juste une idée.', 'Est-ce prévu ?'],
        ],
        short: ["Le géorepérage, c'est prévu ?", 'Suggestion : export des vidéos vers un NAS'],
      },
      es: {
        subj: ['Sugerencia', 'Idea para la app'],
        long: [
          [
            'Estaría bien que la alarma se activara sola cuando sale de casa la última persona.',
            'Sugerencia: zonas de movimiento distintas para el día y la noche.',
            '¿Podríais añadir la opción de exportar clips a un NAS?',
          ],
          ['Ahora mismo lo hago a mano cada mañana.', ''],
          ['Es solo una idea.', '¿Está previsto?'],
        ],
        short: ['¿Hay planes para geolocalización?', 'Sugerencia: exportar vídeos a un NAS'],
      },
      pt: {
        subj: ['Sugestão', 'Ideia pro app'],
        long: [
          ['Seria ótimo se o alarme ativasse sozinho quando a última pessoa sai de casa.', 'Sugestão: zonas de movimento diferentes pro dia e pra noite.'],
          ['Hoje faço isso na mão toda manhã.', ''],
          ['Fica a sugestão.', 'Isso está nos planos?'],
        ],
        short: ['Tem previsão de geofencing?', 'Sugestão: exportar vídeos pra um NAS'],
      },
    },
  },
  {
    id: 'order-status',
    sentiment: 'neutral',
    tags: ['delivery'],
    products: HARDWARE,
    channels: ['email', 'chat'],
    cat: 'order',
    text: {
      en: {
        subj: ['Order {order}', 'Shipping date', 'Question about my order'],
        long: [
          [
            'I placed order {order} on Sunday. Do you know when it will ship?',
            "Has order {order} shipped yet? I haven't had a confirmation.",
            'Any idea when order {order} will be dispatched?',
          ],
          ['No rush, just planning when to be home.', 'It’s a birthday present, so I’m trying to plan.', ''],
          ['Thanks.', 'Thanks in advance.'],
        ],
        short: ['when will {order} ship?', 'has {order} shipped yet?'],
      },
      de: {
        subj: ['Bestellung {order}', 'Frage zum Versand'],
        long: [
          ['Ich habe am Sonntag die Bestellung {order} aufgegeben. Wissen Sie schon, wann sie verschickt wird?', 'Ist Bestellung {order} schon unterwegs? Ich habe noch keine Versandbestätigung.'],
          ['Keine Eile, ich möchte nur planen, wann ich zu Hause bin.', ''],
          ['Danke!', 'Vielen Dank im Voraus.'],
        ],
        short: ['Wann wird {order} verschickt?', 'Ist {order} schon raus?'],
      },
      fr: {
        subj: ['Commande {order}', "Date d'expédition"],
        long: [
          ["J'ai passé la commande {order} dimanche. Savez-vous quand elle sera expédiée ?", "La commande {order} est-elle partie ? Je n'ai pas reçu de confirmation d'envoi."],
          ["Rien d'urgent, c'est juste pour m'organiser.", ''],
          ['Merci !', "Merci d'avance."],
        ],
        short: ["Quand est-ce que {order} sera expédiée ?", 'La commande {order} est partie ?'],
      },
      es: {
        subj: ['Pedido {order}', 'Fecha de envío'],
        long: [
          ['Hice el pedido {order} el domingo. ¿Sabéis cuándo se enviará?', '¿El pedido {order} ya ha salido? No me ha llegado la confirmación de envío.'],
          ['No corre prisa, es para organizarme.', ''],
          ['¡Gracias!', 'Gracias de antemano.'],
        ],
        short: ['¿Cuándo se envía el pedido {order}?', '¿Ha salido ya el pedido {order}?'],
      },
      pt: {
        subj: ['Pedido {order}', 'Prazo de envio'],
        long: [
          ['Fiz o pedido {order} no domingo. Vocês sabem quando vai ser enviado?', 'O pedido {order} já foi enviado? Não recebi confirmação.'],
          ['Sem pressa, é só pra me organizar.', ''],
          ['Valeu!', 'Desde já agradeço.'],
        ],
        short: ['Quando o pedido {order} vai ser enviado?', 'O pedido {order} já saiu?'],
      },
    },
  },
  {
    id: 'cancel-neutral',
    sentiment: 'neutral',
    tags: ['cancellation'],
    products: [CLOUD],
    channels: ['email', 'chat'],
    cat: 'cancel',
    text: {
      en: {
        subj: ['Cancel subscription', 'Cancellation', 'Ending Lumo Cloud'],
        long: [
          [
            'Please cancel my Lumo Cloud subscription at the end of the current billing period.',
            "I'd like to cancel Lumo Cloud Plus and keep the free tier.",
            "We're moving abroad and won't need Lumo Cloud anymore.",
          ],
          ["Moving to a flat where I can't mount cameras.", 'Nothing wrong with the service.', ''],
          ['Can you confirm once it’s done?', 'Please confirm by email.'],
        ],
        short: ['how do I cancel cloud plus but keep my account?', 'please cancel my subscription at the end of the month'],
      },
      de: {
        subj: ['Kündigung Lumo Cloud', 'Kündigung'],
        long: [
          ['Bitte kündigen Sie mein Lumo Cloud Abo zum Ende des aktuellen Abrechnungszeitraums.', 'Ich möchte Lumo Cloud Plus kündigen und den kostenlosen Tarif behalten.'],
          ['Wir ziehen um und brauchen die Kameras vorerst nicht.', 'Mit dem Service war alles in Ordnung.', ''],
          ['Bitte bestätigen Sie mir die Kündigung kurz per E-Mail.', 'Danke.'],
        ],
        short: ['Wie kündige ich Cloud Plus, ohne das Konto zu löschen?', 'Bitte Abo zum Monatsende kündigen.'],
      },
      fr: {
        subj: ['Résiliation Lumo Cloud', 'Résiliation'],
        long: [
          ['Merci de résilier mon abonnement Lumo Cloud à la fin de la période en cours.', "Je souhaite résilier Lumo Cloud Plus et garder l'offre gratuite."],
          ["Nous déménageons et n'aurons plus besoin des caméras.", 'Rien à redire sur le service.', ''],
          ['Pouvez-vous me confirmer la résiliation par e-mail ?', 'Merci.'],
        ],
        short: ['Comment résilier Cloud Plus sans supprimer mon compte ?', 'Merci de résilier mon abonnement à la fin du mois.'],
      },
      es: {
        subj: ['Baja de Lumo Cloud', 'Cancelar suscripción'],
        long: [
          ['Por favor, cancelad mi suscripción a Lumo Cloud al final del periodo actual.', 'Quiero darme de baja de Lumo Cloud Plus y quedarme con el plan gratuito.'],
          ['Nos mudamos y de momento no vamos a usar las cámaras.', 'El servicio ha estado bien.', ''],
          ['¿Me confirmáis la baja por correo?', 'Gracias.'],
        ],
        short: ['¿Cómo cancelo Cloud Plus sin borrar la cuenta?', 'Quiero darme de baja a final de mes.'],
      },
      pt: {
        subj: ['Cancelamento do Lumo Cloud', 'Cancelar assinatura'],
        long: [
          ['Por favor, cancelem minha assinatura do Lumo Cloud no fim do período atual.', 'Quero cancelar o Lumo Cloud Plus e ficar com o plano gratuito.'],
          ['Vamos mudar de casa e não vamos usar as câmeras por enquanto.', 'O serviço foi bom.', ''],
          ['Podem me confirmar o cancelamento por e-mail?', 'Valeu.'],
        ],
        short: ['Como cancelo o Cloud Plus sem apagar a conta?', 'Quero cancelar no fim do mês.'],
      },
    },
  },
  {
    id: 'mixed-survey',
    sentiment: 'neutral',
    tags: ['support'],
    products: ANY_PRODUCT,
    channels: ['survey'],
    cat: 'support',
    weight: 1.5,
    text: {
      en: {
        short: [
          'Agent was friendly, but it took three contacts to get it fixed.',
          'Fine in the end. Took a while.',
          'Issue solved, although I had to explain it twice.',
          'OK. The answer was correct, but it came after four days.',
          'Average. Got an answer, not much more.',
          'It was okay.',
          'Solved, but I was on hold for a while first.',
          'Neither good nor bad.',
          'The answer was fine; finding the contact form was not.',
        ],
      },
      de: {
        short: ['Der Mitarbeiter war freundlich, aber es hat drei Anläufe gebraucht.', 'Am Ende gelöst, hat aber gedauert.', 'Antwort war korrekt, kam aber erst nach vier Tagen.'],
      },
      fr: {
        short: [
          'Conseiller aimable, mais il a fallu trois échanges pour régler le problème.',
          'Résolu au final, mais ça a pris du temps.',
          'Réponse correcte, mais arrivée au bout de quatre jours.',
        ],
      },
      es: {
        short: [
          'El agente fue amable, pero hicieron falta tres contactos para solucionarlo.',
          'Al final se resolvió, aunque tardó bastante.',
          'La respuesta era correcta, pero llegó a los cuatro días.',
        ],
      },
      pt: {
        short: ['O atendente foi educado, mas precisei de três contatos pra resolver.', 'No fim resolveu, mas demorou.', 'A resposta estava certa, mas chegou depois de quatro dias.'],
      },
    },
  },
  {
    id: 'so-so-review',
    sentiment: 'neutral',
    tags: ['video-quality'],
    products: HARDWARE,
    channels: ['review'],
    cat: 'feedback',
    weight: 1.5,
    text: {
      en: {
        long: [
          ['Does what it says.', "It's fine.", 'Decent for the price.', 'Not bad, not amazing.'],
          [
            'Setup was straightforward, the picture is okay, the app is a bit cluttered.',
            'Motion detection is hit and miss, video quality is average.',
            'Works as expected most of the time; the app could be simpler.',
          ],
          ['Three stars.', 'Would buy again if it were on sale.', ''],
        ],
      },
      de: {
        long: [
          ['Macht, was es soll.', 'Ganz okay für den Preis.'],
          ['Einrichtung war einfach, Bild ist in Ordnung, die App ist etwas überladen.', 'Bewegungserkennung mal so, mal so.'],
          ['Drei Sterne.', ''],
        ],
      },
      fr: {
        long: [
          ['Fait le job.', 'Correct pour le prix.'],
          ["Installation simple, image correcte, l'appli est un peu chargée.", 'La détection de mouvement est aléatoire, la qualité vidéo moyenne.'],
          ['Trois étoiles.', ''],
        ],
      },
      es: {
        long: [
          ['Cumple.', 'Correcta para lo que cuesta.'],
          ['Fácil de instalar, la imagen está bien, la app es un poco confusa.', 'La detección de movimiento a veces sí, a veces no.'],
          ['Tres estrellas.', ''],
        ],
      },
      pt: {
        long: [
          ['Faz o que promete.', 'Ok pelo preço.'],
          ['Fácil de instalar, imagem razoável, o app é meio confuso.', 'A detecção de movimento às vezes funciona, às vezes não.'],
          ['Três estrelas.', ''],
        ],
      },
    },
  },
  {
    id: 'firmware-question',
    sentiment: 'neutral',
    tags: ['firmware', 'documentation'],
    products: HARDWARE,
    channels: ['email', 'chat', 'social'],
    cat: 'info',
    text: {
      en: {
        subj: ['Firmware {fw} question', 'Release notes?', 'Update question'],
        long: [
          [
            'Is firmware {fw} rolling out to all devices, or do I need to update manually?',
            'The app says an update is available for my {product}. Is it safe to install now, or should I wait?',
            "What changed in firmware {fw}? I can't find any release notes.",
          ],
          ["I'm away for two weeks and don't want it going offline while I'm gone.", ''],
          ['Thanks in advance.', 'Thanks.'],
        ],
        short: ['where are the release notes for {fw}?', 'is {fw} out for everyone yet?'],
      },
    },
  },
  {
    id: 'data-export',
    sentiment: 'neutral',
    tags: ['documentation', 'privacy'],
    products: [CLOUD],
    channels: ['email', 'chat'],
    cat: 'info',
    weight: 0.7,
    text: {
      en: {
        subj: ['Downloading my recordings', 'Data request', 'Where is my data stored?'],
        long: [
          [
            'How do I download all my recordings before I close my account?',
            "Under GDPR I'd like a copy of the personal data you hold about me.",
            'Where are recordings stored — EU or US?',
          ],
          ["I've got about a year of clips.", 'Please send it to the email address on the account.', ''],
          ['Thanks.', 'Thanks in advance.'],
        ],
        short: ['how do i bulk download recordings?', 'where is my footage stored, EU or US?'],
      },
    },
  },
  {
    id: 'integration-question',
    sentiment: 'neutral',
    tags: ['integration'],
    products: [HUB, BELL],
    channels: ['email', 'chat', 'social'],
    cat: 'info',
    text: {
      en: {
        subj: ['Google Home / Alexa', 'Integration question', 'API?'],
        long: [
          ['Does the {product} work with Google Home?', 'Can the {product} trigger Alexa routines?', "Is there an API or webhook for the {product}? I'd like to connect it to Home Assistant."],
          ['I already have a few other smart plugs set up.', ''],
          ['Thanks in advance.', 'Thanks.'],
        ],
        short: ['does the {product} work with google home?', 'any API for the {product}? want to hook it into home assistant'],
      },
    },
  },
];

const POSITIVE: Scenario[] = [
  {
    id: 'praise-agent',
    sentiment: 'positive',
    tags: ['praise', 'support'],
    products: ANY_PRODUCT,
    channels: ['email', 'chat', 'survey', 'social'],
    cat: 'support',
    weight: 1.4,
    text: {
      en: {
        subj: ['Thank you!', 'Great support', 'Thanks to {agent}'],
        long: [
          [
            'Just wanted to say thanks to {agent}, who sorted out my {product} in ten minutes.',
            '{agent} on your chat team was brilliant today.',
            'Huge thanks to {agent} for the patience yesterday.',
          ],
          ["Explained everything clearly and didn't make me feel stupid.", 'Quick, friendly, and the fix actually worked.', 'Walked me through the reset step by step.', ''],
          ['Please pass it on.', 'Great service.', "That's how support should be."],
        ],
        short: ['{agent} fixed it in 10 min, thank you!', 'shoutout to {agent} from Lumo support 🙌', 'Problem solved on the first try. Thanks {agent}!'],
      },
      de: {
        subj: ['Lob an den Support', 'Danke!'],
        long: [
          ['Ein großes Dankeschön an {agent} aus dem Support!', '{agent} im Chat war heute wirklich klasse.'],
          ['Alles verständlich erklärt und das Problem war in zehn Minuten gelöst.', 'Schnell, freundlich und die Lösung hat sofort funktioniert.', ''],
          ['Bitte weitergeben!', 'So muss Support sein.'],
        ],
        short: ['{agent} hat das in 10 Minuten gelöst, danke!', 'Top Support, danke {agent} 🙌'],
      },
      fr: {
        subj: ['Merci au support', 'Bravo !'],
        long: [
          ['Un grand merci à {agent} du support !', '{agent}, sur le chat, a été vraiment top aujourd’hui.'],
          ['Tout a été expliqué clairement et le problème a été réglé en dix minutes.', 'Rapide, aimable, et la solution a marché du premier coup.', ''],
          ['Merci de transmettre !', "C'est ça, un bon service client."],
        ],
        short: ['{agent} a tout réglé en 10 minutes, merci !', 'Super support, merci {agent} 🙌'],
      },
      es: {
        subj: ['Agradecimiento al soporte', '¡Gracias!'],
        long: [
          ['¡Muchísimas gracias a {agent}, del equipo de soporte!', '{agent}, en el chat, ha sido un encanto hoy.'],
          ['Me lo explicó todo clarísimo y en diez minutos estaba resuelto.', 'Rápido, amable y la solución funcionó a la primera.', ''],
          ['Transmitídselo, por favor.', 'Así da gusto.'],
        ],
        short: ['{agent} me lo solucionó en 10 minutos, ¡gracias!', 'Soporte de diez, gracias {agent} 🙌'],
      },
      pt: {
        subj: ['Elogio ao suporte', 'Valeu!'],
        long: [
          ['Um agradecimento enorme pro time de suporte, em especial pra {agent}!', 'Atendimento nota 10 de {agent} no chat hoje.'],
          ['Explicou tudo direitinho e em dez minutos estava resolvido.', 'Rápido, educado e a solução funcionou de primeira.', ''],
          ['Passem o recado!', 'É assim que tem que ser.'],
        ],
        short: ['{agent} resolveu em 10 minutos, valeu!', 'Suporte nota 10, valeu {agent} 🙌'],
      },
    },
  },
  {
    id: 'love-product',
    sentiment: 'positive',
    tags: ['praise'],
    products: HARDWARE,
    channels: ['review', 'social', 'email'],
    cat: 'feedback',
    weight: 1.4,
    text: {
      en: {
        subj: ['Just a thank you', 'Happy customer', 'Loving the {product}'],
        long: [
          ["Best {kind} I've owned.", 'Really impressed with the {product}.', 'Three months in and the {product} has been great.'],
          ['Setup took five minutes.', 'Picture is sharp, even at night.', 'Notifications are instant and the app is easy to use.', 'It just works.'],
          ['Highly recommend.', 'Already recommended it to two neighbours.', 'Would buy again.'],
        ],
        short: ['Love my new {product} ❤️', 'The {product} is brilliant. Setup took 5 minutes.', "Honestly the best {kind} I've had."],
      },
      de: {
        products: [CAM, BELL],
        subj: ['Einfach mal danke', 'Sehr zufrieden'],
        long: [
          ['Bin von der {product} wirklich begeistert.', 'Nach einem Monat habe ich mir eine zweite {product} gekauft.'],
          ['Einrichtung in fünf Minuten erledigt.', 'Das Bild ist scharf, auch nachts.', 'Benachrichtigungen kommen sofort.'],
          ['Klare Empfehlung.', 'Würde ich wieder kaufen.'],
        ],
        short: ['Liebe meine neue {product} ❤️', 'Die {product} ist echt super. In 5 Minuten eingerichtet.'],
      },
      fr: {
        products: [CAM, BELL],
        subj: ['Merci pour ce produit', 'Très bon produit'],
        long: [
          ['Franchement, la {product} est une réussite.', "Après un mois, j'ai acheté une deuxième {product}."],
          ['Installation en cinq minutes.', "L'image est nette, même la nuit.", 'Les notifications arrivent instantanément.'],
          ['Je recommande vivement.', 'Je rachèterais sans hésiter.'],
        ],
        short: ["J'adore ma nouvelle {product} ❤️", 'La {product} est top. Installée en 5 minutes.'],
      },
      es: {
        products: [CAM, BELL],
        subj: ['Muy contentos con el producto', 'Gracias'],
        long: [
          ['Me encanta mi {product}.', 'Mi {product} funciona genial; de hecho, ya tengo dos en casa.'],
          ['Se instala en cinco minutos.', 'La imagen es nítida, incluso de noche.', 'Las notificaciones llegan al instante.'],
          ['Lo recomiendo totalmente.', 'Volvería a comprarlo.'],
        ],
        short: ['Cómo me gusta mi {product} ❤️', 'Mi {product} va de maravilla, se instala en 5 minutos.'],
      },
      pt: {
        products: [CAM, BELL],
        subj: ['Produto excelente', 'Parabéns pelo produto'],
        long: [
          ['Amei minha {product}.', 'Depois de um mês com a primeira, já comprei a segunda {product}.'],
          ['Instalei em cinco minutos.', 'A imagem é nítida, até à noite.', 'As notificações chegam na hora.'],
          ['Super recomendo.', 'Compraria de novo.'],
        ],
        short: ['Amando minha nova {product} ❤️', 'A {product} é ótima. Instalei em 5 minutos.'],
      },
    },
  },
  {
    id: 'but-positive',
    sentiment: 'positive',
    tags: ['praise', 'setup'],
    products: HARDWARE,
    channels: ['review', 'email', 'social', 'survey'],
    cat: 'feedback',
    text: {
      en: {
        subj: ['Worth it', 'Happy in the end'],
        long: [
          [
            "Setup was a bit fiddly, but once it's running the {product} is fantastic.",
            'The manual could be clearer, but the {product} itself is excellent.',
            "Took me an hour to mount, but I couldn't be happier with it.",
          ],
          ['Rock solid for {n} months now.', 'Video quality is great.', ''],
          ['Recommended.', 'Very happy.', ''],
        ],
        short: ['Pairing took a couple of tries, but the {product} works perfectly now.', 'Not the easiest setup, but totally worth it.'],
      },
      de: {
        products: [CAM, BELL],
        subj: ['Hat sich gelohnt'],
        long: [
          ['Die Einrichtung war etwas fummelig, aber seitdem läuft die {product} einwandfrei.', 'Die Anleitung könnte besser sein, aber die {product} selbst ist klasse.'],
          ['Seit {n} Monaten ohne Aussetzer.', 'Videoqualität ist top.', ''],
          ['Sehr zufrieden.', 'Empfehlenswert.'],
        ],
        short: ['Koppeln hat zwei Versuche gebraucht, aber jetzt läuft alles perfekt.', 'Nicht die einfachste Einrichtung, aber hat sich gelohnt.'],
      },
      fr: {
        products: [CAM, BELL],
        subj: ['Ça valait le coup'],
        long: [
          ["L'installation a été un peu laborieuse, mais depuis la {product} fonctionne parfaitement.", 'La notice pourrait être plus claire, mais la {product} en elle-même est excellente.'],
          ['Aucun souci depuis {n} mois.', 'Qualité vidéo au top.', ''],
          ['Je recommande.', 'Que du bonheur.'],
        ],
        short: ["Il a fallu deux essais pour l'appairage, mais maintenant tout marche parfaitement.", 'Pas l’installation la plus simple, mais ça vaut vraiment le coup.'],
      },
      es: {
        subj: ['Merece la pena'],
        long: [
          ['La instalación fue un poco liosa, pero desde entonces mi {product} funciona de maravilla.', 'El manual podría ser más claro, pero el producto en sí es excelente.'],
          ['Ni un fallo en {n} meses.', 'La calidad de vídeo es buenísima.', ''],
          ['Lo recomiendo.', 'Muy buena compra.'],
        ],
        short: ['Costó dos intentos emparejarlo, pero ahora funciona perfecto.', 'No es lo más fácil de instalar, pero merece mucho la pena.'],
      },
      pt: {
        products: [CAM, BELL],
        subj: ['Valeu a pena'],
        long: [
          ['A instalação foi meio chatinha, mas desde então a {product} funciona perfeitamente.', 'O manual podia ser mais claro, mas a {product} em si é excelente.'],
          ['Nenhum problema em {n} meses.', 'Qualidade de vídeo excelente.', ''],
          ['Recomendo.', 'Valeu cada centavo.'],
        ],
        short: ['Precisei de duas tentativas pra parear, mas agora funciona perfeito.', 'Não é a instalação mais fácil, mas vale muito a pena.'],
      },
    },
  },
  {
    id: 'not-bad-at-all',
    sentiment: 'positive',
    tags: ['praise'],
    products: [CAM, BELL],
    channels: ['review', 'social'],
    cat: 'feedback',
    text: {
      en: {
        long: [
          ["Can't complain at all.", 'Honestly, not bad at all.', 'No complaints whatsoever.'],
          ['Zero issues in {n} months, and the night vision is way better than I expected.', "Haven't missed a single delivery since I installed it."],
          ['Would recommend.', ''],
        ],
        short: ['Not bad at all — night vision is way better than I expected.', "Can't complain. Zero issues in {n} months.", 'No complaints whatsoever, it just works.'],
      },
    },
  },
  {
    id: 'caught-on-camera',
    sentiment: 'positive',
    tags: ['praise'],
    products: [CAM, BELL],
    channels: ['social', 'review', 'email'],
    cat: 'feedback',
    text: {
      en: {
        subj: ['Your camera caught a thief', 'Thank you'],
        long: [
          ['Last week someone walked off with a parcel from our porch.', 'Someone tried the handle of our car at 3 am.'],
          ['The {product} got a clear shot of their face and the police took the clip.', 'The {product} recorded the whole thing in sharp detail.'],
          ['Thank you for a product that actually works when it matters.', 'Worth every penny.'],
        ],
        short: [
          'The {product} caught the guy who took our package 📦🚨 footage went straight to the police. thank you @LumoHome!',
          'The {product} clip helped us get our stolen parcel back 🙌',
          'Caught a fox raiding the bins at 3am 🦊😂 love this camera',
        ],
      },
      de: { short: ['Dank der {product} haben wir den Paketdieb auf Video 📦🚨 Danke @LumoHome!', 'Um 3 Uhr nachts einen Fuchs an der Mülltonne erwischt 🦊😂 Liebe diese Kamera'] },
      fr: {
        short: ['Grâce à la {product}, on a filmé le voleur de colis 📦🚨 Merci @LumoHome !', "Un renard pris en flagrant délit dans les poubelles à 3h du matin 🦊😂 j'adore cette caméra"],
      },
      es: { short: ['Gracias a mi {product} tenemos grabado al ladrón de paquetes 📦🚨 ¡Gracias @LumoHome!', 'Pillado un zorro en la basura a las 3 de la mañana 🦊😂 me encanta esta cámara'] },
      pt: { short: ['Graças à {product} a gente filmou o ladrão de encomenda 📦🚨 Valeu @LumoHome!', 'Flagrei um gato mexendo no lixo às 3 da manhã 🐈😂 amo essa câmera'] },
    },
  },
  {
    id: 'new-feature-praise',
    sentiment: 'positive',
    tags: ['praise', 'feature-request'],
    products: [APP],
    channels: ['social', 'review', 'email', 'chat'],
    cat: 'feedback',
    text: {
      en: {
        subj: ['Loving the new update', 'New activity zones'],
        long: [
          ['Loving the new activity zones in the app.', 'The new timeline in version {appv} is so much better.', 'Finally, dark mode! Thank you.'],
          ['Far fewer false alerts from the street now.', 'Scrubbing through clips is actually fast.', ''],
          ['Next wish: a lock-screen widget.', 'Would love a multi-camera view next.', 'Keep it up.'],
        ],
        short: ['new activity zones = no more alerts for every passing car 👏', 'dark mode finally!! thank you', 'The new timeline is sooo much better'],
      },
      de: {
        subj: ['Tolles Update'],
        long: [
          ['Die neuen Aktivitätszonen in der App sind super.', 'Endlich ein Dark Mode! Danke.'],
          ['Viel weniger Fehlalarme durch vorbeifahrende Autos.', ''],
          ['Nächster Wunsch: ein Widget für den Sperrbildschirm.', 'Weiter so!'],
        ],
        short: ['Neue Aktivitätszonen = endlich keine Alarme mehr bei jedem Auto 👏', 'Dark Mode!! Danke!'],
      },
      fr: {
        subj: ['Super mise à jour'],
        long: [
          ["Les nouvelles zones d'activité dans l'appli sont géniales.", 'Enfin un mode sombre ! Merci.'],
          ['Beaucoup moins de fausses alertes avec les voitures qui passent.', ''],
          ["Prochain souhait : un widget sur l'écran de verrouillage.", 'Continuez comme ça !'],
        ],
        short: ["Les nouvelles zones d'activité = enfin plus d'alerte à chaque voiture 👏", 'Mode sombre !! Merci !'],
      },
      es: {
        subj: ['Gran actualización'],
        long: [
          ['Las nuevas zonas de actividad de la app son una pasada.', '¡Por fin modo oscuro! Gracias.'],
          ['Muchas menos falsas alarmas con los coches que pasan.', ''],
          ['Próximo deseo: un widget en la pantalla de bloqueo.', '¡Seguid así!'],
        ],
        short: ['Nuevas zonas de actividad = por fin sin alertas por cada coche 👏', '¡¡Modo oscuro!! ¡Gracias!'],
      },
      pt: {
        subj: ['Atualização muito boa'],
        long: [
          ['As novas zonas de atividade do app ficaram ótimas.', 'Finalmente modo escuro! Valeu.'],
          ['Bem menos alarme falso com carro passando.', ''],
          ['Próximo pedido: um widget na tela de bloqueio.', 'Continuem assim!'],
        ],
        short: ['Novas zonas de atividade = finalmente sem alerta pra cada carro 👏', 'Modo escuro!! Valeu!'],
      },
    },
  },
  {
    id: 'docs-praise',
    sentiment: 'positive',
    tags: ['documentation', 'praise'],
    products: [HUB, APP],
    channels: ['email', 'social', 'survey'],
    cat: 'feedback',
    weight: 0.6,
    text: {
      en: {
        subj: ['Great setup guide', 'Helpful article'],
        long: [
          ['Your new setup guide for the Lumo Hub is really clear.', 'The help article on moving the Hub to a new router was spot on.'],
          ['Followed it step by step and everything worked first time.', ''],
          ['Thanks for writing it.', ''],
        ],
        short: ['The new setup guide is really clear, took 10 minutes start to finish.', 'Your help article on Zigbee pairing saved my evening. Thanks!'],
      },
    },
  },
  {
    id: 'renewal',
    sentiment: 'positive',
    tags: ['praise'],
    products: [CLOUD],
    channels: ['social', 'email', 'survey', 'review'],
    cat: 'feedback',
    weight: 0.7,
    text: {
      en: {
        subj: ['Renewed for another year', 'Happy Cloud Plus customer'],
        long: [
          ['Just renewed Lumo Cloud Plus for another year.', 'Two years on Lumo Cloud now.'],
          ['Reliable, and the 30-day history has saved us more than once.', "Never had an outage I'd notice.", ''],
          ['Worth every cent.', 'Keep up the good work.'],
        ],
        short: ['Just renewed Lumo Cloud for another year. Worth every cent.', 'Cloud Plus paid for itself the day someone tried our car door.'],
      },
    },
  },
  {
    id: 'survey-positive',
    sentiment: 'positive',
    tags: ['support'],
    products: ANY_PRODUCT,
    channels: ['survey'],
    cat: 'support',
    weight: 1.5,
    text: {
      en: {
        short: [
          'Quick and friendly, solved first time.',
          'Very helpful, thank you!',
          'Fast answer, clear instructions.',
          'The agent knew exactly what the problem was. Great.',
          'Excellent, no complaints.',
        ],
      },
      de: { short: ['Schnell und freundlich, beim ersten Mal gelöst.', 'Sehr hilfreich, danke!', 'Kompetente Beratung, klare Anleitung. Top.'] },
      fr: { short: ['Rapide et aimable, résolu du premier coup.', 'Très utile, merci !', 'Conseils clairs et efficaces. Parfait.'] },
      es: { short: ['Rápido y amable, resuelto a la primera.', '¡Muy útil, gracias!', 'Explicaciones claras y eficaces. Perfecto.'] },
      pt: { short: ['Rápido e educado, resolveu de primeira.', 'Ajudou muito, valeu!', 'Explicação clara e eficiente. Perfeito.'] },
    },
  },
];

const SCENARIOS: Scenario[] = [...NEGATIVE, ...NEUTRAL, ...POSITIVE];

// ---------------------------------------------------------------------------------------------
// Angry repeat contacts: written by hand, each one escalating over several weeks.
// ---------------------------------------------------------------------------------------------

interface ScriptedMessage {
  direction: MessageDirection;
  /** Agent name for 'out' and 'note'; the customer for 'in'. */
  author?: string;
  body: string;
  /** Minutes after the previous message of the item. */
  after: number;
}

interface ScriptedItem {
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

interface ScriptedCustomer {
  name: string;
  email: string | null;
  tier: CustomerTier;
  language: Lang;
  items: ScriptedItem[];
}

const REPEAT_CONTACTS: ScriptedCustomer[] = [
  {
    name: 'Dale Whitford',
    email: 'dale.whitford@example.com',
    tier: 'standard',
    language: 'en',
    items: [
      {
        ago: [52, 610],
        channel: 'email',
        subject: 'Charged twice for Lumo Cloud',
        product: CLOUD,
        status: 'replied',
        rating: null,
        tags: ['billing', 'refund'],
        first:
          "Hi,\n\nI've been charged $9.99 twice this month for Lumo Cloud Plus — both on the 1st, same card. I only have one account and one subscription.\n\nCould you refund the duplicate, please?\n\nThanks,\nDale",
        thread: [
          {
            direction: 'out',
            author: 'Sam Whitaker',
            after: 290,
            body: "Hi Dale,\n\nSorry about that — I can see both payments. I've asked our billing team to refund the duplicate; it should be back on your card within 5–7 business days.\n\nBest,\nSam\nLumo Support",
          },
        ],
      },
      {
        ago: [38, 200],
        channel: 'chat',
        subject: null,
        product: CLOUD,
        status: 'replied',
        rating: null,
        tags: ['refund'],
        first: 'Hi, I was told two weeks ago the duplicate Lumo Cloud charge would be refunded. Still nothing on my statement.',
        thread: [
          {
            direction: 'out',
            author: 'Priya Raman',
            after: 3,
            body: "Sorry about that, Dale. I can see the refund request is still pending with billing. I've escalated it and asked them to process it today.",
          },
          {
            direction: 'note',
            author: 'Priya Raman',
            after: 6,
            body: 'Refund from 2 weeks ago never executed — stuck in the billing queue. Escalated to Finance, FIN-2231.',
          },
        ],
      },
      {
        ago: [26, 955],
        channel: 'email',
        subject: 'Duplicate charge — third time asking',
        product: CLOUD,
        status: 'replied',
        rating: null,
        tags: ['refund', 'billing'],
        first:
          "Hello,\n\nThis is the third time I'm asking about this. I was charged twice for Lumo Cloud Plus at the start of last month. I was told the refund was on its way, then that it had been escalated. I still don't have my money and nobody has followed up.\n\nI've been a customer for three years and have four cameras on your cloud plan. I shouldn't have to chase you for $9.99 that you took by mistake.\n\nDale Whitford",
        thread: [
          { direction: 'note', author: 'Tom Ellery', after: 85, body: '3rd contact. FIN-2231 still open, no owner. Pinged the finance lead.' },
          {
            direction: 'out',
            author: 'Tom Ellery',
            after: 160,
            body: "Hi Dale,\n\nI'm sorry — you shouldn't have to chase this. I've personally flagged it to our finance lead and will confirm here as soon as the refund has gone through.\n\nKind regards,\nTom\nLumo Support",
          },
        ],
      },
      {
        ago: [14, 75],
        channel: 'social',
        subject: null,
        product: CLOUD,
        status: 'replied',
        rating: null,
        tags: ['refund'],
        first: '@LumoHome 5 weeks and still waiting for a refund you admitted you owe me. Three contacts, three promises. 🙄',
        thread: [
          {
            direction: 'out',
            author: 'Maya Ortiz',
            after: 42,
            body: "Hi Dale, we're sorry about this. We've sent you a DM so we can get it sorted today.",
          },
        ],
      },
      {
        ago: [2, 310],
        channel: 'email',
        subject: 'Final notice: I will dispute the charge',
        product: CLOUD,
        status: 'open',
        rating: null,
        tags: ['refund', 'billing'],
        first:
          "To whoever reads this,\n\nI have now contacted you four times about a duplicate charge of $9.99 from over seven weeks ago. Every time I'm told it's being handled. It isn't.\n\nIf the money isn't back on my card by Friday, I will dispute the charge with my bank and cancel Lumo Cloud on all four cameras.\n\nDale Whitford",
        thread: [
          {
            direction: 'note',
            author: 'Tom Ellery',
            after: 47,
            body: 'Manager review needed — see FIN-2231. Please do NOT send a template reply; call him back on +1 (415) 555-0142.',
          },
        ],
      },
    ],
  },
  {
    name: 'Marcus Bellamy',
    email: 'marcus.bellamy@example.org',
    tier: 'premium',
    language: 'en',
    items: [
      {
        ago: [74, 420],
        channel: 'email',
        subject: 'Doorbell stopped charging',
        product: BELL,
        status: 'resolved',
        rating: null,
        tags: ['bug', 'warranty'],
        first:
          "Hi there,\n\nMy Lumo Doorbell (bought in the spring) has stopped charging. The LED flashes red when I plug it in and the battery stays at 0%. I've tried two different cables and chargers.\n\nIt should still be under warranty. What are the next steps?\n\nRegards,\nMarcus Bellamy",
        thread: [
          {
            direction: 'out',
            author: 'Grace Adeyemi',
            after: 380,
            body: 'Hi Marcus,\n\nSorry to hear that. Could you send me the serial number from the back of the doorbell (or App → Device → Device info) so I can set up a warranty replacement?\n\nBest,\nGrace\nLumo Support',
          },
          { direction: 'in', after: 210, body: 'Serial is LD3-7F21-0094.\n\nMarcus' },
          {
            direction: 'out',
            author: 'Grace Adeyemi',
            after: 1310,
            body: "Thanks, Marcus. Your warranty replacement is approved and will ship within 5 business days. You'll get tracking by email.\n\nBest,\nGrace\nLumo Support",
          },
        ],
      },
      {
        ago: [58, 35],
        channel: 'chat',
        subject: null,
        product: BELL,
        status: 'replied',
        rating: null,
        tags: ['delivery', 'warranty'],
        first: 'Hi. The replacement doorbell was supposed to ship within 5 business days. That was over two weeks ago and I have no tracking.',
        thread: [
          {
            direction: 'out',
            author: 'Sam Whitaker',
            after: 4,
            body: "Sorry about that, Marcus. I can see the replacement is on backorder — the warehouse expects stock next week and it'll go out then.",
          },
          { direction: 'in', after: 2, body: 'So nobody was going to tell me?' },
          {
            direction: 'out',
            author: 'Sam Whitaker',
            after: 3,
            body: "You're right, you should have been told. I've added a note so you're updated as soon as it ships.",
          },
        ],
      },
      {
        ago: [43, 880],
        channel: 'email',
        subject: 'Still no replacement doorbell',
        product: BELL,
        status: 'open',
        rating: null,
        tags: ['delivery', 'warranty'],
        first:
          "Hi,\n\nStill waiting. No replacement, no tracking, no update — I was promised an email as soon as it shipped. I've now been without a working doorbell for over a month, for a product that is under warranty.\n\nPlease tell me when it's actually going to arrive.\n\nMarcus",
        thread: [
          {
            direction: 'out',
            author: 'Grace Adeyemi',
            after: 540,
            body: "Hi Marcus,\n\nI'm sorry for the delay. Before I chase the warehouse: could you confirm the delivery address on the order is still correct?\n\nBest,\nGrace\nLumo Support",
          },
          { direction: 'in', after: 300, body: "Yes, same address. It hasn't changed since you sent me the original doorbell.\n\nMarcus" },
          { direction: 'note', author: 'Grace Adeyemi', after: 65, body: 'Warehouse: stock arrived, dispatch requested for RMA-5531.' },
        ],
      },
      {
        ago: [19, 505],
        channel: 'email',
        subject: 'THIRD time - where is my replacement?',
        product: BELL,
        status: 'replied',
        rating: null,
        tags: ['delivery', 'warranty'],
        first:
          "This is the third time I'm writing about the same replacement doorbell.\n\nTwo months. Two promises. Zero doorbells. I'm honestly done with this. Either it ships this week with tracking, or refund me in full and I'll buy something else.\n\nMarcus Bellamy",
        thread: [
          {
            direction: 'note',
            author: 'Grace Adeyemi',
            after: 30,
            body: 'Escalated to the warehouse manager. Premium customer — offering 3 months of Cloud Plus as goodwill.',
          },
          {
            direction: 'out',
            author: 'Grace Adeyemi',
            after: 190,
            body: "Hi Marcus,\n\nI'm really sorry. The replacement shipped this afternoon by express — tracking number LM-802214. I've also added three months of Lumo Cloud Plus to your account for the trouble.\n\nBest,\nGrace\nLumo Support",
          },
        ],
      },
      {
        ago: [5, 1200],
        channel: 'review',
        subject: null,
        product: BELL,
        status: 'open',
        rating: 2,
        tags: ['warranty', 'support'],
        first:
          "The doorbell died after four months and it took two months and four contacts to get a replacement. The new one works, but I wouldn't want to go through that again.",
        thread: [],
      },
    ],
  },
  {
    name: 'Heike Brandt',
    email: 'heike.brandt@example.com',
    tier: 'standard',
    language: 'de',
    items: [
      {
        ago: [63, 330],
        channel: 'email',
        subject: 'Lumo Cam seit Update offline',
        product: CAM,
        status: 'replied',
        rating: null,
        tags: ['bug', 'connectivity'],
        first:
          'Hallo,\n\nseit dem Firmware-Update letzte Woche ist meine Lumo Cam im Garten mehrmals täglich offline. Vorher lief sie ein Jahr lang ohne Probleme. Das WLAN ist in Ordnung, der Repeater steht direkt daneben.\n\nKönnen Sie mir sagen, was da los ist?\n\nViele Grüße\nHeike Brandt',
        thread: [
          {
            direction: 'out',
            author: 'Jonas Keller',
            after: 470,
            body: 'Hallo Frau Brandt,\n\ndas tut mir leid. Können Sie mir die Seriennummer der Kamera schicken (App → Gerät → Geräteinfo)?\n\nViele Grüße\nJonas Keller\nLumo Support',
          },
          { direction: 'in', after: 290, body: 'Die Seriennummer ist LC2-88A1-3310.\n\nHeike Brandt' },
          {
            direction: 'out',
            author: 'Jonas Keller',
            after: 880,
            body: 'Hallo Frau Brandt,\n\ndanke! Das ist ein bekanntes Problem mit Firmware 4.2.1. Bis zum Fix hilft es meist, unter Geräteeinstellungen → Netzwerk den WLAN-Energiesparmodus zu deaktivieren.\n\nViele Grüße\nJonas Keller\nLumo Support',
          },
        ],
      },
      {
        ago: [47, 120],
        channel: 'email',
        subject: 'AW: Lumo Cam seit Update offline',
        product: CAM,
        status: 'replied',
        rating: null,
        tags: ['bug', 'connectivity'],
        first:
          'Hallo Herr Keller,\n\nder Tipp mit dem Energiesparmodus hat genau zwei Tage gehalten. Jetzt ist die Kamera wieder jeden Morgen offline. Wann kommt denn das Update, das das Problem behebt?\n\nGrüße\nHeike Brandt',
        thread: [
          {
            direction: 'out',
            author: 'Jonas Keller',
            after: 690,
            body: 'Hallo Frau Brandt,\n\ndas Update ist für Ende des Monats geplant. Ich melde mich, sobald es verfügbar ist.\n\nViele Grüße\nJonas Keller\nLumo Support',
          },
        ],
      },
      {
        ago: [29, 860],
        channel: 'chat',
        subject: null,
        product: CAM,
        status: 'replied',
        rating: null,
        tags: ['bug'],
        first: 'Ich frage jetzt zum dritten Mal nach. Ende des Monats ist vorbei, es gibt kein Update und die Kamera ist immer noch jeden Morgen offline.',
        thread: [
          {
            direction: 'out',
            author: 'Lena Hofmann',
            after: 6,
            body: 'Das tut mir sehr leid, Frau Brandt. Das Update hat sich leider verschoben. Ich gebe Ihren Fall direkt an unser Technikteam weiter.',
          },
          { direction: 'note', author: 'Lena Hofmann', after: 4, body: '3rd contact. Firmware fix slipped to 4.3.0 — customer very unhappy, consider a replacement unit.' },
        ],
      },
      {
        ago: [7, 640],
        channel: 'email',
        subject: 'Letzte Nachricht: Rückgabe oder Rückbuchung',
        product: CAM,
        status: 'open',
        rating: null,
        tags: ['bug', 'refund'],
        first:
          'Guten Tag,\n\nich warte immer noch. Seit zwei Monaten ist meine Kamera jeden Tag stundenlang offline, ich habe dreimal nachgefragt und wurde jedes Mal vertröstet.\n\nEntweder Sie schicken mir diese Woche ein funktionierendes Gerät, oder ich schicke die Kamera zurück und lasse die Zahlung über meine Kreditkarte zurückbuchen.\n\nHeike Brandt',
        thread: [{ direction: 'note', author: 'Jonas Keller', after: 115, body: 'Escalated to team lead. Replacement approved, waiting on stock.' }],
      },
    ],
  },
  {
    name: 'Carmen Ortega',
    email: 'carmen.ortega@example.com',
    tier: 'standard',
    language: 'es',
    items: [
      {
        ago: [33, 700],
        channel: 'email',
        subject: 'Cancelé la suscripción y me habéis cobrado',
        product: CLOUD,
        status: 'replied',
        rating: null,
        tags: ['cancellation', 'billing'],
        first:
          'Hola:\n\nEl mes pasado cancelé mi suscripción a Lumo Cloud desde la app (tengo el correo de confirmación) y este mes me habéis cobrado 9,99 € otra vez.\n\nPor favor, devolvedme el importe.\n\nUn saludo,\nCarmen Ortega',
        thread: [
          {
            direction: 'out',
            author: 'Lucía Herrera',
            after: 760,
            body: 'Hola, Carmen:\n\nSentimos las molestias. He pasado tu caso a facturación para que te devuelvan el cargo; te llegará en unos 5 días laborables.\n\nUn saludo,\nLucía Herrera\nSoporte Lumo',
          },
        ],
      },
      {
        ago: [17, 240],
        channel: 'chat',
        subject: null,
        product: CLOUD,
        status: 'replied',
        rating: null,
        tags: ['refund', 'cancellation'],
        first: 'Hola. Sigo esperando el reembolso que me prometisteis hace dos semanas. Y ahora me ha llegado otro aviso de renovación.',
        thread: [
          {
            direction: 'out',
            author: 'Diego Navarro',
            after: 5,
            body: 'Hola, Carmen. Lo siento mucho. Veo que la cancelación no se procesó bien; la he cancelado yo ahora mismo y he reclamado el reembolso a facturación.',
          },
        ],
      },
      {
        ago: [3, 95],
        channel: 'email',
        subject: 'Tercera vez que escribo',
        product: CLOUD,
        status: 'open',
        rating: null,
        tags: ['refund', 'billing'],
        first:
          'Buenas tardes:\n\nEs la tercera vez que escribo por lo mismo. Cancelé hace dos meses, me habéis cobrado dos veces desde entonces y el reembolso sigue sin llegar.\n\nSi esta semana no recibo el dinero, reclamaré los cargos a mi banco.\n\nCarmen Ortega',
        thread: [],
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

/** Generated (non-scripted) items per language; the scripted repeat contacts come on top. */
const LANGUAGE_QUOTA: Record<Lang, number> = { en: 225, de: 36, fr: 32, es: 29, pt: 22 };
const SENTIMENT_SHARE: Record<Sentiment, number> = { negative: 0.42, neutral: 0.31, positive: 0.27 };
const CHANNEL_WEIGHTS: (readonly [Channel, number])[] = [
  ['email', 38],
  ['chat', 30],
  ['social', 12],
  ['review', 11],
  ['survey', 9],
];
const VIP_LANGUAGES: Lang[] = ['en', 'en', 'en', 'de', 'fr'];
const FIRMWARE = ['4.2.1', '4.2.3', '4.3.0'];
const APP_VERSIONS = ['5.12.0', '5.12.1', '5.13.0'];
const SOCIAL_TAILS: Record<Sentiment, string[]> = {
  negative: ['😡', '🙄', '😤', '👎'],
  neutral: ['🤔'],
  positive: ['❤️', '🙌', '👏', '😍'],
};

type CustomerKind = 'contact' | 'handle' | 'reviewer';

interface CustomerDraft {
  ref: number;
  name: string;
  first: string;
  email: string | null;
  tier: CustomerTier;
  language: Lang;
  kind: CustomerKind;
}

interface ItemDraft {
  order: number;
  lang: Lang;
  sentiment: Sentiment;
  channel: Channel;
  scenario: Scenario;
  product: Product;
  t0: number;
  vars: Vars;
  agent: string;
  customer: CustomerDraft | null;
}

interface Built {
  order: number;
  customer: CustomerDraft;
  item: Omit<DemoItem, 'externalId' | 'customerKey'>;
}

type Step = AgentKind | 'thanks' | 'note' | 'info' | 'cthanks' | 'still';

const FULL_PATTERNS: Record<Sentiment, (readonly [Step[], number])[]> = {
  negative: [
    [['ask'], 3],
    [['ask', 'info'], 2],
    [['ask', 'info', 'resolve'], 3],
    [['ask', 'info', 'resolve', 'cthanks'], 2],
    [['answer'], 4],
    [['answer', 'still'], 2],
    [['answer', 'still', 'note'], 1],
    [['answer', 'cthanks'], 1],
    [['note', 'answer'], 2],
    [['resolve'], 2],
    [['resolve', 'cthanks'], 2],
    [['note'], 1],
  ],
  neutral: [
    [['answer'], 5],
    [['answer', 'cthanks'], 3],
    [['ask'], 2],
    [['ask', 'info', 'answer'], 2],
    [['ask', 'info', 'answer', 'cthanks'], 1],
    [['note', 'answer'], 1],
    [['resolve'], 2],
    [['resolve', 'cthanks'], 1],
  ],
  positive: [
    [['thanks'], 5],
    [['note'], 2],
    [['thanks', 'note'], 1],
    [['note', 'thanks'], 1],
  ],
};

const CHANNEL_PATTERNS: Partial<Record<Channel, Record<Sentiment, (readonly [Step[], number])[]>>> = {
  review: {
    negative: [
      [['answer'], 3],
      [['note'], 1],
      [['note', 'answer'], 1],
    ],
    neutral: [[['answer'], 1]],
    positive: [[['thanks'], 1]],
  },
  survey: {
    negative: [
      [['note'], 2],
      [['answer'], 1],
      [['note', 'answer'], 1],
    ],
    neutral: [[['note'], 1]],
    positive: [[['note'], 1]],
  },
  social: {
    negative: [
      [['ask'], 2],
      [['ask', 'info'], 1],
      [['answer'], 2],
      [['ask', 'info', 'resolve'], 1],
    ],
    neutral: [[['answer'], 1]],
    positive: [
      [['thanks'], 2],
      [['note'], 1],
    ],
  },
};

function variantOf(scenario: Scenario, lang: Lang): Variant | undefined {
  return scenario.text[lang];
}

function canRender(scenario: Scenario, lang: Lang, channel: Channel): boolean {
  const v = variantOf(scenario, lang);
  if (!v || !scenario.channels.includes(channel)) return false;
  if (channel === 'email') return Boolean(v.long && v.subj);
  return Boolean(v.short || v.long);
}

function firstNameOf(fullName: string): string {
  return fullName.split(' ')[0] ?? fullName;
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

const EMOJI = /\p{Extended_Pictographic}/u;
const CLOSING_THANKS = /thank|danke|dank |merci|gracias|agrade|valeu|obrigad/i;

function makeVars(rng: Rng, lang: Lang, product: Product): Vars {
  const kit = KITS[lang];
  const fw = rng.int(0, FIRMWARE.length - 2);
  const app = rng.int(0, APP_VERSIONS.length - 2);
  const serialPrefix = product === BELL ? 'LD3' : product === HUB ? 'LH1' : 'LC2';
  return {
    product,
    kind: KIND_EN[product],
    order: `LM-${rng.int(100000, 999999)}`,
    days: String(rng.int(3, 14)),
    n: String(rng.int(2, 11)),
    hours: String(rng.int(2, 4)),
    ticket: `#${rng.int(40000, 49999)}`,
    amount: kit.amount,
    amountUp: kit.amountUp,
    phone: kit.phone(rng),
    agent: firstNameOf(rng.pick(kit.agents)),
    fw: at(FIRMWARE, fw),
    fwnext: at(FIRMWARE, fw + 1),
    appv: at(APP_VERSIONS, app),
    appvnext: at(APP_VERSIONS, app + 1),
    serial: `${serialPrefix}-${rng.int(0x1000, 0xffff).toString(16).toUpperCase()}-${pad(rng.int(0, 9999), 4)}`,
    article: String(rng.int(1000, 9999)),
    n4: String(rng.int(1000, 9999)),
  };
}

/** One alternative per slot; empty alternatives drop the slot. */
function compose(rng: Rng, slots: string[][], opts: { paragraphs: boolean; maxSlots?: number }): string {
  const pieces = slots
    .slice(0, opts.maxSlots ?? slots.length)
    .map((alternatives) => rng.pick(alternatives))
    .filter((piece) => piece !== '');
  let text = '';
  pieces.forEach((piece, i) => {
    if (i > 0) text += opts.paragraphs && rng.chance(0.35) ? '\n\n' : ' ';
    text += piece;
  });
  return text;
}

function renderFirst(rng: Rng, d: ItemDraft, customer: CustomerDraft): { subject: string | null; body: string } {
  const v = variantOf(d.scenario, d.lang);
  if (!v) throw new Error(`scenario ${d.scenario.id} has no ${d.lang} text`);
  const kit = KITS[d.lang];
  const vars = d.vars;
  switch (d.channel) {
    case 'email': {
      if (!v.long || !v.subj) throw new Error(`scenario ${d.scenario.id} cannot be an e-mail`);
      const greet = rng.pick(kit.greet);
      const core = compose(rng, v.long, { paragraphs: true });
      // No "Thanks," sign-off under a closing line that already thanks.
      const sign = CLOSING_THANKS.test(core.slice(-40)) ? '' : rng.pick(d.sentiment === 'positive' ? kit.signPositive : kit.signNegative);
      const name = rng.chance(0.6) ? customer.first : customer.name;
      const body = `${greet ? `${greet}\n\n` : ''}${core}\n\n${sign ? `${sign}\n` : ''}${name}`;
      let subject = fill(rng.pick(v.subj), vars);
      if (d.lang === 'en' && rng.chance(0.1)) subject = subject.toLowerCase();
      return { subject, body: fill(body, vars) };
    }
    case 'chat': {
      const useShort = v.short && (!v.long || rng.chance(0.55));
      let text = useShort && v.short ? rng.pick(v.short) : compose(rng, v.long ?? [], { paragraphs: false, maxSlots: 2 });
      if (rng.chance(0.25)) text = rng.pick(kit.chatHello) + text;
      return { subject: null, body: fill(text, vars) };
    }
    case 'social': {
      let text = v.short ? rng.pick(v.short) : rng.pick(at(v.long ?? [], 0));
      if (!text.includes('@LumoHome') && rng.chance(0.3)) text = `@LumoHome ${text}`;
      if (!EMOJI.test(text) && rng.chance(0.4)) text = `${text} ${rng.pick(SOCIAL_TAILS[d.sentiment])}`;
      return { subject: null, body: fill(text, vars) };
    }
    case 'review': {
      const useLong = v.long && (!v.short || rng.chance(0.65));
      const text = useLong && v.long ? compose(rng, v.long, { paragraphs: false }) : rng.pick(v.short ?? []);
      return { subject: null, body: fill(text, vars) };
    }
    case 'survey': {
      const text = v.short ? rng.pick(v.short) : rng.pick(at(v.long ?? [], 0));
      return { subject: null, body: fill(text, vars) };
    }
  }
}

function ratingFor(rng: Rng, channel: Channel, sentiment: Sentiment): number | null {
  if (channel !== 'review' && channel !== 'survey') return null;
  if (sentiment === 'negative') return rng.weighted([
    [1, 3],
    [2, 2],
  ]);
  if (sentiment === 'neutral') return 3;
  return rng.weighted([
    [5, 3],
    [4, 2],
  ]);
}

function threadChance(t0: number, channel: Channel): number {
  const base = t0 < 45 ? 0.05 : t0 < 360 ? 0.2 : t0 < MINUTES_PER_DAY ? 0.32 : 0.41;
  const factor = channel === 'review' ? 0.6 : channel === 'survey' ? 0.7 : channel === 'social' ? 0.9 : 1;
  return base * factor;
}

function gapFor(rng: Rng, channel: Channel, step: Step, agentHasReplied: boolean): number {
  const r = rng.next();
  const isAgent = step === 'ask' || step === 'answer' || step === 'resolve' || step === 'thanks';
  if (step === 'note') return channel === 'chat' ? rng.int(1, 15) : rng.int(3, 120);
  switch (channel) {
    case 'chat':
      return isAgent ? (agentHasReplied ? rng.int(1, 6) : rng.int(1, 12)) : rng.int(1, 6);
    case 'email':
      return isAgent ? (agentHasReplied ? 30 : 20) + Math.floor(r * r * 1800) : 25 + Math.floor(r * r * 2200);
    case 'social':
      return isAgent ? rng.int(10, 240) : rng.int(5, 180);
    case 'review':
      return rng.int(120, 4000);
    case 'survey':
      return rng.int(60, 2000);
  }
}

function agentSignName(lang: Lang, agent: string): string {
  return lang === 'en' || lang === 'pt' ? firstNameOf(agent) : agent;
}

function initials(name: string): string {
  return name
    .split(' ')
    .map((part) => part[0] ?? '')
    .join('');
}

/** "Tried that, still broken" only follows advice that can be tried. */
const TRYABLE: ReadonlySet<ReplyCat> = new Set<ReplyCat>(['billing', 'device', 'app', 'login', 'delivery']);

function fitsCategory(steps: readonly Step[], cat: ReplyCat, sentiment: Sentiment, kit: LangKit): boolean {
  return steps.every((step) => {
    if (step === 'ask' || step === 'answer' || step === 'resolve') return kit.replies[cat][step].length > 0;
    if (step === 'still') return TRYABLE.has(cat);
    if (step === 'cthanks') return !(cat === 'feedback' && sentiment === 'negative');
    return true;
  });
}

function buildThread(
  rng: Rng,
  d: ItemDraft,
  customer: CustomerDraft,
): { messages: DemoMessage[]; status: Status } {
  const kit = KITS[d.lang];
  const cat = d.scenario.cat;
  // Untouched items stay open, except older ones that need no answer (public posts, surveys,
  // praise), which the team has closed without replying.
  const noThread = (): { messages: DemoMessage[]; status: Status } => {
    const publicOrSurvey = d.channel === 'social' || d.channel === 'review' || d.channel === 'survey';
    const closeChance = publicOrSurvey
      ? { positive: 0.75, neutral: 0.5, negative: 0.25 }[d.sentiment]
      : d.sentiment === 'positive'
        ? 0.5
        : 0;
    const closed = d.t0 > 7 * MINUTES_PER_DAY && rng.chance(closeChance);
    return { messages: [], status: closed ? 'closed' : 'open' };
  };
  if (!rng.chance(threadChance(d.t0, d.channel))) return noThread();

  const table = CHANNEL_PATTERNS[d.channel]?.[d.sentiment] ?? FULL_PATTERNS[d.sentiment];
  const usable = table.filter(([steps]) => fitsCategory(steps, cat, d.sentiment, kit));
  if (usable.length === 0) return noThread();
  let steps = rng.weighted(usable);
  const vipNote = customer.tier === 'vip' && steps.length < 4 && rng.chance(0.6);
  if (vipNote) steps = ['note', ...steps];

  const vars: Vars = { ...d.vars, first: customer.first, full: customer.name };
  const messages: DemoMessage[] = [];
  let cursor = d.t0;
  let status: Status = 'open';
  let agentHasReplied = false;
  let notesOnly = true;
  let askIndex = 0;

  for (const [index, step] of steps.entries()) {
    const gap = gapFor(rng, d.channel, step, agentHasReplied);
    if (cursor - gap < 0) break;
    cursor -= gap;
    let direction: MessageDirection;
    let author: string;
    let body: string;
    switch (step) {
      case 'ask':
      case 'answer':
      case 'resolve':
      case 'thanks': {
        const pool = step === 'thanks' ? kit.thanks : kit.replies[cat][step];
        const choice = rng.int(0, pool.length - 1);
        if (step === 'ask') askIndex = choice;
        const text = fill(at(pool, choice), vars);
        direction = 'out';
        author = d.agent;
        if (d.channel === 'email') {
          const greet = fill(rng.pick(kit.agentGreet), vars);
          const sign = fill(rng.pick(kit.agentSign), { agent: agentSignName(d.lang, d.agent) });
          body = `${greet}\n\n${text}\n\n${sign}`;
        } else if (d.channel === 'social') {
          body = `${text} ^${initials(d.agent)}`;
        } else {
          body = text;
        }
        agentHasReplied = true;
        status = step === 'ask' ? 'pending' : step === 'answer' ? 'replied' : step === 'resolve' ? 'resolved' : 'closed';
        break;
      }
      case 'info':
      case 'cthanks':
      case 'still': {
        // An answer matches the question asked: ask alternative i pairs with info alternative i.
        const info = kit.custInfo[INFO_GROUP[cat]];
        const text = fill(
          step === 'info' ? at(info, askIndex % info.length) : rng.pick(step === 'cthanks' ? kit.custThanks : kit.custStill),
          vars,
        );
        direction = 'in';
        author = customer.name;
        body = d.channel === 'email' ? `${text}\n\n${customer.first}` : text;
        status = step === 'cthanks' ? (status === 'resolved' ? 'closed' : 'resolved') : 'open';
        break;
      }
      case 'note': {
        const pool = vipNote && index === 0 ? VIP_NOTES : d.sentiment === 'positive' ? POSITIVE_NOTES : NOTES[cat];
        direction = 'note';
        author = d.agent;
        body = fill(rng.pick(pool), vars);
        break;
      }
    }
    if (step !== 'note') notesOnly = false;
    messages.push({ direction, author, body, minutesAgo: cursor });
  }
  if (messages.length === 0) return noThread();
  if (notesOnly && d.sentiment === 'positive') status = 'closed';
  return { messages, status };
}

class CustomerFactory {
  private readonly names = new Set<string>();
  private readonly emails = new Set<string>();
  private next = 0;
  readonly all: CustomerDraft[] = [];

  constructor(private readonly rng: Rng) {}

  reserve(name: string, email: string | null): void {
    this.names.add(name);
    if (email) this.emails.add(email);
  }

  add(draft: Omit<CustomerDraft, 'ref'>): CustomerDraft {
    const customer = { ...draft, ref: this.next++ };
    this.all.push(customer);
    return customer;
  }

  create(lang: Lang, kind: CustomerKind, tier: CustomerTier): CustomerDraft {
    const kit = KITS[lang];
    const rng = this.rng;
    for (;;) {
      const first = rng.pick(kit.firstNames);
      const last = rng.pick(kit.lastNames);
      const full = `${first} ${last}`;
      if (this.names.has(full)) continue;
      const f = slug(first);
      const l = slug(last);
      let name = full;
      let email: string | null = null;
      if (kind === 'contact') {
        const domain = rng.weighted([
          ['example.com', 6],
          ['example.org', 2],
          ['example.net', 2],
        ] as const);
        const local = rng.weighted([
          [`${f}.${l}`, 5],
          [`${f}${l.slice(0, 1)}${rng.int(10, 99)}`, 2],
          [`${f.slice(0, 1)}${l}`, 2],
        ] as const);
        email = `${local}@${domain}`;
        if (this.emails.has(email)) continue;
      } else if (kind === 'handle') {
        name = rng.weighted([
          [`@${f}_${l.slice(0, 1)}${rng.int(1, 99)}`, 3],
          [`@${f}${l}`, 2],
          [`@${l}.${f}`, 1],
        ] as const);
        if (this.names.has(name)) continue;
      } else {
        name = `${first} ${last.slice(0, 1)}.`;
        if (this.names.has(name)) continue;
      }
      this.names.add(full);
      this.names.add(name);
      if (email) this.emails.add(email);
      return this.add({ name, first, email, tier, language: lang, kind });
    }
  }
}

function kindFor(channel: Channel): CustomerKind {
  return channel === 'social' ? 'handle' : channel === 'review' ? 'reviewer' : 'contact';
}

/** Builds the whole demo inbox from a seed; the same seed always gives the same inbox. */
export function generateDemoInbox(seed: number): DemoInbox {
  const rng = new Rng(seed);

  // 1. What each generated item is about.
  const specs: { lang: Lang; sentiment: Sentiment }[] = [];
  for (const [lang, quota] of Object.entries(LANGUAGE_QUOTA) as [Lang, number][]) {
    const negative = Math.round(quota * SENTIMENT_SHARE.negative);
    const neutral = Math.round(quota * SENTIMENT_SHARE.neutral);
    for (let i = 0; i < quota; i++) {
      const sentiment: Sentiment = i < negative ? 'negative' : i < negative + neutral ? 'neutral' : 'positive';
      specs.push({ lang, sentiment });
    }
  }
  rng.shuffle(specs);

  // Stratified arrival times over 90 days, denser towards now.
  const span = SPAN_DAYS * MINUTES_PER_DAY - 30;
  const times = specs.map((_, i) => Math.max(1, Math.floor(span * ((i + rng.next()) / specs.length) ** 1.7)));

  const uses = new Map<string, number>();
  const drafts: ItemDraft[] = specs.map(({ lang, sentiment }, order) => {
    const feasible = CHANNEL_WEIGHTS.filter(([channel]) =>
      SCENARIOS.some((s) => s.sentiment === sentiment && canRender(s, lang, channel)),
    );
    const channel = rng.weighted(feasible);
    const candidates = SCENARIOS.filter((s) => s.sentiment === sentiment && canRender(s, lang, channel));
    const scenario = rng.weighted(
      candidates.map((s) => [s, (s.weight ?? 1) / (1 + (uses.get(`${lang}:${s.id}`) ?? 0))] as const),
    );
    uses.set(`${lang}:${scenario.id}`, (uses.get(`${lang}:${scenario.id}`) ?? 0) + 1);
    const product = rng.pick(variantOf(scenario, lang)?.products ?? scenario.products);
    return {
      order,
      lang,
      sentiment,
      channel,
      scenario,
      product,
      t0: at(times, order),
      vars: makeVars(rng, lang, product),
      agent: rng.pick(KITS[lang].agents),
      customer: null,
    };
  });

  // 2. Who wrote them: a few VIPs with several items, some returning customers, mostly new ones.
  const customers = new CustomerFactory(rng);
  for (const c of REPEAT_CONTACTS) customers.reserve(c.name, c.email);
  for (const lang of VIP_LANGUAGES) {
    const vip = customers.create(lang, 'contact', 'vip');
    const candidates = rng.shuffle(
      drafts.filter((d) => d.lang === lang && (d.channel === 'email' || d.channel === 'chat') && d.customer === null),
    );
    for (const d of candidates.slice(0, rng.int(2, 3))) d.customer = vip;
  }
  const returning: Record<Lang, CustomerDraft[]> = { en: [], de: [], fr: [], es: [], pt: [] };
  for (const d of drafts) {
    if (d.customer) continue;
    const kind = kindFor(d.channel);
    const pool = returning[d.lang];
    if (kind === 'contact' && pool.length > 0 && rng.chance(0.09)) {
      d.customer = rng.pick(pool);
      continue;
    }
    const tier: CustomerTier = kind === 'contact' && rng.chance(0.15) ? 'premium' : 'standard';
    const customer = customers.create(d.lang, kind, tier);
    if (kind === 'contact') pool.push(customer);
    d.customer = customer;
  }

  // 3. The words: first messages (avoiding exact repeats) and threads.
  const seenBodies = new Set<string>();
  const built: Built[] = drafts.map((d) => {
    const customer = d.customer;
    if (!customer) throw new Error('unassigned customer');
    let first = renderFirst(rng, d, customer);
    for (let attempt = 0; attempt < 40 && seenBodies.has(first.body); attempt++) first = renderFirst(rng, d, customer);
    seenBodies.add(first.body);
    const thread = buildThread(rng, d, customer);
    return {
      order: d.order,
      customer,
      item: {
        channel: d.channel,
        subject: first.subject,
        product: d.product,
        language: d.lang,
        status: thread.status,
        sentiment: d.sentiment,
        rating: ratingFor(rng, d.channel, d.sentiment),
        tags: [...d.scenario.tags],
        messages: [{ direction: 'in', author: customer.name, body: first.body, minutesAgo: d.t0 }, ...thread.messages],
      },
    };
  });

  // 4. The scripted repeat contacts.
  let order = built.length;
  for (const script of REPEAT_CONTACTS) {
    const first = script.name.split(' ')[0] ?? script.name;
    const customer = customers.add({
      name: script.name,
      first,
      email: script.email,
      tier: script.tier,
      language: script.language,
      kind: 'contact',
    });
    for (const s of script.items) {
      const t0 = s.ago[0] * MINUTES_PER_DAY + s.ago[1];
      let cursor = t0;
      const messages: DemoMessage[] = [{ direction: 'in', author: customer.name, body: s.first, minutesAgo: t0 }];
      for (const m of s.thread) {
        cursor -= m.after;
        messages.push({
          direction: m.direction,
          author: m.direction === 'in' ? customer.name : (m.author ?? null),
          body: m.body,
          minutesAgo: cursor,
        });
      }
      built.push({
        order: order++,
        customer,
        item: {
          channel: s.channel,
          subject: s.subject,
          product: s.product,
          language: script.language,
          status: s.status,
          sentiment: 'negative',
          rating: s.rating,
          tags: [...s.tags],
          messages,
        },
      });
    }
  }

  // 5. Oldest first; stable ids and customer keys in order of first appearance.
  built.sort((a, b) => {
    const ta = at(a.item.messages, 0).minutesAgo;
    const tb = at(b.item.messages, 0).minutesAgo;
    return tb - ta || a.order - b.order;
  });
  const keys = new Map<number, string>();
  const outCustomers: DemoCustomer[] = [];
  const items: DemoItem[] = built.map((b, i) => {
    let key = keys.get(b.customer.ref);
    if (key === undefined) {
      key = `cust-${pad(keys.size + 1, 4)}`;
      keys.set(b.customer.ref, key);
      outCustomers.push({
        key,
        name: b.customer.name,
        email: b.customer.email,
        tier: b.customer.tier,
        language: b.customer.language,
      });
    }
    return {
      externalId: `demo-${pad(i + 1, 4)}`,
      channel: b.item.channel,
      customerKey: key,
      subject: b.item.subject,
      product: b.item.product,
      language: b.item.language,
      status: b.item.status,
      sentiment: b.item.sentiment,
      rating: b.item.rating,
      tags: b.item.tags,
      messages: b.item.messages,
    };
  });

  return { version: 1, seed, customers: outCustomers, items };
}

/** Pretty-printed but compact: one customer or item per line. */
export function serializeDemoInbox(inbox: DemoInbox): string {
  const block = (rows: unknown[]): string => rows.map((row) => `    ${JSON.stringify(row)}`).join(',\n');
  return [
    '{',
    `  "version": ${JSON.stringify(inbox.version)},`,
    `  "seed": ${JSON.stringify(inbox.seed)},`,
    '  "customers": [',
    block(inbox.customers),
    '  ],',
    '  "items": [',
    block(inbox.items),
    '  ]',
    '}',
    '',
  ].join('\n');
}

function main(): void {
  const inbox = demoInboxSchema.parse(generateDemoInbox(DEFAULT_SEED));
  const target = fileURLToPath(new URL('../resources/demo/inbox.json', import.meta.url));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, serializeDemoInbox(inbox));
  console.log(`Wrote ${inbox.items.length} items and ${inbox.customers.length} customers to ${target}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main();
}
