/** Neutral scenarios: questions, ideas, order status, cancellations, lukewarm reviews and surveys. */
import { ANY_PRODUCT, APP, BELL, CAM, CLOUD, HARDWARE, HUB, type Scenario } from '../types';

export const NEUTRAL: Scenario[] = [
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
