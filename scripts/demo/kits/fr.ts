/** The French kit: customer greetings and sign-offs, agents, reply templates, names, phone numbers. */
import { pad } from '../util';
import type { LangKit } from '../types';

export const FR: LangKit = {
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
  phone: (rng) => `06 39 98 ${pad(rng.range(0, 99), 2)} ${pad(rng.range(0, 99), 2)}`,
};
