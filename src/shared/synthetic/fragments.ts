/**
 * The phrase library the synthetic generator composes support feedback from: per language,
 * subjects and sentences per topic and sentiment, e-mail greetings and sign-offs, detail
 * sentences, agent replies, customer follow-ups and names. Written for this generator (it
 * shares nothing with the hand-written demo inbox).
 *
 * Placeholders in braces are filled per item: {product} {order} {amount} {days} {device}
 * {plan} {version} {error} {name} (the customer's first name) {agent}.
 */

export const topics = ['billing', 'refund', 'login', 'shipping', 'bug', 'performance', 'feature-request', 'cancellation', 'integration', 'mobile'] as const;
export type Topic = (typeof topics)[number];

export interface TopicPhrases {
  subjects: readonly string[];
  negative: readonly string[];
  neutral: readonly string[];
  positive: readonly string[];
}

export interface LanguagePack {
  code: string;
  greetings: readonly string[];
  signoffs: readonly string[];
  topics: Record<Topic, TopicPhrases>;
  /** Sentiment sentences that fit any topic. */
  generic: { negative: readonly string[]; neutral: readonly string[]; positive: readonly string[] };
  /** Neutral details: order numbers, devices, versions. */
  details: readonly string[];
  /** Survey answers are short; these open them. */
  surveyOpeners: readonly string[];
  chatOpeners: readonly string[];
  replies: readonly string[];
  followUps: { negative: readonly string[]; positive: readonly string[] };
  /** "On {date}, {name} wrote:" style line that starts a quoted earlier message. */
  quoteHeader: string;
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** For scripts without Latin letters: ASCII spellings of the names above, for e-mail addresses. */
  firstNamesAscii?: readonly string[];
  lastNamesAscii?: readonly string[];
  currency: { symbol: string; before: boolean; decimals: number; separator: string };
}

const en: LanguagePack = {
  code: 'en',
  greetings: ['Hi team,', 'Hello,', 'Dear support,', 'Hi there,', 'Good morning,', 'Hey folks,'],
  signoffs: ['Thanks,', 'Best regards,', 'Cheers,', 'Kind regards,', 'Thank you,', 'Regards,'],
  topics: {
    billing: {
      subjects: ['Charged twice this month', 'Question about my invoice', 'Wrong amount on invoice {order}', 'Billing address change'],
      negative: [
        'I was charged {amount} twice for the {plan} plan this month and nobody has explained why.',
        'The invoice for order {order} shows {amount}, which is not what we agreed on.',
        'Your billing page keeps failing when I try to update my card, and now my account says payment overdue.',
      ],
      neutral: ['Could you send me a copy of invoice {order} with our VAT number on it?', 'We need to move from monthly to annual billing on the {plan} plan.'],
      positive: ['Thanks for sorting out the invoice so quickly, the corrected amount of {amount} is right.', 'Switching plans was painless, the proration was exactly as described.'],
    },
    refund: {
      subjects: ['Refund request for order {order}', 'Still waiting for my refund', 'Refund not received'],
      negative: [
        'I returned the item {days} days ago and I still have not received my refund of {amount}.',
        'You promised a refund within five working days and it has now been {days} days.',
        'Every time I ask about my refund I get a different answer from a different agent.',
      ],
      neutral: ['How long does a refund usually take to show up on a credit card?', 'Can the refund for order {order} go to a different card?'],
      positive: ['The refund of {amount} arrived today, thank you for the quick help.', 'Really appreciate that you refunded order {order} without any hassle.'],
    },
    login: {
      subjects: ['Cannot log in', 'Password reset email never arrives', 'Locked out of my account', 'Two-factor code not accepted'],
      negative: [
        'I have been locked out of my account since yesterday and the password reset email never arrives.',
        'The two-factor code is rejected every single time, even right after I generate it.',
        'After the update to {version} I get error {error} whenever I try to sign in.',
      ],
      neutral: ['How do I change the e-mail address I use to log in?', 'Is it possible to enable single sign-on for our team on the {plan} plan?'],
      positive: ['The new sign-in with a passkey works great, much faster than before.', 'Thanks, the reset link worked and I am back in my account.'],
    },
    shipping: {
      subjects: ['Where is my order?', 'Order {order} arrived damaged', 'Delivery delayed again', 'Tracking not updating'],
      negative: [
        'My order {order} was supposed to arrive {days} days ago and the tracking has not moved since.',
        'The package arrived with the box crushed and the device inside does not turn on.',
        'I paid for express delivery and it still took {days} days, which is unacceptable.',
      ],
      neutral: ['Can I change the delivery address for order {order} before it ships?', 'Do you ship to Norway, and how long does it usually take?'],
      positive: ['The parcel arrived a day early and everything was packed really well.', 'Delivery was fast and the driver was very friendly.'],
    },
    bug: {
      subjects: ['Bug: export crashes', 'Error {error} when saving', 'Something is broken after the update', 'Data disappeared'],
      negative: [
        'Since version {version} the app crashes every time I open the reports tab.',
        'Saving a record fails with error {error} and I lose everything I typed.',
        'Half of my saved filters disappeared after the last update and I cannot get them back.',
      ],
      neutral: ['I noticed the date on exported files uses the wrong time zone, is that expected?', 'Steps to reproduce: open {product}, go to settings, click export twice.'],
      positive: ['The fix in {version} solved the crash for us, thanks for the quick turnaround.', 'Nice work on the bug fix, everything syncs correctly again.'],
    },
    performance: {
      subjects: ['Very slow today', '{product} is extremely slow', 'Timeouts when loading the dashboard'],
      negative: [
        'Loading the dashboard takes over a minute and often times out completely.',
        'Search in {product} has become painfully slow since last week.',
        'The app freezes for several seconds every time I switch between projects.',
      ],
      neutral: ['Is there a status page where I can check if there is an outage?', 'We have about 40,000 records, is that within the recommended limits?'],
      positive: ['Whatever you changed last week, the app is so much faster now.', 'The new version loads instantly, great job on the performance work.'],
    },
    'feature-request': {
      subjects: ['Feature request: dark mode', 'Suggestion for {product}', 'Would love a bulk edit option', 'Idea: keyboard shortcuts'],
      negative: [
        'It is frustrating that there is still no way to bulk edit records, we asked for this a year ago.',
        'Without an API for reports we have to copy numbers by hand every week.',
      ],
      neutral: [
        'It would be great if we could schedule reports to be sent every Monday.',
        'Could you add a dark mode to {product}? Many of us work late.',
        'A keyboard shortcut to archive items would save us a lot of time.',
      ],
      positive: ['Love the product so far, a calendar view would make it perfect.', 'Thanks for adding the CSV import, it is exactly what we needed.'],
    },
    cancellation: {
      subjects: ['Cancel my subscription', 'Please close my account', 'Cancellation request'],
      negative: [
        'I want to cancel my subscription today, the service has not worked properly for weeks.',
        'I tried to cancel three times and I am still being charged {amount} every month.',
      ],
      neutral: ['Please cancel my {plan} plan at the end of the current billing period.', 'What happens to my data if I cancel the subscription?'],
      positive: ['Cancelling was easy, and thanks for the offer, I may come back next year.', 'Thanks for the help over the years, we are only leaving because the project ended.'],
    },
    integration: {
      subjects: ['Slack integration stopped working', 'API returns {error}', 'Webhook not firing', 'Salesforce sync issue'],
      negative: [
        'The Slack integration stopped posting notifications on {days} separate days this week.',
        'Your API returns {error} for requests that worked fine yesterday.',
        'The Salesforce sync creates duplicate contacts every night.',
      ],
      neutral: ['Is there a rate limit on the webhooks, and where is it documented?', 'Which OAuth scopes does the Google Calendar integration need?'],
      positive: ['The Zapier integration saved us hours, it worked on the first try.', 'Your API documentation is excellent, we were live in a day.'],
    },
    mobile: {
      subjects: ['App crashes on {device}', 'Mobile app keeps logging me out', 'Notifications not working on my phone'],
      negative: [
        'The app crashes on my {device} as soon as I open it.',
        'Push notifications stopped working after the last update on {device}.',
        'The mobile app logs me out every few minutes, it is unusable.',
      ],
      neutral: ['Is there an iPad version of the app planned?', 'Does the mobile app work offline?'],
      positive: ['The new mobile app is fantastic, I use it every day on my {device}.', 'Offline mode on the phone is brilliant, thank you.'],
    },
  },
  generic: {
    negative: [
      'This is really frustrating.',
      'I am very disappointed with the service.',
      'Nobody has replied to my last two emails.',
      'This is the third time I am writing about this.',
      'Honestly I am considering switching to a competitor.',
      'Please fix this as soon as possible, it is blocking my whole team.',
    ],
    neutral: ['Could you let me know what the next steps are?', 'Let me know if you need any more information.', 'I have attached a screenshot.', 'Happy to jump on a call if that helps.'],
    positive: ['Thanks so much for your help!', 'Great service as always.', 'Your support team is amazing.', 'Keep up the good work!'],
  },
  details: [
    'My order number is {order}.',
    'I am using {product} version {version} on {device}.',
    'We are on the {plan} plan.',
    'The error message says {error}.',
    'This started about {days} days ago.',
    'The amount in question is {amount}.',
    'It happens on both my laptop and my {device}.',
    'I already tried clearing the cache and reinstalling.',
  ],
  surveyOpeners: ['Overall:', 'Comment:', 'What could we improve?', 'Why this score:'],
  chatOpeners: ['hi', 'hello?', 'hey, quick question', 'hi there'],
  replies: [
    'Hi {name}, thanks for reaching out. I have escalated this to our billing team and will get back to you within 24 hours. {agent}',
    'Hi {name}, sorry about the trouble. Could you send us a screenshot of the error? {agent}',
    'Hello {name}, this should now be fixed on our side. Please try again and let us know. Best, {agent}',
    'Hi {name}, I have processed this for you; you will see the change within {days} business days. {agent}',
  ],
  followUps: {
    negative: ['Still not working, sorry.', 'That did not help, the problem is still there.', 'Any update on this?'],
    positive: ['That worked, thank you!', 'All good now, thanks for the quick help.', 'Perfect, you can close this.'],
  },
  quoteHeader: 'On {date}, {name} wrote:',
  firstNames: ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Susan', 'Richard', 'Jessica', 'Joseph', 'Sarah', 'Thomas', 'Karen', 'Chris', 'Emily', 'Daniel', 'Olivia', 'Matthew', 'Sophie', 'Aisha', 'Ravi', 'Priya', 'Chen', 'Mei', 'Kwame', 'Liam', 'Noah', 'Emma', 'Ava', 'Grace', 'Owen'],
  lastNames: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Patel', 'Nguyen', 'Kim', 'Singh', "O'Brien", 'Murphy', 'Evans', 'Hughes'],
  currency: { symbol: '$', before: true, decimals: 2, separator: '.' },
};

