/**
 * Topic discovery, step two: spherical k-means (cosine) over the sparse TF-IDF rows,
 * seeded by k-means++ from a fixed-seed random stream so the same texts give the same
 * groups. Centroids are dense and term-major (centroid j's weight of term t at t·k + j),
 * so scoring a text against every centroid is one contiguous loop per term it has.
 */
import type { Rng } from '../../../../shared/synthetic/rng';
import type { Features } from './features';

export interface Centroids {
  k: number;
  /** Term-major: weight of term t in centroid j is data[t * k + j]; each column has norm 1 (or 0 when empty). */
  data: Float32Array;
}

/**
 * The non-zero weights of some centroids, grouped by term (CSR): a text's score against
 * every centroid then costs one step per (term it has, centroid that has it), far fewer
 * than terms × centroids, as each text adds to one centroid only.
 */
function postings(c: Centroids): { start: Int32Array; cluster: Int32Array; weight: Float32Array } {
  const { k, data } = c;
  const V = k === 0 ? 0 : data.length / k;
  const start = new Int32Array(V + 1);
  let nnz = 0;
  for (let idx = 0; idx < data.length; idx++) if (data[idx] !== 0) nnz++;
  const cluster = new Int32Array(nnz);
  const weight = new Float32Array(nnz);
  let p = 0;
  for (let t = 0; t < V; t++) {
    const base = t * k;
    for (let j = 0; j < k; j++) {
      const w = data[base + j] as number;
      if (w !== 0) {
        cluster[p] = j;
        weight[p++] = w;
      }
    }
    start[t + 1] = p;
  }
  return { start, cluster, weight };
}

/** Each row's nearest centroid and its cosine (−1 and 0 for a row without terms). */
export function assign(f: Features, c: Centroids, rows: ArrayLike<number> | null, labels: Int32Array, sims: Float32Array): void {
  const { k } = c;
  const { start, cluster, weight } = postings(c);
  const scores = new Float64Array(k);
  const count = rows ? rows.length : f.n;
  for (let r = 0; r < count; r++) {
    const i = rows ? (rows[r] as number) : r;
    const from = f.offsets[i] as number;
    const to = f.offsets[i + 1] as number;
    if (from === to || k === 0) {
      labels[i] = -1;
      sims[i] = 0;
      continue;
    }
    scores.fill(0);
    for (let p = from; p < to; p++) {
      const w = f.weights[p] as number;
      const t = f.terms[p] as number;
      for (let q = start[t] as number, end = start[t + 1] as number; q < end; q++) scores[cluster[q] as number] = (scores[cluster[q] as number] as number) + w * (weight[q] as number);
    }
    let best = 0;
    for (let j = 1; j < k; j++) if ((scores[j] as number) > (scores[best] as number)) best = j;
    labels[i] = best;
    sims[i] = scores[best] as number;
  }
}

/** Normalised mean of the rows of each label (rows labelled −1 or out of range are skipped). */
export function centroidsOf(f: Features, k: number, rows: ArrayLike<number> | null, labels: Int32Array): Centroids {
  const V = f.vocab.length;
  const data = new Float32Array(V * k);
  const count = rows ? rows.length : f.n;
  for (let r = 0; r < count; r++) {
    const i = rows ? (rows[r] as number) : r;
    const j = labels[i] as number;
    if (j < 0 || j >= k) continue;
    for (let p = f.offsets[i] as number; p < (f.offsets[i + 1] as number); p++) {
      const idx = (f.terms[p] as number) * k + j;
      data[idx] = (data[idx] as number) + (f.weights[p] as number);
    }
  }
  normaliseColumns(data, k);
  return { k, data };
}

function normaliseColumns(data: Float32Array, k: number): void {
  const norms = new Float64Array(k);
  for (let idx = 0; idx < data.length; idx++) {
    const v = data[idx] as number;
    if (v !== 0) norms[idx % k] = (norms[idx % k] as number) + v * v;
  }
  for (let j = 0; j < k; j++) norms[j] = norms[j] ? 1 / Math.sqrt(norms[j] as number) : 0;
  for (let idx = 0; idx < data.length; idx++) if (data[idx] !== 0) data[idx] = (data[idx] as number) * (norms[idx % k] as number);
}

/** k-means++ seeds among `rows`: each next seed drawn with probability ∝ (1 − cos to the nearest seed)². */
export function seedPlusPlus(f: Features, rows: Int32Array, k: number, rng: Rng): Int32Array {
  const scratch = new Float32Array(f.vocab.length);
  const m = rows.length;
  const dist = new Float64Array(m).fill(1);
  const seeds = new Int32Array(Math.min(k, m));
  if (m === 0) return seeds;
  let seed = rows[Math.floor(rng.next() * m)] as number;
  for (let s = 0; s < seeds.length; s++) {
    seeds[s] = seed;
    for (let p = f.offsets[seed] as number; p < (f.offsets[seed + 1] as number); p++) scratch[f.terms[p] as number] = f.weights[p] as number;
    let total = 0;
    for (let r = 0; r < m; r++) {
      const row = rows[r] as number;
      let dot = 0;
      for (let p = f.offsets[row] as number; p < (f.offsets[row + 1] as number); p++) dot += (f.weights[p] as number) * (scratch[f.terms[p] as number] as number);
      const d = 1 - dot;
      const d2 = d * d;
      if (d2 < (dist[r] as number)) dist[r] = d2;
      total += dist[r] as number;
    }
    for (let p = f.offsets[seed] as number; p < (f.offsets[seed + 1] as number); p++) scratch[f.terms[p] as number] = 0;
    if (total <= 1e-12) return seeds.slice(0, s + 1);
    let target = rng.next() * total;
    let pick = m - 1;
    for (let r = 0; r < m; r++) {
      target -= dist[r] as number;
      if (target <= 0) {
        pick = r;
        break;
      }
    }
    seed = rows[pick] as number;
  }
  return seeds;
}

