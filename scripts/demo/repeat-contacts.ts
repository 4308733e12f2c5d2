/**
 * Angry repeat contacts: written by hand, each one escalating over several weeks. The generator
 * adds them on top of the generated items, always as negative.
 */
import { BELL, CAM, CLOUD, type ScriptedCustomer } from './types';

export const REPEAT_CONTACTS: ScriptedCustomer[] = [
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