const de: LanguagePack = {
  code: 'de',
  greetings: ['Hallo,', 'Sehr geehrte Damen und Herren,', 'Guten Tag,', 'Hallo zusammen,'],
  signoffs: ['Viele Grüße,', 'Mit freundlichen Grüßen,', 'Danke und Gruß,'],
  topics: {
    billing: {
      subjects: ['Doppelte Abbuchung', 'Frage zur Rechnung {order}'],
      negative: ['Mir wurden diesen Monat zweimal {amount} für den {plan}-Tarif abgebucht.', 'Die Rechnung {order} weist einen falschen Betrag aus.'],
      neutral: ['Können Sie mir die Rechnung {order} mit unserer USt-IdNr. schicken?'],
      positive: ['Danke für die schnelle Korrektur der Rechnung.'],
    },
    refund: {
      subjects: ['Rückerstattung für Bestellung {order}', 'Erstattung noch nicht erhalten'],
      negative: ['Ich habe die Ware vor {days} Tagen zurückgeschickt und warte immer noch auf die Erstattung von {amount}.', 'Jeder Mitarbeiter sagt mir etwas anderes zu meiner Rückerstattung.'],
      neutral: ['Wie lange dauert eine Rückerstattung auf die Kreditkarte normalerweise?'],
      positive: ['Die Erstattung ist heute angekommen, vielen Dank für die Hilfe.'],
    },
    login: {
      subjects: ['Anmeldung nicht möglich', 'Passwort-Mail kommt nicht an'],
      negative: ['Seit gestern komme ich nicht mehr in mein Konto, die E-Mail zum Zurücksetzen kommt nie an.', 'Nach dem Update auf {version} erscheint beim Anmelden der Fehler {error}.'],
      neutral: ['Wie ändere ich die E-Mail-Adresse für die Anmeldung?'],
      positive: ['Der Link hat funktioniert, ich bin wieder drin. Danke!'],
    },
    shipping: {
      subjects: ['Wo bleibt meine Bestellung?', 'Lieferung beschädigt'],
      negative: ['Meine Bestellung {order} sollte vor {days} Tagen ankommen, die Sendungsverfolgung steht still.', 'Das Paket kam völlig verbeult an und das Gerät lässt sich nicht einschalten.'],
      neutral: ['Kann ich die Lieferadresse für Bestellung {order} noch ändern?'],
      positive: ['Das Paket kam einen Tag früher als erwartet und war super verpackt.'],
    },
    bug: {
      subjects: ['Fehler beim Speichern', 'Absturz nach dem Update'],
      negative: ['Seit Version {version} stürzt die App beim Öffnen der Berichte jedes Mal ab.', 'Beim Speichern kommt Fehler {error} und alle Eingaben sind weg.'],
      neutral: ['Die exportierten Dateien haben die falsche Zeitzone, ist das so gewollt?'],
      positive: ['Das Update {version} hat den Fehler behoben, danke!'],
    },
    performance: {
      subjects: ['{product} extrem langsam', 'Zeitüberschreitung im Dashboard'],
      negative: ['Das Dashboard braucht über eine Minute zum Laden und bricht oft ab.', 'Die Suche in {product} ist seit letzter Woche unerträglich langsam.'],
      neutral: ['Gibt es eine Statusseite für Störungen?'],
      positive: ['Die neue Version ist spürbar schneller, großartig.'],
    },
    'feature-request': {
      subjects: ['Vorschlag für {product}', 'Wunsch: Dunkelmodus'],
      negative: ['Es ist ärgerlich, dass es immer noch keine Massenbearbeitung gibt.'],
      neutral: ['Es wäre toll, wenn man Berichte jeden Montag automatisch verschicken könnte.'],
      positive: ['Super Produkt, eine Kalenderansicht wäre noch das i-Tüpfelchen.'],
    },
    cancellation: {
      subjects: ['Kündigung meines Abos', 'Bitte Konto schließen'],
      negative: ['Ich habe dreimal gekündigt und mir werden weiterhin {amount} im Monat abgebucht.'],
      neutral: ['Bitte kündigen Sie meinen {plan}-Tarif zum Ende der Laufzeit.'],
      positive: ['Die Kündigung war unkompliziert, vielen Dank für alles.'],
    },
    integration: {
      subjects: ['Slack-Integration funktioniert nicht', 'API liefert {error}'],
      negative: ['Die Slack-Integration schickt seit Tagen keine Benachrichtigungen mehr.', 'Ihre API antwortet mit {error} auf Anfragen, die gestern noch gingen.'],
      neutral: ['Gibt es ein Limit für Webhooks und wo ist es dokumentiert?'],
      positive: ['Die API-Dokumentation ist hervorragend, wir waren an einem Tag live.'],
    },
    mobile: {
      subjects: ['App stürzt auf {device} ab', 'Push-Benachrichtigungen fehlen'],
      negative: ['Die App stürzt auf meinem {device} sofort nach dem Start ab.', 'Die mobile App meldet mich alle paar Minuten ab.'],
      neutral: ['Funktioniert die App auch offline?'],
      positive: ['Die neue App ist klasse, ich nutze sie täglich auf dem {device}.'],
    },
  },
  generic: {
    negative: ['Das ist wirklich ärgerlich.', 'Ich bin sehr enttäuscht.', 'Auf meine letzten zwei E-Mails kam keine Antwort.', 'Bitte beheben Sie das dringend.'],
    neutral: ['Was sind die nächsten Schritte?', 'Ein Screenshot ist angehängt.', 'Melden Sie sich, falls Sie mehr Informationen brauchen.'],
    positive: ['Vielen Dank für die Hilfe!', 'Toller Service.', 'Ihr Support ist großartig.'],
  },
  details: ['Meine Bestellnummer ist {order}.', 'Ich nutze {product} Version {version} auf {device}.', 'Wir haben den {plan}-Tarif.', 'Die Fehlermeldung lautet {error}.', 'Das Problem besteht seit etwa {days} Tagen.'],
  surveyOpeners: ['Kommentar:', 'Was können wir verbessern?'],
  chatOpeners: ['hallo', 'hallo, kurze Frage', 'hi'],
  replies: ['Hallo {name}, danke für Ihre Nachricht. Wir kümmern uns darum und melden uns innerhalb von 24 Stunden. {agent}', 'Hallo {name}, das sollte jetzt behoben sein. Bitte versuchen Sie es erneut. Viele Grüße, {agent}'],
  followUps: { negative: ['Funktioniert leider immer noch nicht.', 'Gibt es schon Neuigkeiten?'], positive: ['Hat geklappt, danke!', 'Alles gut jetzt, vielen Dank.'] },
  quoteHeader: 'Am {date} schrieb {name}:',
  firstNames: ['Lukas', 'Anna', 'Jonas', 'Lea', 'Felix', 'Marie', 'Maximilian', 'Sophie', 'Paul', 'Hannah', 'Jürgen', 'Sabine', 'Stefan', 'Katrin', 'Tobias', 'Jana'],
  lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann'],
  currency: { symbol: ' €', before: false, decimals: 2, separator: ',' },
};

