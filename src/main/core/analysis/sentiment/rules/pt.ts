import type { SentimentLanguageRules } from '../../sentiment-rules';

/** Portuguese (Brazil and Portugal): AFINN-pt stems plus the support layer. */
export const pt: SentimentLanguageRules = {
  negators: ['não', 'nao', 'nunca', 'jamais', 'nem', 'nenhum', 'nenhuma', 'nada', 'ninguém', 'sem', 'tampouco', 'ñ', 'n'],
  intensifiers: {
    muito: 1.3, muita: 1.3, muitos: 1.2, bem: 1.2, super: 1.3, demais: 1.3, extremamente: 1.5, tão: 1.3, tao: 1.3,
    bastante: 1.2, totalmente: 1.3, completamente: 1.3, realmente: 1.3, mega: 1.3, pouco: 0.6, meio: 0.7, mais: 1.1,
  },
  contrast: ['mas', 'porém', 'porem', 'contudo', 'entretanto', 'todavia'],
  complaints: {
    'ainda não': -2.5, 'ainda nao': -2.5, 'até agora': -1.5, 'ate agora': -1.5, 'até hoje': -1.5, 'ainda estou esperando': -3,
    'estou esperando': -2, 'esperando há': -2.5, 'esperando a': -1.5, 'há # dias': -1.5, 'ha # dias': -1.5, '# dias': -1,
    'sem resposta': -2.5, 'nenhuma resposta': -2.5, 'ninguém responde': -2.5, 'ninguem responde': -2.5, 'ninguém': -1.5,
    'cadê': -2.5, 'cade': -2.5, 'onde está meu': -2.5, 'onde está minha': -2.5, 'onde esta meu': -2.5, 'onde esta minha': -2.5,
    'cadê meu': -2.5, 'cadê minha': -2.5, 'por que não': -2, 'porque não': -2, 'pela terceira vez': -2.5, 'de novo': -1.5,
    'outra vez': -1.5, 'cancelado': -1.5, 'cancelada': -1.5, 'atrasado': -2, 'atrasada': -2, 'atraso': -2,
    'não funciona': -2.5, 'nao funciona': -2.5, 'parou de funcionar': -2.5, 'reembolso': -1, 'estorno': -1.5,
    'meu dinheiro de volta': -3, 'dinheiro de volta': -2, 'cobrado duas vezes': -3, 'cobrança indevida': -3,
    'descaso': -3, 'absurdo': -3, 'palhaçada': -3, 'vergonha': -2.5, 'falta de respeito': -3, 'reclame aqui': -2.5,
    'procon': -2.5, 'nunca mais': -3, 'pior': -3,
  },
  negatedComplaints: [
    'recebi', 'recebeu', 'recebido', 'recebemos', 'chegou', 'chegaram', 'entregue', 'entregaram', 'funciona', 'funcionou',
    'respondeu', 'responderam', 'resolveram', 'resolveu', 'resolvido', 'devolveram', 'reembolsaram', 'estornaram', 'consigo',
    'consegui', 'ligaram', 'atende', 'atendem', 'atenderam', 'enviaram', 'enviado',
  ],
  courtesy: [
    'obrigado desde já', 'obrigada desde já', 'desde já agradeço', 'agradeço desde já', 'por favor', 'por gentileza',
    'atenciosamente', 'att', 'abraços', 'abraço', 'bom dia', 'boa tarde', 'boa noite', 'olá', 'oi', 'prezados', 'prezado',
    'gostaria de', 'poderiam', 'poderia', 'aguardo retorno', 'no aguardo',
  ],
  thanks: ['obrigado', 'obrigada', 'obg', 'brigado', 'brigada', 'valeu', 'agradeço', 'grato', 'grata'],
  sarcasm: { 'muito obrigado': 2, 'parabéns': 3, 'que beleza': 3, 'ótimo atendimento': 3 },
  // Calibrated on the XLM-T train split (tweets), never on test.
  thresholds: { positive: 0.5, negative: 0.1 },
  lexicon: {
    // Exact forms and lemmas beside AFINN-pt (stemmed at load), common in support and social text.
    obrigado: 2, obrigada: 2, obg: 2, brigado: 2, brigada: 2, agradeço: 2, grato: 2, grata: 2, valeu: 2, 'valeu a pena': 3, 'vale a pena': 3, excelente: 3.5, ótimo: 3, ótima: 3, otimo: 3, maravilhoso: 3.5,
    perfeito: 3, lindo: 3, linda: 3, incrível: 3.5, amei: 3.5, adorei: 3.5, adoro: 3, amo: 3, gostei: 2.5, recomendo: 2.5,
    parabéns: 3, feliz: 3, felicidade: 3, top: 2.5, show: 2, massa: 2, demais: 1, rápido: 1.5, eficiente: 2.5, satisfeito: 2.5,
    satisfeita: 2.5, bom: 2, boa: 2, legal: 2, bonito: 2.5, sensacional: 3.5, maravilha: 3, lindeza: 3, fofo: 2.5, orgulho: 2.5,
    ruim: -2.5, péssimo: -3.5, péssima: -3.5, horrível: -3.5, terrível: -3.5, decepcionado: -2.5, decepção: -3, triste: -2.5,
    chato: -2, chata: -2, raiva: -3, odeio: -3.5, odiei: -3.5, lixo: -3, merda: -3, porcaria: -3, droga: -2, pqp: -3,
    medo: -2, chorar: -1.5, chorando: -1.5, saudade: -1, saudades: -1, infelizmente: -2, problema: -2, defeito: -2.5,
    quebrado: -2, errado: -2, erro: -1.5, golpe: -3, enganado: -3, roubo: -3, nojo: -3, vergonha: -2.5, cansado: -1.5,
    sofrimento: -2.5, preguiça: -1.5, ódio: -3.5, mal: -2, mau: -2, 'que pena': -2, pena: -1, pior: -3, difícil: -1.5,
    // Stems of AFINN-pt that are not sentiment in support text.
    para: 0, sair: 0, deus: 0, novela: 0, victor: 0, pará: 0, deixa: 0, deixar: 0, novo: 0.5, grande: 0.5,
    favor: 0, livre: 0, sim: 0, nao: 0, quer: 0, pag: 0, present: 0, unid: 0, vitor: 0, esper: 0, matéria: 0, mata: 0,
    foda: 0, diva: 2, jesus: 0, lembrar: 0, participantes: 0, poder: 0,
    // General words AFINN-pt lacks.
    aff: -2, affs: -2, bosta: -3, racismo: -3, machista: -3, feio: -3, feia: -3, sozinho: -1.5, amando: 3, bacana: 2.5,
    fofa: 2.5, emocionante: 3, delícia: 3, lindos: 3, lindas: 3, maravilhosa: 3.5, arrasou: 3, arrasando: 3,
    sucesso: 3, vitória: 3, esperança: 2, torcendo: 1.5, chatice: -2.5, tédio: -2, morte: -2.5, morreu: -2.5, mentira: -2.5,
  },
};
