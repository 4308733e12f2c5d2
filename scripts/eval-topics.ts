/**
 * `npm run eval:topics [-- <data folder>]`: how many real support questions get a topic,
 * and how many of those get a right one, with the shipped taxonomies beside the previous
 * one (taxonomy-v1.json through the exact matcher, which is the previous matcher: the same
 * code path with synonyms and gaps off), in the same run on the same texts.
 *
 * Data (public, labelled by others, read from the folder, not shipped):
 * - banking77/{train,test}.csv (PolyAI, CC-BY-4.0, https://github.com/PolyAI-LDN/task-specific-datasets):
 *   the taxonomies were tuned on train; the figures are on test.
 * - clinc150/data_full.json (Clinc, CC-BY-3.0, https://github.com/clinc/oos-eval): a second
 *   check on data no term was written against (its banking, credit-card and travel domains).
 * The right topics per banking77 category are a hand-made table (RIGHT below).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { DEFAULT_TAXONOMY, type Taxonomy } from '../src/main/core/analysis/taxonomy';
import { starterTopics } from '../src/main/core/analysis/taxonomies/starters';
import { EXACT, LOOSE, matchTopics, type MatchOptions } from '../src/main/core/analysis/topics';

const DATA = resolve(process.argv[2] ?? process.env.HEARKEN_EVAL_DATA ?? fileURLToPath(new URL('../../shared/data', import.meta.url)));
const V1 = JSON.parse(readFileSync(fileURLToPath(new URL('../test/fixtures/analysis/taxonomy-v1.json', import.meta.url)), 'utf8')) as Taxonomy;
const BANKING = starterTopics('banking');
const TRAVEL = starterTopics('travel');

interface Item { text: string; label: string }
interface Setup { name: string; taxonomy: Taxonomy; options: MatchOptions; right?: 0 | 1 }

const SETUPS: Setup[] = [
  { name: 'previous (v1 taxonomy, previous exact matcher)', taxonomy: V1, options: EXACT },
  { name: 'v1 taxonomy, new matcher', taxonomy: V1, options: LOOSE },
  { name: 'general (default)', taxonomy: DEFAULT_TAXONOMY, options: LOOSE, right: 0 },
  { name: 'banking starter', taxonomy: BANKING, options: LOOSE, right: 1 },
];

const G = { acc: 'login and account', card: 'cards and payments', tr: 'transfers', bill: 'billing', ref: 'refund', del: 'delivery', bug: 'bug or crash', can: 'cancellation' };
const B = { cd: 'card delivery', cp: 'card problems', ls: 'lost or stolen', up: 'unrecognised payment', pp: 'pending payment', fc: 'fees and charges', ex: 'exchange rates', tr: 'transfers', tu: 'top-ups', cw: 'cash withdrawals', iv: 'identity verification', acc: 'login and account', ref: 'refund', can: 'cancellation', bug: 'bug or crash' };

/** banking77 category -> [right topics of the general taxonomy, right topics of the banking starter]. */
const RIGHT: Record<string, [string[], string[]]> = {
  Refund_not_showing_up: [[G.ref], [B.ref]],
  activate_my_card: [[G.card], [B.cp, B.cd]],
  age_limit: [[G.acc], [B.acc, B.iv]],
  apple_pay_or_google_pay: [[G.card, G.tr], [B.cp, B.tu]],
  atm_support: [[G.card], [B.cw, B.cp]],
  automatic_top_up: [[G.tr], [B.tu]],
  balance_not_updated_after_bank_transfer: [[G.tr], [B.tr, B.tu]],
  balance_not_updated_after_cheque_or_cash_deposit: [[G.tr], [B.tu]],
  beneficiary_not_allowed: [[G.tr], [B.tr]],
  cancel_transfer: [[G.tr, G.can], [B.tr, B.can]],
  card_about_to_expire: [[G.card], [B.cd, B.cp]],
  card_acceptance: [[G.card], [B.cp]],
  card_arrival: [[G.card, G.del], [B.cd]],
  card_delivery_estimate: [[G.card, G.del], [B.cd]],
  card_linking: [[G.card], [B.cp]],
  card_not_working: [[G.card, G.bug], [B.cp, B.bug]],
  card_payment_fee_charged: [[G.card, G.bill], [B.fc]],
  card_payment_not_recognised: [[G.card, G.bill], [B.up, B.ls]],
  card_payment_wrong_exchange_rate: [[G.card, G.tr, G.bill], [B.ex, B.fc]],
  card_swallowed: [[G.card], [B.cp, B.cw]],
  cash_withdrawal_charge: [[G.card, G.bill], [B.cw, B.fc]],
  cash_withdrawal_not_recognised: [[G.card], [B.cw, B.up, B.ls]],
  change_pin: [[G.card, G.acc], [B.cp]],
  compromised_card: [[G.card, G.acc], [B.ls, B.up]],
  contactless_not_working: [[G.card, G.bug], [B.cp, B.bug]],
  country_support: [[G.card, G.acc], [B.cd, B.acc]],
  declined_card_payment: [[G.card], [B.cp, B.pp]],
  declined_cash_withdrawal: [[G.card], [B.cw, B.cp]],
  declined_transfer: [[G.tr], [B.tr]],
  direct_debit_payment_not_recognised: [[G.card, G.bill, G.ref], [B.up]],
  disposable_card_limits: [[G.card], [B.cp]],
  edit_personal_details: [[G.acc], [B.acc]],
  exchange_charge: [[G.tr, G.bill], [B.ex, B.fc]],
  exchange_rate: [[G.tr], [B.ex]],
  exchange_via_app: [[G.tr], [B.ex]],
  extra_charge_on_statement: [[G.bill, G.card], [B.fc, B.up]],
  failed_transfer: [[G.tr, G.bug], [B.tr]],
  fiat_currency_support: [[G.tr], [B.ex]],
  get_disposable_virtual_card: [[G.card], [B.cp, B.cd]],
  get_physical_card: [[G.card], [B.cd, B.cp]],
  getting_spare_card: [[G.card], [B.cd]],
  getting_virtual_card: [[G.card], [B.cp, B.cd]],
  lost_or_stolen_card: [[G.card], [B.ls]],
  lost_or_stolen_phone: [[G.acc, G.card], [B.ls, B.acc]],
  order_physical_card: [[G.card, G.del], [B.cd]],
  passcode_forgotten: [[G.acc], [B.acc]],
  pending_card_payment: [[G.card], [B.pp]],
  pending_cash_withdrawal: [[G.card], [B.cw, B.pp]],
  pending_top_up: [[G.tr], [B.tu]],
  pending_transfer: [[G.tr], [B.tr]],
  pin_blocked: [[G.card, G.acc], [B.cp]],
  receiving_money: [[G.tr], [B.tr]],
  request_refund: [[G.ref, G.can], [B.ref, B.can]],
  'reverted_card_payment?': [[G.card, G.ref], [B.pp, B.ref]],
  supported_cards_and_currencies: [[G.card, G.tr], [B.cp, B.ex, B.tu]],
  terminate_account: [[G.can], [B.can]],
  top_up_by_bank_transfer_charge: [[G.tr, G.bill], [B.tu, B.fc, B.tr]],
  top_up_by_card_charge: [[G.tr, G.bill, G.card], [B.tu, B.fc]],
  top_up_by_cash_or_cheque: [[G.tr], [B.tu]],
  top_up_failed: [[G.tr, G.bug], [B.tu]],
  top_up_limits: [[G.tr], [B.tu]],
  top_up_reverted: [[G.tr], [B.tu]],
  topping_up_by_card: [[G.tr, G.card], [B.tu]],
  transaction_charged_twice: [[G.bill, G.card, G.ref], [B.fc, B.up]],
  transfer_fee_charged: [[G.tr, G.bill], [B.fc, B.tr]],
  transfer_into_account: [[G.tr], [B.tr, B.tu]],
  transfer_not_received_by_recipient: [[G.tr], [B.tr]],
  transfer_timing: [[G.tr], [B.tr]],
  unable_to_verify_identity: [[G.acc], [B.iv]],
  verify_my_identity: [[G.acc], [B.iv]],
  verify_source_of_funds: [[G.acc, G.tr], [B.iv]],
  verify_top_up: [[G.tr, G.acc], [B.tu, B.iv]],
  virtual_card_not_working: [[G.card, G.bug], [B.cp, B.bug]],
  visa_or_mastercard: [[G.card], [B.cp, B.cd]],
  why_verify_identity: [[G.acc], [B.iv]],
  wrong_amount_of_cash_received: [[G.card, G.bill], [B.cw]],
  wrong_exchange_rate_for_cash_withdrawal: [[G.card, G.tr, G.bill], [B.ex, B.cw]],
};