const fr: LanguagePack = {
  code: 'fr',
  greetings: ['Bonjour,', 'Madame, Monsieur,', 'Bonjour à toute l’équipe,'],
  signoffs: ['Cordialement,', 'Merci d’avance,', 'Bien à vous,'],
  topics: {
    billing: {
      subjects: ['Double prélèvement', 'Question sur la facture {order}'],
      negative: ['J’ai été prélevé deux fois de {amount} ce mois-ci pour l’offre {plan}.', 'La facture {order} indique un montant erroné.'],
      neutral: ['Pourriez-vous m’envoyer la facture {order} avec notre numéro de TVA ?'],
      positive: ['Merci d’avoir corrigé la facture aussi rapidement.'],
    },
    refund: {
      subjects: ['Demande de remboursement {order}', 'Remboursement toujours pas reçu'],
      negative: ['J’ai renvoyé l’article il y a {days} jours et je n’ai toujours pas reçu le remboursement de {amount}.', 'Chaque conseiller me donne une réponse différente au sujet de mon remboursement.'],
      neutral: ['Combien de temps faut-il pour qu’un remboursement apparaisse sur la carte ?'],
      positive: ['Le remboursement est arrivé aujourd’hui, merci beaucoup.'],
    },
    login: {
      subjects: ['Impossible de me connecter', 'Mot de passe oublié, aucun e-mail'],
      negative: ['Je ne peux plus accéder à mon compte depuis hier et l’e-mail de réinitialisation n’arrive jamais.', 'Depuis la mise à jour {version}, j’ai l’erreur {error} à la connexion.'],
      neutral: ['Comment changer l’adresse e-mail de connexion ?'],
      positive: ['Le lien a fonctionné, j’ai retrouvé l’accès à mon compte. Merci !'],
    },
    shipping: {
      subjects: ['Où est ma commande ?', 'Colis endommagé'],
      negative: ['Ma commande {order} devait arriver il y a {days} jours et le suivi ne bouge plus.', 'Le colis est arrivé écrasé et l’appareil ne s’allume pas.'],
      neutral: ['Puis-je modifier l’adresse de livraison de la commande {order} ?'],
      positive: ['Le colis est arrivé en avance et très bien emballé.'],
    },
    bug: {
      subjects: ['Erreur lors de l’enregistrement', 'Plantage depuis la mise à jour'],
      negative: ['Depuis la version {version}, l’application plante à chaque ouverture des rapports.', 'L’enregistrement échoue avec l’erreur {error} et je perds tout.'],
      neutral: ['Les fichiers exportés utilisent le mauvais fuseau horaire, est-ce normal ?'],
      positive: ['La version {version} a corrigé le problème, merci !'],
    },
    performance: {
      subjects: ['{product} très lent', 'Le tableau de bord ne charge pas'],
      negative: ['Le tableau de bord met plus d’une minute à charger et finit souvent en erreur.', 'La recherche dans {product} est devenue extrêmement lente.'],
      neutral: ['Existe-t-il une page de statut pour les incidents ?'],
      positive: ['La nouvelle version est beaucoup plus rapide, bravo.'],
    },
    'feature-request': {
      subjects: ['Suggestion pour {product}', 'Demande : mode sombre'],
      negative: ['C’est dommage qu’il n’y ait toujours pas de modification en masse.'],
      neutral: ['Ce serait génial de pouvoir programmer l’envoi des rapports chaque lundi.'],
      positive: ['Super produit, une vue calendrier serait parfaite.'],
    },
    cancellation: {
      subjects: ['Résiliation de mon abonnement', 'Fermeture de compte'],
      negative: ['J’ai résilié trois fois et je suis toujours prélevé de {amount} chaque mois.'],
      neutral: ['Merci de résilier mon offre {plan} à la fin de la période en cours.'],
      positive: ['La résiliation a été simple, merci pour tout.'],
    },
    integration: {
      subjects: ['L’intégration Slack ne fonctionne plus', 'L’API renvoie {error}'],
      negative: ['L’intégration Slack n’envoie plus de notifications depuis plusieurs jours.', 'Votre API renvoie {error} pour des requêtes qui marchaient hier.'],
      neutral: ['Y a-t-il une limite de débit pour les webhooks ?'],
      positive: ['La documentation de l’API est excellente.'],
    },
    mobile: {
      subjects: ['L’application plante sur {device}', 'Notifications absentes'],
      negative: ['L’application plante sur mon {device} dès l’ouverture.', 'L’application mobile me déconnecte toutes les cinq minutes.'],
      neutral: ['L’application fonctionne-t-elle hors ligne ?'],
      positive: ['La nouvelle application est géniale, je l’utilise tous les jours.'],
    },
  },
  generic: {
    negative: ['C’est vraiment agaçant.', 'Je suis très déçu du service.', 'Personne n’a répondu à mes deux derniers e-mails.', 'Merci de corriger cela au plus vite.'],
    neutral: ['Quelles sont les prochaines étapes ?', 'Vous trouverez une capture d’écran en pièce jointe.'],
    positive: ['Merci beaucoup pour votre aide !', 'Service impeccable.', 'Votre support est formidable.'],
  },
  details: ['Mon numéro de commande est {order}.', 'J’utilise {product} version {version} sur {device}.', 'Nous avons l’offre {plan}.', 'Le message d’erreur est {error}.', 'Le problème dure depuis environ {days} jours.'],
  surveyOpeners: ['Commentaire :', 'Que pouvons-nous améliorer ?'],
  chatOpeners: ['bonjour', 'bonjour, petite question', 'salut'],
  replies: ['Bonjour {name}, merci pour votre message. Nous revenons vers vous sous 24 heures. {agent}', 'Bonjour {name}, le problème devrait être résolu. Pouvez-vous réessayer ? Cordialement, {agent}'],
  followUps: { negative: ['Toujours pas résolu, désolé.', 'Avez-vous du nouveau ?'], positive: ['Ça marche, merci !', 'Tout est réglé, merci beaucoup.'] },
  quoteHeader: 'Le {date}, {name} a écrit :',
  firstNames: ['Camille', 'Louis', 'Léa', 'Hugo', 'Chloé', 'Gabriel', 'Manon', 'Jules', 'Inès', 'Théo', 'Élodie', 'François'],
  lastNames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefèvre', 'Girard'],
  currency: { symbol: ' €', before: false, decimals: 2, separator: ',' },
};

