import type { SentimentLanguageRules } from '../../sentiment-rules';

/** Spanish: AFINN-es stems plus the support layer. */
export const es: SentimentLanguageRules = {
  negators: ['no', 'nunca', 'jamás', 'jamas', 'nada', 'nadie', 'ningún', 'ningun', 'ninguna', 'ninguno', 'sin', 'ni', 'tampoco'],
  intensifiers: {
    muy: 1.3, mucho: 1.2, demasiado: 1.2, realmente: 1.3, extremadamente: 1.5, tan: 1.3, súper: 1.3, super: 1.3,
    totalmente: 1.3, completamente: 1.3, bastante: 1.2, re: 1.3, poco: 0.6, algo: 0.7, más: 1.1, mas: 1.1,
  },
  contrast: ['pero'],
  complaints: {
    'todavía no': -2.5, 'todavia no': -2.5, 'aún no': -2.5, 'aun no': -2.5, 'sigo esperando': -2.5, 'seguimos esperando': -2.5,
    'llevo esperando': -2.5, 'estoy esperando': -2, 'hace # días': -1.5, 'hace # dias': -1.5, '# días': -1, 'sin respuesta': -2.5,
    'ninguna respuesta': -2.5, 'nadie responde': -2.5, 'nadie contesta': -2.5, 'nadie': -1.5,
    'dónde está mi': -2.5, 'donde esta mi': -2.5, 'dónde está': -1.5, 'donde está': -1.5, 'qué pasa con': -2, 'que pasa con': -2,
    'por qué no': -2, 'por que no': -2, 'tercera vez': -2.5, 'otra vez': -1.5, 'de nuevo': -1,
    'cancelado': -1.5, 'cancelada': -1.5, 'retrasado': -2, 'retraso': -2, 'no funciona': -2.5, 'dejó de funcionar': -2.5,
    'reembolso': -1, 'devolución': -1, 'mi dinero': -2, 'cobrado dos veces': -3, 'cobro indebido': -3,
    'inaceptable': -3, 'vergüenza': -3, 'una vergüenza': -3, 'falta de respeto': -3, 'nunca más': -3, 'nunca mas': -3,
  },
  negatedComplaints: [
    'llegado', 'llegó', 'llego', 'llegan', 'recibido', 'recibí', 'recibi', 'funciona', 'funcionó', 'respondido', 'respondieron',
    'responden', 'contestan', 'contestado', 'entregado', 'entregaron', 'devuelto', 'reembolsado', 'solucionado', 'resuelto',
    'puedo', 'consigo', 'atienden', 'enviado', 'enviaron',
  ],
  courtesy: [
    'gracias de antemano', 'gracias por adelantado', 'de antemano', 'saludos', 'un saludo', 'saludos cordiales', 'atentamente',
    'por favor', 'porfa', 'porfavor', 'buenos días', 'buenos dias', 'buenas tardes', 'buenas noches', 'buenas', 'hola',
    'quisiera', 'me gustaría', 'me gustaria', 'podrían', 'podrian', 'podría', 'quedo atento', 'quedo atenta', 'estimados',
  ],
  thanks: ['gracias', 'agradezco', 'agradecido', 'agradecida', 'grax'],
  sarcasm: { 'muchas gracias': 2, 'qué bien': 3, 'que bien': 3, 'genial': 3, 'excelente servicio': 3 },
  // Calibrated on the XLM-T train split (tweets), never on test.
  thresholds: { positive: 0.4, negative: 0.2 },
  lexicon: {
    gracias: 2, agradezco: 2, agradecido: 2, agradecida: 2, grax: 2, bien: 1.5, bueno: 2, buena: 2, buenísimo: 3.5, excelente: 3.5, genial: 3, perfecto: 3, rápido: 1.5, contento: 2.5,
    contenta: 2.5, encantado: 3, encantada: 3, encanta: 3, encantó: 3, maravilloso: 3.5, increíble: 3.5, feliz: 3, felicidades: 3,
    enhorabuena: 3, guapo: 2.5, guapa: 2.5, hermoso: 3, hermosa: 3, lindo: 2.5, linda: 2.5, amo: 3, amor: 3, me: 0, gusta: 2,
    recomiendo: 2.5, satisfecho: 2.5, satisfecha: 2.5, mejor: 2, top: 2, crack: 2.5, brutal: 2, bonito: 2.5, bonita: 2.5,
    malo: -2.5, mala: -2.5, mal: -2, pésimo: -3.5, pésima: -3.5, horrible: -3.5, terrible: -3.5, fatal: -3, decepcionado: -2.5,
    decepcionada: -2.5, decepción: -3, triste: -2.5, asco: -3, odio: -3.5, mierda: -3, basura: -3, peor: -3, problema: -2,
    error: -1.5, roto: -2, estafa: -3.5, engaño: -3, vergüenza: -3, miedo: -2, pena: -1.5, lamentable: -3, harto: -2.5,
    harta: -2.5, cansado: -1.5, ridículo: -2.5, desastre: -3, fraude: -3.5, indignante: -3, nefasto: -3.5,
    // Stems of AFINN-es that are not sentiment in support text.
    con: 0, ir: 0, son: 0, dio: 0, dicho: 0, seguro: 0.5, cierto: 0, salir: 0, deja: 0, nuevo: 0.5, nueva: 0.5,
    saludo: 0, saludos: 0, claro: 0.5,
    esperaba: 0, esperar: 0, esperas: 0, espero: 1, poder: 0, efecto: 0, acceso: 0, título: 0, restaurante: 0, restaurantes: 0,
    natural: 0, atracción: 0, just: 0,
    si: 0, quer: 0, pag: 0, unid: 0, favor: 0, sab: 0, sabes: 0, saber: 0, sola: 0, solo: 0, sólo: 0, vale: 0.5,
    llegar: 0, llegó: 0, pelo: 0, cara: 0, total: 0, vivir: 0, capaz: 0, gusto: 1, bajo: 0, loca: 0, ayuda: 0.5,
    // General words AFINN-es lacks.
    pobre: -2, feo: -3, fea: -3, dolor: -2.5, raro: -1, puto: -3, puta: -3, maldito: -3, maldita: -3,
    placer: 3, alegro: 3, alegra: 3, sonrisa: 2, bienvenido: 2, bienvenida: 2, preciosa: 3, precioso: 3,
    mola: 2.5, rico: 2, rica: 2, dicha: 2, abrazo: 1.5, ánimo: 1.5, ánimos: 1.5, disfrutar: 2.5, disfruta: 2.5, éxito: 3,
  },
};