/** CLINC150 intents of its banking, credit-card and travel domains (Larson et al. 2019, table of domains). */
const CLINC_DOMAINS: Record<string, string[]> = {
  banking: ['transfer', 'transactions', 'balance', 'freeze_account', 'pay_bill', 'bill_balance', 'bill_due', 'interest_rate', 'routing', 'min_payment', 'order_checks', 'pin_change', 'report_fraud', 'account_blocked', 'spending_history'],
  credit_cards: ['credit_score', 'report_lost_card', 'credit_limit', 'rewards_balance', 'new_card', 'application_status', 'card_declined', 'international_fees', 'apr', 'redeem_rewards', 'credit_limit_change', 'damaged_card', 'replacement_card_duration', 'improve_credit_score', 'expiration_date'],
  travel: ['plug_type', 'travel_notification', 'translate', 'flight_status', 'international_visa', 'timezone', 'exchange_rate', 'travel_suggestion', 'travel_alert', 'vaccines', 'lost_luggage', 'book_flight', 'book_hotel', 'carry_on', 'car_rental'],
};

function readBanking(split: 'train' | 'test'): Item[] | null {
  const file = join(DATA, 'banking77', `${split}.csv`);
  if (!existsSync(file)) return null;
  const rows = parse(readFileSync(file), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((r) => ({ text: r.text ?? '', label: r.category ?? '' }));
}

function readClinc(): Record<string, Item[]> | null {
  const file = join(DATA, 'clinc150', 'data_full.json');
  if (!existsSync(file)) return null;
  const test = (JSON.parse(readFileSync(file, 'utf8')) as { test: [string, string][] }).test;
  const out: Record<string, Item[]> = {};
  for (const [domain, intents] of Object.entries(CLINC_DOMAINS)) out[domain] = test.filter(([, l]) => intents.includes(l)).map(([text, label]) => ({ text, label }));
  return out;
}

const topicsOf = (s: Setup, text: string): string[] => matchTopics(text, 'en', s.taxonomy, undefined, s.options).map((t) => t.name);
const pct = (n: number, d: number): string => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);