const es: LanguagePack = {
  code: 'es',
  greetings: ['Hola,', 'Buenos días,', 'Estimado equipo de soporte,'],
  signoffs: ['Saludos,', 'Un saludo,', 'Gracias de antemano,'],
  topics: {
    billing: {
      subjects: ['Cobro duplicado', 'Consulta sobre la factura {order}'],
      negative: ['Me han cobrado {amount} dos veces este mes por el plan {plan}.', 'La factura {order} tiene un importe incorrecto.'],
      neutral: ['¿Podrían enviarme la factura {order} con nuestro NIF?'],
      positive: ['Gracias por corregir la factura tan rápido.'],
    },
    refund: {
      subjects: ['Solicitud de reembolso {order}', 'Reembolso no recibido'],
      negative: ['Devolví el producto hace {days} días y todavía no he recibido el reembolso de {amount}.', 'Cada agente me da una respuesta distinta sobre mi reembolso.'],
      neutral: ['¿Cuánto tarda normalmente un reembolso en la tarjeta?'],
      positive: ['El reembolso llegó hoy, muchas gracias por la ayuda.'],
    },
    login: {
      subjects: ['No puedo iniciar sesión', 'No llega el correo de contraseña'],
      negative: ['Desde ayer no puedo entrar en mi cuenta y el correo para restablecer la contraseña nunca llega.', 'Después de actualizar a {version} aparece el error {error} al iniciar sesión.'],
      neutral: ['¿Cómo cambio el correo con el que inicio sesión?'],
      positive: ['El enlace funcionó y ya puedo entrar, ¡gracias!'],
    },
    shipping: {
      subjects: ['¿Dónde está mi pedido?', 'Paquete dañado'],
      negative: ['Mi pedido {order} tenía que llegar hace {days} días y el seguimiento no se mueve.', 'El paquete llegó aplastado y el aparato no enciende.'],
      neutral: ['¿Puedo cambiar la dirección de entrega del pedido {order}?'],
      positive: ['El paquete llegó antes de lo previsto y muy bien embalado.'],
    },
    bug: {
      subjects: ['Error al guardar', 'La aplicación falla tras la actualización'],
      negative: ['Desde la versión {version} la aplicación se cierra al abrir los informes.', 'Al guardar aparece el error {error} y pierdo todo lo escrito.'],
      neutral: ['Los archivos exportados usan la zona horaria equivocada, ¿es normal?'],
      positive: ['La versión {version} solucionó el problema, ¡gracias!'],
    },
    performance: {
      subjects: ['{product} muy lento', 'El panel no carga'],
      negative: ['El panel tarda más de un minuto en cargar y a menudo da error.', 'La búsqueda en {product} se ha vuelto lentísima.'],
      neutral: ['¿Hay una página de estado para ver incidencias?'],
      positive: ['La nueva versión va mucho más rápida, enhorabuena.'],
    },
    'feature-request': {
      subjects: ['Sugerencia para {product}', 'Petición: modo oscuro'],
      negative: ['Es frustrante que todavía no exista la edición masiva.'],
      neutral: ['Sería genial poder programar el envío de informes cada lunes.'],
      positive: ['Me encanta el producto, una vista de calendario lo haría perfecto.'],
    },
    cancellation: {
      subjects: ['Cancelar mi suscripción', 'Cerrar mi cuenta'],
      negative: ['He cancelado tres veces y me siguen cobrando {amount} cada mes.'],
      neutral: ['Por favor, cancelen mi plan {plan} al final del periodo actual.'],
      positive: ['Cancelar fue muy fácil, gracias por todo.'],
    },
    integration: {
      subjects: ['La integración con Slack no funciona', 'La API devuelve {error}'],
      negative: ['La integración con Slack lleva días sin enviar notificaciones.', 'Su API devuelve {error} en peticiones que ayer funcionaban.'],
      neutral: ['¿Hay un límite de peticiones para los webhooks?'],
      positive: ['La documentación de la API es excelente.'],
    },
    mobile: {
      subjects: ['La app se cierra en {device}', 'No llegan las notificaciones'],
      negative: ['La aplicación se cierra en mi {device} nada más abrirla.', 'La app móvil me desconecta cada pocos minutos.'],
      neutral: ['¿La aplicación funciona sin conexión?'],
      positive: ['La nueva app es fantástica, la uso a diario en mi {device}.'],
    },
  },
  generic: {
    negative: ['Esto es muy frustrante.', 'Estoy muy decepcionado con el servicio.', 'Nadie ha respondido a mis dos últimos correos.', 'Por favor, solucionen esto cuanto antes.'],
    neutral: ['¿Cuáles son los siguientes pasos?', 'Adjunto una captura de pantalla.'],
    positive: ['¡Muchas gracias por la ayuda!', 'Un servicio excelente.', 'Su equipo de soporte es genial.'],
  },
  details: ['Mi número de pedido es {order}.', 'Uso {product} versión {version} en {device}.', 'Tenemos el plan {plan}.', 'El mensaje de error dice {error}.', 'El problema empezó hace unos {days} días.'],
  surveyOpeners: ['Comentario:', '¿Qué podemos mejorar?'],
  chatOpeners: ['hola', 'hola, una pregunta', 'buenas'],
  replies: ['Hola {name}, gracias por escribirnos. Lo revisamos y te respondemos en 24 horas. {agent}', 'Hola {name}, ya debería estar resuelto. ¿Puedes intentarlo de nuevo? Saludos, {agent}'],
  followUps: { negative: ['Sigue sin funcionar.', '¿Hay novedades?'], positive: ['¡Funcionó, gracias!', 'Todo bien ahora, muchas gracias.'] },
  quoteHeader: 'El {date}, {name} escribió:',
  firstNames: ['Lucía', 'Hugo', 'Martina', 'Mateo', 'Sofía', 'Pablo', 'Valentina', 'Álvaro', 'Carmen', 'Javier', 'Isabel', 'Sergio'],
  lastNames: ['García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz'],
  currency: { symbol: ' €', before: false, decimals: 2, separator: ',' },
};