/** Centroids from seed rows (each its own centroid). */
export function centroidsFromSeeds(f: Features, seeds: Int32Array): Centroids {
  const labels = new Int32Array(f.n).fill(-1);
  seeds.forEach((row, j) => (labels[row] = j));
  return centroidsOf(f, seeds.length, seeds, labels);
}

/**
 * Lloyd iterations over `rows` until fewer than 0.5% of them move. `checkpoint` is
 * called between iterations (it may throw to abort).
 */
export function sphericalKMeans(f: Features, rows: Int32Array, start: Centroids, maxIterations: number, checkpoint: () => void): { centroids: Centroids; labels: Int32Array; sims: Float32Array } {
  const labels = new Int32Array(f.n).fill(-1);
  const sims = new Float32Array(f.n);
  const previous = new Int32Array(f.n).fill(-2);
  let centroids = start;
  for (let it = 0; it < maxIterations; it++) {
    checkpoint();
    assign(f, centroids, rows, labels, sims);
    let moved = 0;
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r] as number;
      if (labels[i] !== previous[i]) moved++;
      previous[i] = labels[i] as number;
    }
    centroids = centroidsOf(f, centroids.k, rows, labels);
    if (moved < rows.length * 0.005) break;
  }
  assign(f, centroids, rows, labels, sims);
  return { centroids, labels, sims };
}

/** The `count` heaviest terms of each centroid, as sparse vectors (term, weight), normalised. */
export function topTerms(c: Centroids, V: number, count: number): { terms: Int32Array; weights: Float32Array }[] {
  const out: { terms: Int32Array; weights: Float32Array }[] = [];
  for (let j = 0; j < c.k; j++) {
    const pairs: [number, number][] = [];
    for (let t = 0; t < V; t++) {
      const w = c.data[t * c.k + j] as number;
      if (w > 0) pairs.push([t, w]);
    }
    pairs.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const top = pairs.slice(0, count);
    let norm = 0;
    for (const [, w] of top) norm += w * w;
    norm = norm ? 1 / Math.sqrt(norm) : 0;
    out.push({ terms: Int32Array.from(top.map((p) => p[0])), weights: Float32Array.from(top.map((p) => p[1] * norm)) });
  }
  return out;
}

/**
 * Joins clusters whose centroids are alike (cosine of their heaviest terms ≥ threshold),
 * most alike first, each join weighted by size. Returns the new label of each old one.
 */
export function mergeAlike(c: Centroids, V: number, sizes: readonly number[], threshold: number): Int32Array {
  const k = c.k;
  const vecs = topTerms(c, V, 64).map((v) => new Map<number, number>(Array.from(v.terms, (t, i) => [t, v.weights[i] as number])));
  const size = [...sizes];
  const alive = new Array<boolean>(k).fill(true);
  const parent = Int32Array.from({ length: k }, (_, j) => j);
  const cos = (a: Map<number, number>, b: Map<number, number>): number => {
    const [small, large] = a.size < b.size ? [a, b] : [b, a];
    let s = 0;
    for (const [t, w] of small) s += w * (large.get(t) ?? 0);
    return s;
  };
  const sim: Float64Array[] = vecs.map((a, i) => Float64Array.from(vecs, (b, j) => (i === j ? -1 : cos(a, b))));
  for (;;) {
    let bi = -1;
    let bj = -1;
    let best = threshold;
    for (let i = 0; i < k; i++) {
      if (!alive[i] || !size[i]) continue;
      const row = sim[i] as Float64Array;
      for (let j = i + 1; j < k; j++) if (alive[j] && size[j] && (row[j] as number) >= best) [bi, bj, best] = [i, j, row[j] as number];
    }
    if (bi < 0) break;
    // j joins i: the size-weighted mean of the two, renormalised.
    const a = vecs[bi] as Map<number, number>;
    const b = vecs[bj] as Map<number, number>;
    const sa = size[bi] as number;
    const sb = size[bj] as number;
    const joined = new Map<number, number>();
    for (const [t, w] of a) joined.set(t, w * sa);
    for (const [t, w] of b) joined.set(t, (joined.get(t) ?? 0) + w * sb);
    let norm = 0;
    for (const w of joined.values()) norm += w * w;
    norm = 1 / Math.sqrt(norm);
    for (const [t, w] of joined) joined.set(t, w * norm);
    vecs[bi] = joined;
    size[bi] = sa + sb;
    alive[bj] = false;
    parent[bj] = bi;
    for (let j = 0; j < k; j++) {
      if (j === bi || !alive[j]) continue;
      const s = cos(joined, vecs[j] as Map<number, number>);
      (sim[bi] as Float64Array)[j] = s;
      (sim[j] as Float64Array)[bi] = s;
    }
  }
  const root = (j: number): number => (parent[j] === j ? j : root(parent[j] as number));
  const label = new Int32Array(k);
  const renumber = new Map<number, number>();
  for (let j = 0; j < k; j++) {
    const r = root(j);
    if (!renumber.has(r)) renumber.set(r, renumber.size);
    label[j] = renumber.get(r) as number;
  }
  return label;
}
