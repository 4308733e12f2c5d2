/**
 * Negative scenarios, part 1 of 2 (one list split for length): refunds, unanswered tickets,
 * late deliveries, offline cameras, app crashes, log-in codes and wrong charges.
 */
import { ANY_PRODUCT, APP, CAM, CLOUD, HARDWARE, type Scenario } from '../types';

export const NEGATIVE_1: Scenario[] = [
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
];
