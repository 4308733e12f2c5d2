/**
 * Language detection on short real texts: share detected correctly, share of wrong
 * confident guesses, share unknown, per language; Hearken beside eld alone (extrasmall,
 * reliable answers only) in the same run.
 *
 * Data (a folder: argv[2], else HEARKEN_EVAL_DATA, else ../shared/data beside the checkout):
 * - banking77/{train,test}.csv: real English banking support queries (PolyAI, CC-BY-4.0,
 *   https://github.com/PolyAI-LDN/task-specific-datasets).
 * - xlm-t/<language>/{train,test}_text.txt: tweets in de, fr, es, pt, it (cardiffnlp/xlm-t,
 *   https://github.com/cardiffnlp/xlm-t); only those of at most 80 characters once
 *   @user and links are removed, the nearest public short texts we have in those languages.
 * - test/fixtures/analysis/language-samples.json (ours, shipped): 98 support texts in 7 languages.
 * `--split train` reads the train files (where thresholds were tuned); the default is test.
 *
 * Run: HEARKEN_EVAL_DATA=/work/eval-data npm run eval:language [-- --split train]
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eld } from 'eld/extrasmall';
import { detectLanguage, type LanguageContext } from '../src/main/core/analysis/language';

const args = process.argv.slice(2);
const split = args.includes('--split') ? (args[args.indexOf('--split') + 1] ?? 'test') : 'test';
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--split');
const DATA = resolve(positional[0] ?? process.env.HEARKEN_EVAL_DATA ?? fileURLToPath(new URL('../../shared/data', import.meta.url)));
const MAX_CHARS = 80;

interface Sample {
  lang: string;
  text: string;
}
interface EvalSet {
  name: string;
  lang: string;
  samples: string[];
}

function csvTexts(path: string): string[] {
  // banking77: text,category; texts with commas are quoted.
  const out: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
    if (!line.trim()) continue;
    const m = line.startsWith('"') ? /^"((?:[^"]|"")*)",/.exec(line) : /^([^,]*),/.exec(line);
    if (m?.[1]) out.push(m[1].replace(/""/g, '"'));
  }
  return out;
}

const tweetText = (t: string): string => t.replace(/@user/gi, ' ').replace(/https?:\S*|\bhttp\b/g, ' ').replace(/\s+/g, ' ').trim();

const sets: EvalSet[] = [];
const missing: string[] = [];
const banking = resolve(DATA, 'banking77', `${split}.csv`);
if (existsSync(banking)) {
  const texts = csvTexts(banking);
  sets.push({ name: `banking77 ${split} (en)`, lang: 'en', samples: texts });
  sets.push({ name: `banking77 ${split}, at most 5 words (en)`, lang: 'en', samples: texts.filter((t) => t.trim().split(/\s+/).length <= 5) });
} else missing.push(banking);
for (const [folder, lang] of [['german', 'de'], ['french', 'fr'], ['spanish', 'es'], ['portuguese', 'pt'], ['italian', 'it']] as const) {
  const path = resolve(DATA, 'xlm-t', folder, `${split}_text.txt`);
  if (!existsSync(path)) {
    missing.push(path);
    continue;
  }
  const texts = readFileSync(path, 'utf8').split('\n').map(tweetText).filter((t) => t.length >= 2 && t.length <= MAX_CHARS);
  sets.push({ name: `xlm-t ${split} tweets ≤${MAX_CHARS} chars (${lang})`, lang, samples: texts });
}
const fixture = JSON.parse(readFileSync(new URL('../test/fixtures/analysis/language-samples.json', import.meta.url), 'utf8')) as Sample[];
for (const lang of [...new Set(fixture.map((s) => s.lang))]) sets.push({ name: `fixture (${lang})`, lang, samples: fixture.filter((s) => s.lang === lang).map((s) => s.text) });
// Common short support queries, written for this check (not a public set; shown apart).
const SHORT: Sample[] = [
  ...['I forgot my password', 'I broke my card', 'How do I locate my card?', 'Where is my refund?', 'Thanks!', 'Card declined', 'Refund please', 'App crashes'].map((text) => ({ lang: 'en', text })),
  ...['Danke!', 'Passwort vergessen', 'Wo ist meine Erstattung?', 'Karte gesperrt'].map((text) => ({ lang: 'de', text })),
  ...['Merci beaucoup', 'Mot de passe oublié', 'Où est mon remboursement ?'].map((text) => ({ lang: 'fr', text })),
  ...['Olvidé mi contraseña', '¿Dónde está mi reembolso?', 'Muchas gracias'].map((text) => ({ lang: 'es', text })),
  ...['Esqueci minha senha', 'Cadê meu reembolso?', 'Muito obrigado'].map((text) => ({ lang: 'pt', text })),
  ...['Ho dimenticato la password', 'Dov’è il mio rimborso?', 'Grazie mille'].map((text) => ({ lang: 'it', text })),
  ...['Wachtwoord vergeten', 'Waar is mijn terugbetaling?', 'Hartelijk bedankt'].map((text) => ({ lang: 'nl', text })),
];
sets.push({ name: 'short queries (ours)', lang: '*', samples: [] });

interface Tally {
  n: number;
  right: number;
  wrong: number;
  unknown: number;
}
const tally = (): Tally => ({ n: 0, right: 0, wrong: 0, unknown: 0 });
const add = (t: Tally, expected: string, got: string | null): void => {
  t.n++;
  if (got === null || got === '') t.unknown++;
  else if (got === expected) t.right++;
  else t.wrong++;
};
const pct = (x: number, n: number): string => (n ? `${((100 * x) / n).toFixed(1)}%` : '-');
const cells = (t: Tally): string => `${pct(t.right, t.n)} | ${pct(t.wrong, t.n)} | ${pct(t.unknown, t.n)}`;

const eldGuess = (text: string): string | null => {
  const r = eld.detect(text);
  return r.language && r.isReliable() ? r.language : null;
};
const storeEn: LanguageContext = { store: 'en' };

console.log(`Language detection on short texts (${split} split), data: ${DATA}\n`);
console.log('| set | n | Hearken right | wrong | unknown | eld/extrasmall (reliable only) right | wrong | unknown | Hearken, store usually English: right | wrong | unknown |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
let timeMs = 0;
let timed = 0;
for (const set of sets) {
  const pairs: Sample[] = set.lang === '*' ? SHORT : set.samples.map((text) => ({ lang: set.lang, text }));
  const ours = tally();
  const base = tally();
  const ctx = tally();
  const wrongs: string[] = [];
  const t0 = performance.now();
  for (const s of pairs) {
    const g = detectLanguage(s.text);
    add(ours, s.lang, g.language);
    if (g.language !== null && g.language !== s.lang && wrongs.length < 3) wrongs.push(`${JSON.stringify(s.text)} → ${g.language} (${g.reason})`);
  }
  timeMs += performance.now() - t0;
  timed += pairs.length;
  for (const s of pairs) add(base, s.lang, eldGuess(s.text));
  for (const s of pairs) add(ctx, s.lang, detectLanguage(s.text, undefined, storeEn).language);
  console.log(`| ${set.name} | ${ours.n} | ${cells(ours)} | ${cells(base)} | ${cells(ctx)} |`);
  if (process.env.SHOW_WRONG) for (const w of wrongs) console.error(`  ${set.name}: ${w}`);
}
console.log(`\nHearken: ${((timeMs * 1000) / timed).toFixed(2)} µs per text over ${timed.toLocaleString('en-US')} texts (this run, all sets).`);
console.log('Sources: banking77 (PolyAI, CC-BY-4.0), xlm-t (cardiffnlp, tweets: read from the folder, not committed), fixture and short queries: ours.');
if (missing.length) console.log(`\nMissing (skipped): ${missing.join(', ')}`);
