/**
 * Topic discovery: groups texts by what they share, offline, and names each group.
 *
 * 1. Each text becomes a sparse TF-IDF vector over word stems and two-word phrases
 *    (discovery/features.ts; stop words dropped per language, Snowball stems).
 * 2. Spherical k-means (cosine), k-means++ seeded from a fixed seed, deliberately with more
 *    clusters than there are likely topics; fitted on a sample of at most 10,000 texts and
 *    then refined over all of them (discovery/cluster.ts).
 * 3. Clusters whose centroids are alike are joined, so the number of proposals follows the
 *    data rather than a k chosen in advance.
 * 4. Incoherent clusters (members far from their centroid on average) and small ones are
 *    dropped rather than proposed; their texts, and texts far from every centroid, stay
 *    in the leftover (or, with `assignAll`, go to the nearest proposal).
 * 5. Each group is named from its most distinctive phrase or words, as written
 *    (discovery/naming.ts); groups that match a rejected proposal or an existing topic
 *    are not proposed.
 * The constants were tuned on the banking77 and CLINC150 training splits (scripts/eval-discovery.ts).
 */
import { Rng } from '../../../shared/synthetic/rng';
import { assign, centroidsFromSeeds, centroidsOf, mergeAlike, seedPlusPlus, sphericalKMeans, type Centroids } from './discovery/cluster';
import { buildFeatures, type Features } from './discovery/features';
import { describe, matchesRejected, stemsOf } from './discovery/naming';

export interface DiscoveryDoc {
  text: string;
  /** ISO 639-1, null when unknown: picks the stemmer and stop words. */
  language: string | null;
}

export interface DiscoveryOptions {
  /** The smallest group worth proposing. */
  minSize?: number;
  /** At most this many proposals, largest first. */
  maxTopics?: number;
  /** Keyword sets of rejected proposals: a group that matches one is not proposed again. */
  avoid?: readonly (readonly string[])[];
  /** Names and keywords of topics that exist: not proposed again. */
  known?: readonly string[];
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
  /**
   * For evaluation: give every leftover text that has any known term to the nearest
   * proposal instead of leaving it out. The app leaves it out (a weak fit is not a topic).
   */
  assignAll?: boolean;
  /** For tuning (scripts/eval-discovery.ts): override the constants below. */
  tuning?: Partial<DiscoveryTuning>;
}

export interface DiscoveredTopic {
  /** A short readable name, e.g. "card delivery". */
  name: string;
  /** The words its members share, strongest first, as written most often. */
  keywords: string[];
  /** Two-word phrases its members share. */
  phrases: string[];
  /** The language most members are in; null when mixed. */
  language: string | null;
  /** Indexes into the docs, most typical first. */
  members: number[];
  /** Up to five of the members, most typical first. */
  samples: number[];
}

export interface DiscoveryTuning {
  /** Weight of a two-word phrase's idf relative to a word's. */
  phraseWeight: number;
  /** Terms in more of the texts than this share are dropped. */
  maxDfShare: number;
  /** k-means starts with one cluster per this many texts (before joining alike ones)... */
  textsPerCluster: number;
  /** ...and at most this many. */
  maxClusters: number;
  /** k-means is fitted on at most this many texts, then refined over all. */
  sampleSize: number;
  /** Clusters whose centroids have at least this cosine are joined. */
  mergeThreshold: number;
  /** A cluster whose members' mean cosine to its centroid is below this is not proposed. */
  minCohesion: number;
  /** A text whose cosine to its nearest group is below this stays in the leftover. */
  minMemberSim: number;
}

export const DEFAULT_TUNING: DiscoveryTuning = {
  phraseWeight: 0.7,
  maxDfShare: 0.6,
  textsPerCluster: 10,
  maxClusters: 200,
  sampleSize: 10_000,
  mergeThreshold: 0.4,
  minCohesion: 0.3,
  minMemberSim: 0.2,
};

const SEED = 0x5eed17;
const KMEANS_ITERATIONS = 15;
const SEED_SAMPLE = 5_000;
const MAX_SAMPLES = 5;

/** Only the columns `keep` of some centroids, in that order. */
function columns(c: Centroids, keep: readonly number[]): Centroids {
  const k = keep.length;
  const V = c.data.length / Math.max(1, c.k);
  const data = new Float32Array(V * k);
  for (let t = 0; t < V; t++) for (let j = 0; j < k; j++) data[t * k + j] = c.data[t * c.k + (keep[j] as number)] as number;
  return { k, data };
}

function sizesOf(labels: Int32Array, k: number): number[] {
  const sizes = new Array<number>(k).fill(0);
  for (const l of labels) if (l >= 0) sizes[l] = (sizes[l] as number) + 1;
  return sizes;
}

/** Rows with at least one known term: the only ones that can join a group. */
function activeRows(f: Features): Int32Array {
  const rows: number[] = [];
  for (let i = 0; i < f.n; i++) if ((f.offsets[i + 1] as number) > (f.offsets[i] as number)) rows.push(i);
  return Int32Array.from(rows);
}

/** A reproducible sample of `count` rows, in row order. */
function sampleRows(rows: Int32Array, count: number, rng: Rng): Int32Array {
  if (rows.length <= count) return rows;
  const copy = Int32Array.from(rows);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rng.next() * (copy.length - i));
    const v = copy[i] as number;
    copy[i] = copy[j] as number;
    copy[j] = v;
  }
  return copy.slice(0, count).sort();
}