function score(s: Setup, items: Item[]): { covered: number; someRight: number; allRight: number } {
  let covered = 0;
  let someRight = 0;
  let allRight = 0;
  for (const item of items) {
    const topics = topicsOf(s, item.text);
    if (topics.length === 0) continue;
    covered++;
    if (s.right === undefined) continue;
    const right = RIGHT[item.label]?.[s.right] ?? [];
    if (topics.some((t) => right.includes(t))) someRight++;
    if (topics.every((t) => right.includes(t))) allRight++;
  }
  return { covered, someRight, allRight };
}

/**
 * µs per item for matchTopics alone: the setups take turns, five rounds after a warm-up
 * round, and each keeps its best round (a shared machine slows whole stretches of time).
 */
function microsPerItem(setups: Setup[], texts: string[]): number[] {
  const best = setups.map(() => Infinity);
  for (let round = 0; round < 6; round++) {
    setups.forEach((s, i) => {
      const t0 = process.hrtime.bigint();
      for (const text of texts) matchTopics(text, 'en', s.taxonomy, undefined, s.options);
      const us = Number(process.hrtime.bigint() - t0) / 1000 / texts.length;
      if (round > 0) best[i] = Math.min(best[i] as number, us);
    });
  }
  return best;
}

/** A small seeded generator (mulberry32), so the sample is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function main(): void {
  const test = readBanking('test');
  const train = readBanking('train');
  if (!test || !train) {
    console.error(`eval:topics: banking77/train.csv and banking77/test.csv are missing in ${DATA}. Get them from https://github.com/PolyAI-LDN/task-specific-datasets (banking_data, CC-BY-4.0) and pass the folder as the first argument or HEARKEN_EVAL_DATA.`);
    process.exit(1);
  }
  const missing = Object.keys(RIGHT).length !== 77 || test.some((i) => !RIGHT[i.label]);
  if (missing) throw new Error('the table of right topics does not name every banking77 category');

  console.log(`Topic coverage (share of items with a topic) and rightness (of the covered items: some topic right / every topic right). Data: ${DATA}`);
  console.log('banking77: PolyAI, CC-BY-4.0, https://github.com/PolyAI-LDN/task-specific-datasets; CLINC150: Clinc, CC-BY-3.0, https://github.com/clinc/oos-eval\n');
  const clinc = readClinc();
  const header = ['setup', 'banking77 train', 'banking77 test', 'some right (test)', 'all right (test)', ...(clinc ? Object.keys(CLINC_DOMAINS).map((d) => `CLINC150 ${d}`) : [])];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const s of [...SETUPS, { name: 'travel starter', taxonomy: TRAVEL, options: LOOSE }]) {
    const tr = score(s, train);
    const te = score(s, test);
    const cells = [s.name, pct(tr.covered, train.length), pct(te.covered, test.length), s.right === undefined ? '–' : pct(te.someRight, te.covered), s.right === undefined ? '–' : pct(te.allRight, te.covered)];
    if (clinc) for (const items of Object.values(clinc)) cells.push(pct(score(s, items).covered, items.length));
    console.log(`| ${cells.join(' | ')} |`);
  }
  if (!clinc) console.log(`\n(CLINC150 left out: clinc150/data_full.json is missing in ${DATA}; get it from https://github.com/clinc/oos-eval, data/data_full.json.)`);

  const texts = test.map((i) => i.text);
  console.log('\nmatchTopics alone, µs per banking77 test item (one core, best of 5 interleaved rounds):');
  const micros = microsPerItem(SETUPS, texts);
  SETUPS.forEach((s, i) => console.log(`- ${s.name}: ${(micros[i] as number).toFixed(2)}`));

  const general = SETUPS[2] as Setup;
  const random = seeded(17);
  const picked = new Set<number>();
  while (picked.size < 30) picked.add(Math.floor(random() * test.length));
  console.log('\nSample of 30 test items (seed 17), general taxonomy:\n');
  console.log('| # | category | text | topics | in the table of right topics |');
  console.log('|---|---|---|---|---|');
  let n = 0;
  for (const i of [...picked].sort((a, b) => a - b)) {
    const item = test[i] as Item;
    const topics = topicsOf(general, item.text);
    const right = RIGHT[item.label]?.[0] ?? [];
    const verdict = topics.length === 0 ? 'none' : topics.every((t) => right.includes(t)) ? 'right' : topics.some((t) => right.includes(t)) ? 'partly' : 'wrong';
    console.log(`| ${++n} | ${item.label} | ${item.text.replace(/\|/g, '/').replace(/\s+/g, ' ')} | ${topics.join(', ') || '–'} | ${verdict} |`);
  }
}

main();