const pt: LanguagePack = {
  code: 'pt',
  greetings: ['Olá,', 'Bom dia,', 'Prezados,'],
  signoffs: ['Obrigado,', 'Atenciosamente,', 'Abraços,'],
  topics: {
    billing: {
      subjects: ['Cobrança duplicada', 'Dúvida sobre a fatura {order}'],
      negative: ['Fui cobrado duas vezes em {amount} este mês pelo plano {plan}.', 'A fatura {order} está com o valor errado.'],
      neutral: ['Podem me enviar a fatura {order} com o nosso CNPJ?'],
      positive: ['Obrigado por corrigir a fatura tão rápido.'],
    },
    refund: {
      subjects: ['Pedido de reembolso {order}', 'Reembolso ainda não recebido'],
      negative: ['Devolvi o produto há {days} dias e ainda não recebi o reembolso de {amount}.'],
      neutral: ['Quanto tempo leva para o reembolso aparecer no cartão?'],
      positive: ['O reembolso chegou hoje, muito obrigado.'],
    },
    login: {
      subjects: ['Não consigo entrar', 'E-mail de senha não chega'],
      negative: ['Desde ontem não consigo acessar minha conta e o e-mail de redefinição nunca chega.', 'Depois da atualização {version} aparece o erro {error} ao entrar.'],
      neutral: ['Como altero o e-mail de acesso?'],
      positive: ['O link funcionou e já consegui entrar, obrigado!'],
    },
    shipping: {
      subjects: ['Cadê meu pedido?', 'Encomenda danificada'],
      negative: ['Meu pedido {order} deveria ter chegado há {days} dias e o rastreio não atualiza.', 'A caixa chegou amassada e o aparelho não liga.'],
      neutral: ['Posso mudar o endereço de entrega do pedido {order}?'],
      positive: ['A encomenda chegou antes do prazo e muito bem embalada.'],
    },
    bug: {
      subjects: ['Erro ao salvar', 'O app trava depois da atualização'],
      negative: ['Desde a versão {version} o aplicativo fecha ao abrir os relatórios.', 'Ao salvar aparece o erro {error} e perco tudo.'],
      neutral: ['Os arquivos exportados estão com o fuso horário errado, é esperado?'],
      positive: ['A versão {version} resolveu o problema, valeu!'],
    },
    performance: {
      subjects: ['{product} muito lento', 'Painel não carrega'],
      negative: ['O painel leva mais de um minuto para carregar e muitas vezes dá erro.'],
      neutral: ['Existe uma página de status para incidentes?'],
      positive: ['A nova versão está bem mais rápida, parabéns.'],
    },
    'feature-request': {
      subjects: ['Sugestão para o {product}', 'Pedido: modo escuro'],
      negative: ['É frustrante que ainda não exista edição em massa.'],
      neutral: ['Seria ótimo poder agendar o envio de relatórios toda segunda-feira.'],
      positive: ['Adoro o produto, uma visão de calendário seria perfeita.'],
    },
    cancellation: {
      subjects: ['Cancelar assinatura', 'Encerrar minha conta'],
      negative: ['Cancelei três vezes e continuo sendo cobrado {amount} por mês.'],
      neutral: ['Por favor, cancelem o meu plano {plan} no fim do período atual.'],
      positive: ['Cancelar foi fácil, obrigado por tudo.'],
    },
    integration: {
      subjects: ['Integração com Slack parou', 'API retorna {error}'],
      negative: ['A integração com o Slack parou de enviar notificações há dias.'],
      neutral: ['Existe limite de requisições para os webhooks?'],
      positive: ['A documentação da API é excelente.'],
    },
    mobile: {
      subjects: ['App fecha no {device}', 'Notificações não chegam'],
      negative: ['O aplicativo fecha no meu {device} assim que abro.', 'O app me desconecta a cada poucos minutos.'],
      neutral: ['O aplicativo funciona offline?'],
      positive: ['O novo app é ótimo, uso todo dia no {device}.'],
    },
  },
  generic: {
    negative: ['Isso é muito frustrante.', 'Estou muito decepcionado.', 'Ninguém respondeu aos meus dois últimos e-mails.'],
    neutral: ['Quais são os próximos passos?', 'Segue um print em anexo.'],
    positive: ['Muito obrigado pela ajuda!', 'Atendimento excelente.'],
  },
  details: ['O número do meu pedido é {order}.', 'Uso o {product} versão {version} no {device}.', 'Temos o plano {plan}.', 'A mensagem de erro é {error}.'],
  surveyOpeners: ['Comentário:', 'O que podemos melhorar?'],
  chatOpeners: ['oi', 'olá, uma dúvida'],
  replies: ['Olá {name}, obrigado pelo contato. Vamos verificar e retornamos em até 24 horas. {agent}', 'Olá {name}, já deve estar resolvido. Pode tentar de novo? Abraços, {agent}'],
  followUps: { negative: ['Continua sem funcionar.', 'Alguma novidade?'], positive: ['Funcionou, obrigado!', 'Tudo certo agora.'] },
  quoteHeader: 'Em {date}, {name} escreveu:',
  firstNames: ['João', 'Maria', 'Pedro', 'Ana', 'Lucas', 'Beatriz', 'Gabriel', 'Juliana', 'Rafael', 'Fernanda'],
  lastNames: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Rodrigues', 'Almeida', 'Nascimento', 'Lima'],
  currency: { symbol: 'R$ ', before: true, decimals: 2, separator: ',' },
};

