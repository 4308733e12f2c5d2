/**
 * The per-language base lexicons (stems, accent-folded, on AFINN's -5..5 scale), vendored
 * from @nlpjs/lang-* (see NOTICE.md beside this file for sources and licences). Each file
 * groups its stems by score ({"-2.5": "stem stem …"}) so the data stays small and cheap to
 * type-check; a language's map is built once, when sentiment.ts compiles it.
 */
import es from './lexicons/es';
import fr from './lexicons/fr';
import it from './lexicons/it';
import nl from './lexicons/nl';
import pt from './lexicons/pt';

function expand(grouped: Readonly<Record<string, string>>): Map<string, number> {
  const out = new Map<string, number>();
  // Stems of three letters or fewer ("con", "ir", "het", "noi") are mostly other words written the same way.
  for (const [score, words] of Object.entries(grouped)) for (const w of words.split(' ')) if (w.length > 3) out.set(w, Number(score));
  return out;
}

const GROUPED: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map([['es', es], ['fr', fr], ['it', it], ['nl', nl], ['pt', pt]]);

/**
 * Stem -> score of a language with a vendored base lexicon (German has only its own, in
 * rules/de.ts), as a new map the caller owns: built once by sentiment.ts, not kept here too.
 */
export function stemLexicon(language: string): Map<string, number> {
  const grouped = GROUPED.get(language);
  return grouped ? expand(grouped) : new Map();
}

/** Accent folding for Latin letters (é -> e, ß -> ss), table-driven: built once. */
const FOLD: string[] = [];
for (let c = 0; c < 0x250; c++) {
  const ch = String.fromCharCode(c).toLowerCase();
  FOLD[c] = c === 0xdf ? 'ss' : ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
/** German writes umlauts without the dots as ae, oe, ue ("schoen"); "schön" must not fold to "schon". */
const FOLD_DE = [...FOLD];
FOLD_DE[0xe4] = FOLD_DE[0xc4] = 'ae';
FOLD_DE[0xf6] = FOLD_DE[0xd6] = 'oe';
FOLD_DE[0xfc] = FOLD_DE[0xdc] = 'ue';

/** Lower-cased and accent-folded ("Décevant" -> "decevant"; in German "Schön" -> "schoen"). */
export function foldWord(word: string, language?: string): string {
  let plain = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x80 || (c >= 65 && c <= 90)) { plain = false; break; }
  }
  if (plain) return word;
  const fold = language === 'de' ? FOLD_DE : FOLD;
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    out += c < 0x250 ? (fold[c] as string) : word.charAt(i).toLowerCase();
  }
  return out;
}
