/**
 * What a customer wants, read from cue phrases: the few intents support replies are
 * written for (a refund, where an order is, getting back into an account, a fault, leaving,
 * thanks) and whether the message asks or complains. The same cues read a template's name
 * and keywords, so a refund request meets the refund templates even when the two share no
 * other word, and "Bug: fixed" (an announcement) is not taken for a reply to a bug report.
 *
 * Cues are word starts in the languages the default templates cover; they are deliberately
 * few and specific: a generic word ("new", "help", "issue") says nothing about intent.
 */

export const intents = ['refund', 'delivery', 'login', 'bug', 'cancellation', 'praise'] as const;
export type Intent = (typeof intents)[number];
export type Mood = 'question' | 'complaint';

/** How an intent reads in a reason line ("intent: refund request"). */
export const intentLabels: Record<Intent, string> = {
  refund: 'refund request',
  delivery: 'delivery status',
  login: 'login problem',
  bug: 'bug report',
  cancellation: 'cancellation',
  praise: 'thanks',
};

/** The default taxonomy's topic for each intent: a message with the intent counts as on that topic. */
export const intentTopics: Record<Intent, string> = {
  refund: 'refund',
  delivery: 'delivery',
  login: 'login and account',
  bug: 'bug or crash',
  cancellation: 'cancellation',
  praise: 'praise',
};

const B = String.raw`(?<![\p{L}\p{N}])`;
const cue = (...alternatives: string[]): RegExp => new RegExp(`${B}(?:${alternatives.join('|')})`, 'iu');

const CUES: Record<Intent, RegExp> = {
  refund: cue('refund', 'money back', 'my money', 'reimburs', 'chargeback', 'rückerstatt', 'erstatt', 'geld zurück', 'rembours', 'reembols', 'devoluci', 'estorno', 'rimbors', 'terugbetal'),
  delivery: cue(
    'deliver',
    'shipping',
    'shipped',
    'shipment',
    'parcel',
    'package',
    'tracking',
    'courier',
    'arriv',
    'where is my order',
    'not (?:yet )?received',
    'lieferung',
    'geliefert',
    'paket',
    'sendung',
    'angekommen',
    'livraison',
    'colis',
    'envío',
    'pedido',
    'entrega',
    'encomenda',
    'spedizion',
    'consegna',
  ),
  login: cue(
    'log ?in',
    'logged out',
    'sign ?in',
    'password',
    'locked out',
    '2fa',
    'two.factor',
    'verification code',
    'reset link',
    'can.?t access my account',
    'hacked',
    'anmeld',
    'passwort',
    'mot de passe',
    'connexion',
    'contraseña',
    'iniciar sesión',
    'senha',
  ),
  bug: cue(
    'bug',
    'crash',
    'error',
    'glitch',
    'freez',
    'frozen',
    'not working',
    'isn.?t working',
    'doesn.?t work',
    'does not work',
    'stopped working',
    'won.?t (?:open|load|work|play|start|connect)',
    'keeps (?:closing|crashing|restarting)',
    'broken',
    'fehler',
    'absturz',
    'abgestürzt',
    'funktioniert nicht',
    'plantage',
    'erreur',
    'ne fonctionne pas',
    'falla',
    'no funciona',
  ),
  cancellation: cue('cancel', 'unsubscrib', 'terminate', 'close my account', 'delete my account', 'stop (?:my )?subscription', 'kündig', 'résili', 'annul', 'darme de baja', 'disdir'),
  praise: cue('thank you so much', 'thanks so much', 'love', 'awesome', 'amazing', 'great (?:job|service|support|work)', 'excellent', 'brilliant', 'well done', 'appreciate', 'kudos', 'danke', 'merci beaucoup', 'muchas gracias'),
};

const QUESTION_START = cue('how', 'what', 'when', 'where', 'why', 'which', 'can', 'could', 'is there', 'are there', 'do you', 'does', 'will', 'wie', 'wann', 'wo ', 'comment', 'quand', 'où', 'cómo', 'cuándo', 'dónde');
const COMPLAINT = cue('still', 'never', 'again', 'unacceptable', 'terrible', 'awful', 'worst', 'ridiculous', 'disappointed', 'fed up', 'complain', 'furious', 'joke', 'useless', 'immer noch', 'toujours pas', 'todavía no');

/** The intents whose cues the text holds, in the order of `intents`. */
export function intentsOf(text: string): Intent[] {
  return intents.filter((i) => CUES[i].test(text));
}

/**
 * Asks or complains (or neither): a question mark or question opening, else complaint cues
 * or a negative sentiment. A complaint phrased as a question ("why is it still late?")
 * is a complaint: what the reply must do first is own the problem.
 */
export function moodOf(text: string, sentiment: 'positive' | 'neutral' | 'negative' | null): Mood | null {
  const own = text.replace(/(?:^|\s)@\w+/g, ' ').trim();
  if (sentiment === 'negative' || COMPLAINT.test(own)) return 'complaint';
  if (/\?/.test(own) || QUESTION_START.test(own.slice(0, 24))) return 'question';
  return null;
}

/** A template's mood, from its name and keywords ("question", "complaint, urgent"). */
export function templateMood(text: string): Mood | null {
  if (/(?<![\p{L}])(?:question|how to|frage|question)/iu.test(text)) return 'question';
  if (COMPLAINT.test(text) || /(?<![\p{L}])(?:complaint|escalat|urgent)/iu.test(text)) return 'complaint';
  return null;
}
