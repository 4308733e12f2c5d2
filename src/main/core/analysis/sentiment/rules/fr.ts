import type { SentimentLanguageRules } from '../../sentiment-rules';

/** French: the CLiPS Pattern lexicon (stemmed) plus the support layer. */
export const fr: SentimentLanguageRules = {
  negators: ['pas', 'jamais', 'aucun', 'aucune', 'rien', 'personne', 'sans', 'ni', 'guère', 'nullement'],
  intensifiers: {
    très: 1.3, tres: 1.3, trop: 1.2, vraiment: 1.3, extrêmement: 1.5, tellement: 1.3, super: 1.3, hyper: 1.3, si: 1.2,
    totalement: 1.3, complètement: 1.3, absolument: 1.4, grave: 1.3, peu: 0.6, assez: 0.8, plutôt: 0.8,
  },
  contrast: ['mais', 'cependant', 'pourtant', 'toutefois', 'néanmoins'],
  complaints: {
    'toujours pas': -2.5, 'toujours rien': -2.5, 'toujours aucune': -2.5, "j'attends": -1.5, 'attends depuis': -2.5, "j'attends toujours": -3,
    'depuis # jours': -1.5, 'depuis # semaines': -2, 'aucune réponse': -2.5, 'pas de réponse': -2.5, 'sans réponse': -2.5,
    'personne ne': -2, 'où est mon': -2.5, 'où est ma': -2.5, 'où sont mes': -2.5, 'ou est mon': -2.5, 'ou est ma': -2.5,
    'pourquoi ne': -2, 'pourquoi pas': -1.5, 'troisième fois': -2.5, 'encore une fois': -1.5, 'de nouveau': -1,
    'annulé': -1.5, 'annulée': -1.5, 'en retard': -2, 'retardé': -2, 'retard': -1.5, 'ne fonctionne pas': -2.5,
    'fonctionne pas': -2.5, 'marche pas': -2.5, 'ne marche plus': -2.5, 'remboursement': -1, 'mon argent': -2,
    'débité deux fois': -3, 'inadmissible': -3, 'inacceptable': -3, 'honteux': -3, 'une honte': -3, "c'est une honte": -3,
    'plus jamais': -3, 'service client': -0.5, 'ras le bol': -3, 'marre': -2.5, "j'en ai marre": -3,
    // Idioms: "pas terrible" and "pas fameux" mean "not good", not a negated "terrible".
    'pas terrible': -2, 'pas fameux': -2, 'pas fameuse': -2,
  },
  negatedComplaints: [
    'reçu', 'recu', 'arrivé', 'arrivée', 'arrive', 'livré', 'livrée', 'fonctionne', 'marche', 'répondu', 'repondu', 'répond',
    'remboursé', 'résolu', 'réglé', 'envoyé', 'peux', 'pu', 'rappelé',
  ],
  courtesy: [
    "merci d'avance", 'merci par avance', 'cordialement', 'bien cordialement', "s'il vous plaît", "s'il vous plait", 'svp', 'stp',
    'bien à vous', 'bonjour', 'bonsoir', 'salut', 'madame', 'monsieur', 'je voudrais', 'pourriez-vous', 'pourriez vous',
    'pouvez-vous', 'pouvez vous', 'merci de me', 'merci de bien vouloir',
  ],
  thanks: ['merci', 'remercie', 'mercii'],
  sarcasm: { 'merci beaucoup': 2, 'bravo': 3, 'génial': 3, 'super service': 3 },
  lexicon: {
    merci: 2, remercie: 2, mercii: 2, bien: 1.5, bon: 1.5, bonne: 1.5, super: 3, génial: 3, genial: 3, parfait: 3, parfaite: 3, excellent: 3.5, excellente: 3.5,
    rapide: 1, content: 2.5, contente: 2.5, satisfait: 2.5, satisfaite: 2.5, top: 2.5, bravo: 3, magnifique: 3.5, merveilleux: 3.5,
    adore: 3, 'j\'adore': 3.5, aime: 2.5, "j'aime": 2.5, heureux: 3, heureuse: 3, félicitations: 3, beau: 2.5, belle: 2.5,
    cool: 2, trop: 0, incroyable: 3, formidable: 3.5, chouette: 2.5, sympa: 2.5, recommande: 2.5, mdr: 1.5, ptdr: 1.5,
    nul: -2.5, nulle: -2.5, mauvais: -2.5, mauvaise: -2.5, horrible: -3.5, terrible: -3, déçu: -2.5, déçue: -2.5, décevant: -2.5,
    déception: -3, triste: -2.5, honte: -3, merde: -3, putain: -2, chiant: -2.5, galère: -2, arnaque: -3.5, scandale: -3,
    catastrophe: -3, pire: -3, problème: -2, erreur: -1.5, cassé: -2, énervé: -2.5, colère: -3, haine: -3.5, marre: -2.5,
    peur: -2, dommage: -2, malheureusement: -2, lamentable: -3, pathétique: -3, inutile: -2, incompétent: -3, débile: -3,
    // Pattern stems that are not sentiment in support text.
    tu: 0, pourrait: 0, pourra: 0, pourraient: 0, pourrais: 0, faut: 0, après: 0, tous: 0, français: 0, jeunes: 0,
    passe: 0, gauche: 0, fin: 0, armée: 0, animaux: 0,
    plus: 0, premier: 0, grand: 0.5, seul: 0, ensemble: 0, petit: 0, sur: 0, tout: 0, toute: 0, toutes: 0, royal: 0,
    cher: 0, force: 0, dernier: 0, derniers: 0, haute: 0, cours: 0, cour: 0, base: 0, passer: 0, part: 0, nouveau: 0.5,
    nouveaux: 0.5, communiste: 0, génération: 0, france: 0, humain: 0, humaine: 0, humaines: 0, certain: 0, certaine: 0,
    proche: 0, proches: 0, propre: 0.5, nature: 0.5, social: 0, sociale: 0, sociales: 0, actuellement: 0, responsable: 0,
    // General words the Pattern lexicon lacks.
    crise: -2, danger: -2.5, menace: -2, menacé: -2, menacée: -2, menacées: -2, mort: -2.5, morts: -2.5, victime: -2.5,
    victimes: -2.5, disparaître: -2, disparition: -2, polémique: -1.5, révolte: -2, assassine: -3, panne: -2, manque: -1.5,
    faute: -2, guerre: -2.5, détruit: -2.5, détruire: -2.5, tue: -2.5, inquiétant: -2.5, indifférence: -2, affligeant: -3,
    nuisance: -2.5, pollution: -2, catastrophique: -3.5, dégueulasse: -3, pourri: -3, naze: -2.5, bof: -1.5,
    grâce: 1.5, succès: 3, soutien: 1.5, soutenir: 1.5, positive: 2, positif: 2, intéressant: 2, richesse: 2, honneur: 2,
    réussi: 3, réussite: 3, gagné: 2.5, victoire: 3, bienvenue: 2, merveille: 3.5, adorable: 3, kiffe: 3,
  },
};