const it: LanguagePack = {
  code: 'it',
  greetings: ['Buongiorno,', 'Salve,', 'Gentile assistenza,'],
  signoffs: ['Cordiali saluti,', 'Grazie,', 'Saluti,'],
  topics: {
    billing: {
      subjects: ['Addebito doppio', 'Domanda sulla fattura {order}'],
      negative: ['Mi avete addebitato {amount} due volte questo mese per il piano {plan}.'],
      neutral: ['Potete inviarmi la fattura {order} con la nostra partita IVA?'],
      positive: ['Grazie per aver corretto la fattura così in fretta.'],
    },
    refund: {
      subjects: ['Richiesta di rimborso {order}', 'Rimborso non ricevuto'],
      negative: ['Ho restituito il prodotto {days} giorni fa e non ho ancora ricevuto il rimborso di {amount}.'],
      neutral: ['Quanto tempo ci vuole per vedere il rimborso sulla carta?'],
      positive: ['Il rimborso è arrivato oggi, grazie mille.'],
    },
    login: {
      subjects: ['Non riesco ad accedere', 'Email di reset non arriva'],
      negative: ['Da ieri non riesco ad accedere al mio account e l’email di reset non arriva mai.'],
      neutral: ['Come cambio l’indirizzo email di accesso?'],
      positive: ['Il link ha funzionato, sono di nuovo dentro. Grazie!'],
    },
    shipping: {
      subjects: ['Dov’è il mio ordine?', 'Pacco danneggiato'],
      negative: ['Il mio ordine {order} doveva arrivare {days} giorni fa e il tracciamento è fermo.'],
      neutral: ['Posso cambiare l’indirizzo di consegna dell’ordine {order}?'],
      positive: ['Il pacco è arrivato in anticipo e ben imballato.'],
    },
    bug: {
      subjects: ['Errore durante il salvataggio', 'L’app si blocca dopo l’aggiornamento'],
      negative: ['Dalla versione {version} l’app si chiude quando apro i report.', 'Il salvataggio fallisce con l’errore {error}.'],
      neutral: ['I file esportati hanno il fuso orario sbagliato, è normale?'],
      positive: ['La versione {version} ha risolto il problema, grazie!'],
    },
    performance: {
      subjects: ['{product} lentissimo', 'La dashboard non si carica'],
      negative: ['La dashboard impiega più di un minuto a caricarsi.'],
      neutral: ['Esiste una pagina di stato per i disservizi?'],
      positive: ['La nuova versione è molto più veloce, complimenti.'],
    },
    'feature-request': {
      subjects: ['Suggerimento per {product}', 'Richiesta: tema scuro'],
      negative: ['È frustrante che manchi ancora la modifica multipla.'],
      neutral: ['Sarebbe utile poter programmare l’invio dei report ogni lunedì.'],
      positive: ['Prodotto ottimo, una vista calendario sarebbe perfetta.'],
    },
    cancellation: {
      subjects: ['Disdetta abbonamento', 'Chiusura account'],
      negative: ['Ho disdetto tre volte e continuate ad addebitarmi {amount} al mese.'],
      neutral: ['Vi prego di disdire il mio piano {plan} alla fine del periodo.'],
      positive: ['La disdetta è stata semplice, grazie di tutto.'],
    },
    integration: {
      subjects: ['Integrazione Slack non funziona', 'L’API restituisce {error}'],
      negative: ['L’integrazione con Slack non invia notifiche da giorni.'],
      neutral: ['C’è un limite di richieste per i webhook?'],
      positive: ['La documentazione dell’API è eccellente.'],
    },
    mobile: {
      subjects: ['L’app si chiude su {device}', 'Notifiche assenti'],
      negative: ['L’app si chiude sul mio {device} appena la apro.'],
      neutral: ['L’app funziona anche offline?'],
      positive: ['La nuova app è fantastica, la uso ogni giorno.'],
    },
  },
  generic: {
    negative: ['È davvero frustrante.', 'Sono molto deluso dal servizio.', 'Nessuno ha risposto alle mie ultime due email.'],
    neutral: ['Quali sono i prossimi passi?', 'Allego uno screenshot.'],
    positive: ['Grazie mille per l’aiuto!', 'Servizio eccellente.'],
  },
  details: ['Il mio numero d’ordine è {order}.', 'Uso {product} versione {version} su {device}.', 'Abbiamo il piano {plan}.', 'Il messaggio di errore è {error}.'],
  surveyOpeners: ['Commento:', 'Cosa possiamo migliorare?'],
  chatOpeners: ['ciao', 'salve, una domanda'],
  replies: ['Ciao {name}, grazie per averci scritto. Ti rispondiamo entro 24 ore. {agent}', 'Ciao {name}, ora dovrebbe essere risolto. Puoi riprovare? Saluti, {agent}'],
  followUps: { negative: ['Non funziona ancora.', 'Ci sono novità?'], positive: ['Funziona, grazie!', 'Tutto a posto ora.'] },
  quoteHeader: 'Il {date}, {name} ha scritto:',
  firstNames: ['Giulia', 'Marco', 'Francesca', 'Alessandro', 'Chiara', 'Luca', 'Sara', 'Matteo', 'Elena', 'Davide'],
  lastNames: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'],
  currency: { symbol: ' €', before: false, decimals: 2, separator: ',' },
};

