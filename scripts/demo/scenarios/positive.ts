/** Positive scenarios: praise for agents, products, features and docs; renewals and survey answers. */
import { ANY_PRODUCT, APP, BELL, CAM, CLOUD, HARDWARE, HUB, type Scenario } from '../types';

export const POSITIVE: Scenario[] = [
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