export function discoverTopics(docs: readonly DiscoveryDoc[], options: DiscoveryOptions = {}): DiscoveredTopic[] {
  const minSize = Math.max(2, Math.floor(options.minSize ?? 5));
  const maxTopics = Math.max(1, Math.floor(options.maxTopics ?? 30));
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const signal = options.signal;
  const check = (): void => signal?.throwIfAborted();
  // Progress: texts read (n), then five clustering steps, then naming.
  const n = docs.length;
  const total = n + 7;
  const progress = (done: number): void => options.onProgress?.(Math.min(done, total), total);
  check();
  if (n === 0) return [];

  const f = buildFeatures(docs, { phraseWeight: tuning.phraseWeight, maxDfShare: tuning.maxDfShare }, (done) => {
    check();
    progress(done);
  });
  progress(n);
  check();
  const rng = new Rng(SEED);
  const rows = activeRows(f);
  if (rows.length < minSize) return [];

  // Over-cluster a sample, join alike clusters, keep the coherent ones.
  const sample = sampleRows(rows, tuning.sampleSize, rng);
  // Few texts: still enough clusters to separate groups of minSize (joining undoes the excess).
  const k0 = Math.max(1, Math.min(tuning.maxClusters, Math.max(Math.round(rows.length / tuning.textsPerCluster), Math.floor(rows.length / minSize)), sample.length));
  // k-means++ needs k passes over what it seeds from: a smaller sample suffices.
  const seeds = seedPlusPlus(f, sampleRows(sample, SEED_SAMPLE, rng), k0, rng);
  check();
  const fit = sphericalKMeans(f, sample, centroidsFromSeeds(f, seeds), KMEANS_ITERATIONS, check);
  const { labels, sims } = fit;
  let centroids = fit.centroids;
  progress(n + 1);
  check();
  const joined = mergeAlike(centroids, f.vocab.length, sizesOf(labels, centroids.k), tuning.mergeThreshold);
  const k1 = joined.length ? Math.max(...joined) + 1 : 0;
  for (const i of sample) labels[i] = joined[labels[i] as number] as number;
  for (let pass = 0; pass < 2; pass++) {
    centroids = centroidsOf(f, k1, sample, labels);
    assign(f, centroids, sample, labels, sims);
  }
  progress(n + 2);
  check();
  const sizes = sizesOf(labels, k1);
  const simSum = new Float64Array(k1);
  for (const i of sample) if ((labels[i] as number) >= 0) simSum[labels[i] as number] = (simSum[labels[i] as number] as number) + (sims[i] as number);
  const keep: number[] = [];
  const minSampled = Math.max(2, Math.floor((minSize * sample.length) / rows.length));
  for (let j = 0; j < k1; j++) if ((sizes[j] as number) >= minSampled && (simSum[j] as number) / (sizes[j] as number) >= tuning.minCohesion) keep.push(j);
  centroids = columns(centroids, keep);
  assign(f, centroids, sample, labels, sims);
  progress(n + 3);
  check();
  // Every text chooses among the kept clusters; with a sample, once more after the
  // centroids are recomputed from every text.
  if (sample.length < rows.length) {
    assign(f, centroids, rows, labels, sims);
    check();
    centroids = centroidsOf(f, centroids.k, rows, labels);
    assign(f, centroids, rows, labels, sims);
  }
  progress(n + 4);
  check();

  const groups: number[][] = Array.from({ length: keep.length }, () => []);
  for (const i of rows) if ((labels[i] as number) >= 0 && (sims[i] as number) >= tuning.minMemberSim) (groups[labels[i] as number] as number[]).push(i);

  // Name each group; drop what was rejected before or exists already.
  const knownStems = stemsOf(options.known ?? [], null);
  const avoidCache = new Map<string, Set<string>[]>();
  const avoidFor = (language: string | null): Set<string>[] => {
    const key = language ?? '';
    let sets = avoidCache.get(key);
    if (!sets) avoidCache.set(key, (sets = (options.avoid ?? []).map((a) => stemsOf(a, language))));
    return sets;
  };
  const knownFor = (language: string | null): Set<string> => (language && language !== 'en' ? new Set([...knownStems, ...stemsOf(options.known ?? [], language)]) : knownStems);
  // Largest first, named until there are enough proposals (naming reads the members' texts).
  const order = groups.map((members, column) => ({ members, column })).filter((g) => g.members.length >= minSize);
  order.sort((a, b) => b.members.length - a.members.length || a.column - b.column);
  const chosen: { topic: DiscoveredTopic; column: number }[] = [];
  for (const { members, column } of order) {
    if (chosen.length >= maxTopics) break;
    members.sort((a, b) => (sims[b] as number) - (sims[a] as number) || a - b);
    const d = describe(f, docs, members);
    if (!d.name) continue;
    const known = knownFor(d.language);
    if (d.nameStems.every((s) => known.has(s))) continue;
    if (avoidFor(d.language).some((a) => matchesRejected(d.stems, a))) continue;
    chosen.push({ topic: { name: d.name, keywords: d.keywords, phrases: d.phrases, language: d.language, members, samples: members.slice(0, MAX_SAMPLES) }, column });
  }
  progress(n + 5);
  check();

  if (options.assignAll && chosen.length > 0) {
    const final = columns(centroids, chosen.map((p) => p.column));
    const placed = new Uint8Array(n);
    for (const p of chosen) for (const i of p.topic.members) placed[i] = 1;
    const left = rows.filter((i) => !placed[i]);
    assign(f, final, left, labels, sims);
    for (const i of left) if ((labels[i] as number) >= 0) (chosen[labels[i] as number] as { topic: DiscoveredTopic }).topic.members.push(i);
  }
  // Two groups with one name: the later one says what else it shares.
  const seen = new Set<string>();
  for (const { topic } of chosen) {
    if (seen.has(topic.name)) topic.name = `${topic.name} · ${topic.keywords.find((k) => !topic.name.includes(k)) ?? topic.members.length}`;
    seen.add(topic.name);
  }
  progress(total);
  return chosen.map((p) => p.topic);
}
