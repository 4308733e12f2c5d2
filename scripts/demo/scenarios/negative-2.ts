/**
 * Negative scenarios, part 2 of 2 (one list split for length): shouting and sarcasm, night
 * vision, price rises, battery drain, a slow app, hub pairing, HomeKit and the survey answers.
 */
import { ANY_PRODUCT, APP, BELL, CAM, CLOUD, HUB, type Scenario } from '../types';

export const NEGATIVE_2: Scenario[] = [
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