const nl: LanguagePack = {
  code: 'nl',
  greetings: ['Hallo,', 'Goedemorgen,', 'Beste support,'],
  signoffs: ['Met vriendelijke groet,', 'Groeten,', 'Alvast bedankt,'],
  topics: {
    billing: {
      subjects: ['Dubbel afgeschreven', 'Vraag over factuur {order}'],
      negative: ['Er is deze maand twee keer {amount} afgeschreven voor het {plan}-abonnement.'],
      neutral: ['Kunt u factuur {order} opnieuw sturen met ons btw-nummer?'],
      positive: ['Bedankt voor het snel aanpassen van de factuur.'],
    },
    refund: {
      subjects: ['Terugbetaling bestelling {order}', 'Geld nog niet terug'],
      negative: ['Ik heb het artikel {days} dagen geleden teruggestuurd en nog steeds geen {amount} terugontvangen.'],
      neutral: ['Hoe lang duurt een terugbetaling op een creditcard meestal?'],
      positive: ['De terugbetaling is binnen, dank jullie wel.'],
    },
    login: {
      subjects: ['Kan niet inloggen', 'Geen wachtwoordmail ontvangen'],
      negative: ['Sinds gisteren kan ik niet meer inloggen en de resetmail komt nooit aan.'],
      neutral: ['Hoe wijzig ik het e-mailadres waarmee ik inlog?'],
      positive: ['De link werkte, ik kan weer inloggen. Bedankt!'],
    },
    shipping: {
      subjects: ['Waar blijft mijn bestelling?', 'Pakket beschadigd'],
      negative: ['Mijn bestelling {order} had {days} dagen geleden moeten aankomen en de track-and-trace staat stil.'],
      neutral: ['Kan ik het afleveradres van bestelling {order} nog wijzigen?'],
      positive: ['Het pakket kwam een dag eerder en was goed verpakt.'],
    },
    bug: {
      subjects: ['Fout bij opslaan', 'App crasht na update'],
      negative: ['Sinds versie {version} crasht de app bij het openen van de rapporten.'],
      neutral: ['De geëxporteerde bestanden hebben de verkeerde tijdzone, klopt dat?'],
      positive: ['Versie {version} heeft het probleem opgelost, top!'],
    },
    performance: {
      subjects: ['{product} erg traag', 'Dashboard laadt niet'],
      negative: ['Het dashboard doet er meer dan een minuut over om te laden.'],
      neutral: ['Is er een statuspagina voor storingen?'],
      positive: ['De nieuwe versie is veel sneller, goed gedaan.'],
    },
    'feature-request': {
      subjects: ['Suggestie voor {product}', 'Verzoek: donkere modus'],
      negative: ['Jammer dat er nog steeds geen bulkbewerking is.'],
      neutral: ['Het zou fijn zijn als rapporten elke maandag automatisch verstuurd worden.'],
      positive: ['Geweldig product, een kalenderweergave zou het perfect maken.'],
    },
    cancellation: {
      subjects: ['Abonnement opzeggen', 'Account sluiten'],
      negative: ['Ik heb drie keer opgezegd en er wordt nog steeds {amount} per maand afgeschreven.'],
      neutral: ['Wilt u mijn {plan}-abonnement aan het eind van de periode opzeggen?'],
      positive: ['Opzeggen ging makkelijk, bedankt voor alles.'],
    },
    integration: {
      subjects: ['Slack-koppeling werkt niet', 'API geeft {error}'],
      negative: ['De Slack-koppeling stuurt al dagen geen meldingen meer.'],
      neutral: ['Is er een limiet op het aantal webhooks?'],
      positive: ['De API-documentatie is uitstekend.'],
    },
    mobile: {
      subjects: ['App crasht op {device}', 'Geen meldingen'],
      negative: ['De app crasht op mijn {device} meteen bij het openen.'],
      neutral: ['Werkt de app ook offline?'],
      positive: ['De nieuwe app is top, ik gebruik hem dagelijks.'],
    },
  },
  generic: {
    negative: ['Dit is echt frustrerend.', 'Ik ben erg teleurgesteld.', 'Niemand heeft op mijn laatste twee mails gereageerd.'],
    neutral: ['Wat zijn de volgende stappen?', 'Ik heb een screenshot bijgevoegd.'],
    positive: ['Heel erg bedankt voor de hulp!', 'Uitstekende service.'],
  },
  details: ['Mijn bestelnummer is {order}.', 'Ik gebruik {product} versie {version} op {device}.', 'Wij hebben het {plan}-abonnement.', 'De foutmelding is {error}.'],
  surveyOpeners: ['Opmerking:', 'Wat kunnen we verbeteren?'],
  chatOpeners: ['hoi', 'hallo, korte vraag'],
  replies: ['Hoi {name}, bedankt voor je bericht. We reageren binnen 24 uur. {agent}', 'Hoi {name}, dit zou nu opgelost moeten zijn. Wil je het opnieuw proberen? Groet, {agent}'],
  followUps: { negative: ['Het werkt nog steeds niet.', 'Is er al nieuws?'], positive: ['Het werkt, bedankt!', 'Alles in orde nu.'] },
  quoteHeader: 'Op {date} schreef {name}:',
  firstNames: ['Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Sophie', 'Bram', 'Fleur', 'Thijs', 'Lotte'],
  lastNames: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer'],
  currency: { symbol: '€ ', before: true, decimals: 2, separator: ',' },
};

