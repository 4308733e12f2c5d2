/**
 * The templates a new store starts with: one or more per default topic in English, and the
 * most asked-for ones in German, French and Spanish. Written to be sent as they are, with a
 * fallback for every name ("Hi {{customer.first_name|there}}"), and to promise nothing a
 * team cannot keep: no dates, amounts or policies a person has not checked.
 */
import type { TemplateFields } from '../../../shared/templates';

const sign = 'Best regards,\n{{agent.name|The support team}}';

export const DEFAULT_TEMPLATES: readonly TemplateFields[] = [
  {
    name: 'Refund: request received',
    language: 'en',
    topics: ['refund'],
    keywords: 'refund, money back, reimburse, return, charged',
    body: `Hi {{customer.first_name|there}},

Thank you for getting in touch, and I'm sorry {{product|the order}} didn't work out for you.

I've passed your refund request to our billing team. Once it's approved, the money goes back to the original payment method; your bank may take a few working days to show it.

If you have an order number or receipt to hand, reply with it and I'll make sure it's matched to your request.

${sign}`,
  },
  {
    name: 'Refund: where is my money',
    language: 'en',
    topics: ['refund', 'billing'],
    keywords: 'refund not received, still waiting, where is my refund, no refund yet',
    body: `Hi {{customer.first_name|there}},

I'm sorry you're still waiting for your refund, and thank you for your patience.

I've checked with our billing team and asked them to confirm where it stands. I'll write back as soon as I hear, and at the latest by the end of the next working day, even if it's only to tell you what's still missing.

${sign}`,
  },
  {
    name: 'Billing: wrong or double charge',
    language: 'en',
    topics: ['billing'],
    keywords: 'charged twice, double charge, invoice, overcharged, payment, wrong amount',
    body: `Hi {{customer.first_name|there}},

Thank you for flagging this, and I'm sorry for the worry an unexpected charge causes.

I'm looking into the payment now. To find it quickly, could you tell me the date and amount as they appear on your statement (the last four digits of the card are enough; please don't send the full number)?

Any charge made in error will be refunded in full.

${sign}`,
  },
  {
    name: 'Delivery: late or missing order',
    language: 'en',
    topics: ['delivery'],
    keywords: 'late delivery, where is my order, not arrived, tracking, shipping, parcel, package',
    body: `Hi {{customer.first_name|there}},

I'm sorry your order hasn't reached you yet. I know how frustrating it is to wait without news.

I've asked our shipping team to trace the parcel with the carrier. As soon as I have an update I'll let you know, and if it turns out to be lost we'll send a replacement or refund you, whichever you prefer.

${sign}`,
  },
  {
    name: 'Delivery: damaged item',
    language: 'en',
    topics: ['delivery', 'refund'],
    keywords: 'damaged, broken, arrived broken, wrong item, defective',
    body: `Hi {{customer.first_name|there}},

I'm sorry your order arrived in that state, that's not the experience we want for you.

Could you send a photo of the item and the packaging? As soon as I have it I'll arrange a replacement or a refund, whichever you prefer. You don't need to send the item back unless we ask.

${sign}`,
  },
  {
    name: 'Account: can\'t log in',
    language: 'en',
    topics: ['login and account'],
    keywords: 'login, log in, password, reset, locked out, two-factor, 2fa, sign in, account',
    body: `Hi {{customer.first_name|there}},

Sorry you're locked out; let's get you back in.

1. Use "Forgot password" on the sign-in page and follow the link we e-mail you (it's valid for one hour; check your spam folder too).
2. If the link doesn't arrive or doesn't work, reply here and tell me the e-mail address on the account. For your security, please never send your password.

${sign}`,
  },
  {
    name: 'Bug: investigating',
    language: 'en',
    topics: ['bug or crash'],
    keywords: 'bug, crash, error, broken, not working, freezes, error message',
    body: `Hi {{customer.first_name|there}},

Thank you for reporting this, and sorry for the trouble it's causing.

To help our engineers reproduce it, could you tell me:
- what you were doing when it happened,
- the device and version of {{product|the app}} you're using,
- any error message you saw (a screenshot is perfect)?

I'll keep you posted as soon as we know more.

${sign}`,
  },
  {
    name: 'Bug: fixed',
    language: 'en',
    topics: ['bug or crash'],
    keywords: 'fixed, resolved, update, new version',
    body: `Hi {{customer.first_name|there}},

Good news: the problem you reported has been fixed in the latest version of {{product|our app}}. Updating should make it disappear; if it doesn't, reply here and I'll look into it straight away.

Thank you for taking the time to report it, it helps everyone.

${sign}`,
  },
  {
    name: 'Performance: slow',
    language: 'en',
    topics: ['performance'],
    keywords: 'slow, lag, loading, takes forever, timeout, performance, outage, down',
    body: `Hi {{customer.first_name|there}},

Thanks for letting us know {{product|the service}} has been slow for you. I'm sorry, that gets in the way of your work.

Could you tell me roughly when it happens and what you were doing? If it's still happening, the time and your location help our team find the cause quickly.

${sign}`,
  },
  {
    name: 'Feature request: thanks',
    language: 'en',
    topics: ['feature request'],
    keywords: 'feature, would be great, please add, suggestion, wish, idea, missing',
    body: `Hi {{customer.first_name|there}},

Thank you for the suggestion! I've shared it with our product team, together with how you'd use it; requests like yours directly shape what we build next.

I can't promise when or whether it will arrive, but I've noted your conversation so we can tell you if it does.

${sign}`,
  },
  {
    name: 'Pricing: question',
    language: 'en',
    topics: ['pricing'],
    keywords: 'price, pricing, plan, discount, expensive, cost, upgrade',
    body: `Hi {{customer.first_name|there}},

Thanks for asking about pricing. I'd be glad to help you find the plan that fits.

Could you tell me roughly how you use {{product|our product}} (how many people, and which features matter most)? I'll come back with the options that suit you best.

${sign}`,
  },
  {
    name: 'Cancellation: confirm',
    language: 'en',
    topics: ['cancellation'],
    keywords: 'cancel, cancellation, unsubscribe, close account, terminate, stop subscription',
    body: `Hi {{customer.first_name|there}},

I'm sorry to see you go. I've passed on your cancellation request and you'll receive a confirmation e-mail once it's processed.

If something in particular made you leave, I'd really like to hear it; and if there's anything we could fix to change your mind, just reply here.

${sign}`,
  },
  {
    name: 'Praise: thank you',
    language: 'en',
    topics: ['praise'],
    keywords: 'thank you, great, love, amazing, excellent, happy',
    body: `Hi {{customer.first_name|there}},

Thank you so much for your kind words! I've shared them with the team, it really makes our day.

If there's ever anything we can do for you, just reply here.

${sign}`,
  },
  {
    name: 'Documentation: where to find it',
    language: 'en',
    topics: ['documentation'],
    keywords: 'documentation, docs, how to, guide, manual, instructions, help article',
    body: `Hi {{customer.first_name|there}},

Thanks for your question. I'm sorry the documentation didn't make this clear; I've passed that on so we can improve it.

Here's how to do it:
[steps]

If anything is still unclear, reply here and I'll walk you through it.

${sign}`,
  },
  {
    name: 'Need more information',
    language: 'en',
    topics: [],
    keywords: 'more information, details, unclear, question',
    body: `Hi {{customer.first_name|there}},

Thanks for getting in touch. So that I can help you properly, could you tell me a little more:
- what you expected to happen, and what happened instead,
- when it happened,
- any order or account number it concerns?

${sign}`,
  },
  {
    name: 'Escalated to a specialist',
    language: 'en',
    topics: [],
    keywords: 'escalate, manager, complaint, urgent, unacceptable, lawyer, legal',
    body: `Hi {{customer.first_name|there}},

I'm sorry for the trouble this has caused, and I understand why you're upset.

I've passed your case to a senior member of our team, with everything you've told us so you won't need to repeat it. They will contact you directly; I'll also keep an eye on it myself.

${sign}`,
  },
  {
    name: 'Rückerstattung: Anfrage erhalten',
    language: 'de',
    topics: ['refund'],
    keywords: 'Rückerstattung, Geld zurück, Erstattung, Rücksendung',
    body: `Hallo {{customer.first_name|}},

vielen Dank für Ihre Nachricht, und es tut mir leid, dass {{product|Ihre Bestellung}} nicht Ihren Erwartungen entsprochen hat.

Ich habe Ihren Erstattungswunsch an unser Buchhaltungsteam weitergegeben. Nach der Freigabe geht der Betrag auf das ursprüngliche Zahlungsmittel zurück; je nach Bank kann das einige Werktage dauern.

Mit freundlichen Grüßen
{{agent.name|Ihr Support-Team}}`,
  },
  {
    name: 'Lieferung: verspätet',
    language: 'de',
    topics: ['delivery'],
    keywords: 'Lieferung, Paket, Sendung, nicht angekommen, verspätet, Versand',
    body: `Hallo {{customer.first_name|}},

es tut mir leid, dass Ihre Bestellung noch nicht bei Ihnen angekommen ist.

Ich habe unser Versandteam gebeten, die Sendung beim Zusteller nachzuverfolgen, und melde mich, sobald ich Neuigkeiten habe. Sollte das Paket verloren gegangen sein, schicken wir Ihnen Ersatz oder erstatten den Betrag, ganz wie Sie möchten.

Mit freundlichen Grüßen
{{agent.name|Ihr Support-Team}}`,
  },
  {
    name: 'Fehler: wir prüfen das',
    language: 'de',
    topics: ['bug or crash'],
    keywords: 'Fehler, Absturz, funktioniert nicht, Problem, Fehlermeldung',
    body: `Hallo {{customer.first_name|}},

danke, dass Sie uns das melden, und entschuldigen Sie die Umstände.

Damit unser Team den Fehler nachstellen kann: Was haben Sie gerade gemacht, welches Gerät und welche Version nutzen Sie, und gab es eine Fehlermeldung (ein Screenshot hilft sehr)?

Mit freundlichen Grüßen
{{agent.name|Ihr Support-Team}}`,
  },
  {
    name: 'Remboursement : demande reçue',
    language: 'fr',
    topics: ['refund'],
    keywords: 'remboursement, rembourser, argent, retour',
    body: `Bonjour {{customer.first_name|}},

Merci pour votre message, et je suis désolé(e) que {{product|votre commande}} ne vous ait pas donné satisfaction.

J'ai transmis votre demande de remboursement à notre service facturation. Une fois validé, le montant sera reversé sur votre moyen de paiement d'origine ; votre banque peut mettre quelques jours ouvrés à l'afficher.

Bien cordialement,
{{agent.name|L'équipe support}}`,
  },
  {
    name: 'Livraison : commande en retard',
    language: 'fr',
    topics: ['delivery'],
    keywords: 'livraison, colis, commande, retard, pas reçu, suivi',
    body: `Bonjour {{customer.first_name|}},

Je suis désolé(e) que votre commande ne vous soit pas encore parvenue.

J'ai demandé à notre équipe logistique de suivre le colis auprès du transporteur et je reviens vers vous dès que j'ai des nouvelles. S'il s'avère perdu, nous vous enverrons un remplacement ou vous rembourserons, comme vous préférez.

Bien cordialement,
{{agent.name|L'équipe support}}`,
  },
  {
    name: 'Bug : nous regardons',
    language: 'fr',
    topics: ['bug or crash'],
    keywords: 'bug, plantage, erreur, ne fonctionne pas, problème',
    body: `Bonjour {{customer.first_name|}},

Merci de nous avoir signalé ce problème, et désolé(e) pour la gêne occasionnée.

Pour aider notre équipe à le reproduire : que faisiez-vous à ce moment-là, quel appareil et quelle version utilisez-vous, et avez-vous vu un message d'erreur (une capture d'écran est idéale) ?

Bien cordialement,
{{agent.name|L'équipe support}}`,
  },
  {
    name: 'Reembolso: solicitud recibida',
    language: 'es',
    topics: ['refund'],
    keywords: 'reembolso, devolución, dinero, devolver',
    body: `Hola {{customer.first_name|}}:

Gracias por escribirnos, y siento que {{product|su pedido}} no haya cumplido sus expectativas.

He enviado su solicitud de reembolso a nuestro equipo de facturación. Una vez aprobada, el importe se devolverá al método de pago original; su banco puede tardar unos días hábiles en reflejarlo.

Un saludo,
{{agent.name|El equipo de soporte}}`,
  },
  {
    name: 'Envío: pedido retrasado',
    language: 'es',
    topics: ['delivery'],
    keywords: 'envío, paquete, pedido, retraso, no ha llegado, seguimiento',
    body: `Hola {{customer.first_name|}}:

Siento que su pedido aún no le haya llegado.

He pedido a nuestro equipo de envíos que lo rastree con la empresa de transporte y le escribiré en cuanto sepa algo. Si el paquete se hubiera perdido, le enviaremos uno nuevo o le devolveremos el dinero, como prefiera.

Un saludo,
{{agent.name|El equipo de soporte}}`,
  },
];