const ja: LanguagePack = {
  code: 'ja',
  greetings: ['お世話になっております。', 'サポートご担当者様', 'こんにちは。'],
  signoffs: ['よろしくお願いいたします。', '以上、よろしくお願いします。'],
  topics: {
    billing: {
      subjects: ['二重請求について', '請求書{order}について'],
      negative: ['今月、{plan}プランの料金{amount}が二回請求されています。'],
      neutral: ['請求書{order}を再発行していただけますか。'],
      positive: ['請求書をすぐに修正していただきありがとうございました。'],
    },
    refund: {
      subjects: ['返金のお願い {order}', '返金がまだ届きません'],
      negative: ['{days}日前に商品を返品しましたが、{amount}の返金がまだありません。'],
      neutral: ['クレジットカードへの返金には通常どのくらいかかりますか。'],
      positive: ['本日返金を確認しました。ありがとうございます。'],
    },
    login: {
      subjects: ['ログインできません', 'パスワード再設定メールが届かない'],
      negative: ['昨日からアカウントにログインできず、再設定メールも届きません。'],
      neutral: ['ログイン用のメールアドレスを変更する方法を教えてください。'],
      positive: ['リンクで無事ログインできました。ありがとうございます。'],
    },
    shipping: {
      subjects: ['注文{order}が届きません', '商品が破損していました'],
      negative: ['注文{order}は{days}日前に届く予定でしたが、追跡情報が更新されません。'],
      neutral: ['注文{order}の配送先を変更できますか。'],
      positive: ['予定より早く届き、梱包も丁寧でした。'],
    },
    bug: {
      subjects: ['保存時にエラーが発生します', 'アップデート後にアプリが落ちます'],
      negative: ['バージョン{version}からレポートを開くとアプリが強制終了します。'],
      neutral: ['エクスポートしたファイルのタイムゾーンが違うようです。'],
      positive: ['{version}で不具合が直りました。ありがとうございます。'],
    },
    performance: {
      subjects: ['{product}が非常に遅い', 'ダッシュボードが表示されない'],
      negative: ['ダッシュボードの表示に一分以上かかり、タイムアウトすることもあります。'],
      neutral: ['障害情報を確認できるページはありますか。'],
      positive: ['新しいバージョンはとても速くなりました。'],
    },
    'feature-request': {
      subjects: ['{product}への要望', 'ダークモードの追加希望'],
      negative: ['一括編集機能がまだないのは残念です。'],
      neutral: ['毎週月曜日にレポートを自動送信できると助かります。'],
      positive: ['とても良い製品です。カレンダー表示があれば完璧です。'],
    },
    cancellation: {
      subjects: ['解約について', 'アカウント削除の依頼'],
      negative: ['三回解約手続きをしたのに、毎月{amount}が引き落とされています。'],
      neutral: ['{plan}プランを今期末で解約してください。'],
      positive: ['解約手続きは簡単でした。今までありがとうございました。'],
    },
    integration: {
      subjects: ['Slack連携が動きません', 'APIが{error}を返します'],
      negative: ['数日前からSlack連携の通知が届かなくなりました。'],
      neutral: ['Webhookのリクエスト制限はありますか。'],
      positive: ['APIのドキュメントがとても分かりやすいです。'],
    },
    mobile: {
      subjects: ['{device}でアプリが落ちる', '通知が届かない'],
      negative: ['{device}でアプリを開くとすぐに落ちてしまいます。'],
      neutral: ['アプリはオフラインでも使えますか。'],
      positive: ['新しいアプリはとても使いやすく、毎日使っています。'],
    },
  },
  generic: {
    negative: ['大変困っています。', 'サービスにとても失望しています。', '前回のメールにも返信がありません。'],
    neutral: ['今後の対応を教えてください。', 'スクリーンショットを添付します。'],
    positive: ['ご対応ありがとうございました！', '素晴らしいサポートです。'],
  },
  details: ['注文番号は{order}です。', '{device}で{product}のバージョン{version}を使っています。', '{plan}プランを契約しています。', 'エラーメッセージは{error}です。'],
  surveyOpeners: ['コメント：', '改善してほしい点：'],
  chatOpeners: ['こんにちは', 'すみません、質問です'],
  replies: ['{name}様、お問い合わせありがとうございます。24時間以内にご連絡いたします。{agent}', '{name}様、問題は解決済みのはずです。もう一度お試しください。{agent}'],
  followUps: { negative: ['まだ直っていません。', 'その後いかがでしょうか。'], positive: ['解決しました。ありがとうございます！', '問題なく使えています。'] },
  quoteHeader: '{date} {name} さんは書きました:',
  firstNames: ['翔', '陽菜', '蓮', '結衣', '大翔', '美咲', '健太', '由美'],
  lastNames: ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村'],
  firstNamesAscii: ['sho', 'hina', 'ren', 'yui', 'hiroto', 'misaki', 'kenta', 'yumi'],
  lastNamesAscii: ['sato', 'suzuki', 'takahashi', 'tanaka', 'ito', 'watanabe', 'yamamoto', 'nakamura'],
  currency: { symbol: '¥', before: true, decimals: 0, separator: '.' },
};

export const languagePacks: Record<string, LanguagePack> = { en, de, fr, es, pt, it, nl, ja };

/** How often each language occurs: about a third of the feedback is not in English. */
export const languageWeights: readonly (readonly [string, number])[] = [
  ['en', 66],
  ['de', 8],
  ['fr', 7],
  ['es', 7],
  ['pt', 4],
  ['it', 3],
  ['nl', 3],
  ['ja', 2],
];

export const products: readonly (readonly [string, number])[] = [
  ['Atlas CRM', 24],
  ['Atlas Mobile', 16],
  ['Beacon Analytics', 14],
  ['Cobalt Billing', 13],
  ['Drift Sync', 10],
  ['Ember Chat', 9],
  ['Fjord Storage', 8],
  ['Gale API', 6],
];

export const devices = ['iPhone 15', 'iPhone 13', 'Pixel 8', 'Galaxy S23', 'iPad Air', 'Windows 11', 'macOS Sonoma', 'Chromebook', 'Android 14 tablet'];
export const plans = ['Starter', 'Pro', 'Team', 'Business', 'Enterprise'];
export const agents = ['Alex (Support)', 'Sam from Support', 'Jordan, Customer Care', 'Rin, Support Team', 'Noor, Billing Team', 'Kai – Support'];
export const emailDomains = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me', 'web.de', 'orange.fr', 'libero.it', 'acme-corp.com', 'northwind.io', 'globex.net', 'initech.co'];
export const socialHashtags = ['#fail', '#customerservice', '#help', '#love', '#support', ''];
