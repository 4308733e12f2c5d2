/**
 * Scores the evaluation scripts report (scripts/eval-*.ts): classification, clustering
 * and reply similarity. Pure, so each is tested on small hand-worked cases.
 */

/** Macro-averaged F1 over `labels` (a label never predicted nor gold scores 0), and accuracy. */
export function macroF1<L extends string>(gold: readonly L[], predicted: readonly L[], labels: readonly L[]): { f1: number; accuracy: number; perLabel: Record<L, number> } {
  if (gold.length !== predicted.length) throw new Error('gold and predicted differ in length');
  let correct = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct++;
  const perLabel = {} as Record<L, number>;
  let sum = 0;
  for (const label of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i] === label;
      const p = predicted[i] === label;
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    perLabel[label] = f1;
    sum += f1;
  }
  return { f1: labels.length === 0 ? 0 : sum / labels.length, accuracy: gold.length === 0 ? 0 : correct / gold.length, perLabel };
}

function contingency(gold: readonly (string | number)[], clusters: readonly (string | number)[]): { table: Map<string, Map<string, number>>; goldCounts: Map<string, number>; clusterCounts: Map<string, number> } {
  if (gold.length !== clusters.length) throw new Error('gold and clusters differ in length');
  const table = new Map<string, Map<string, number>>();
  const goldCounts = new Map<string, number>();
  const clusterCounts = new Map<string, number>();
  for (let i = 0; i < gold.length; i++) {
    const g = String(gold[i]);
    const c = String(clusters[i]);
    let row = table.get(c);
    if (!row) table.set(c, (row = new Map()));
    row.set(g, (row.get(g) ?? 0) + 1);
    goldCounts.set(g, (goldCounts.get(g) ?? 0) + 1);
    clusterCounts.set(c, (clusterCounts.get(c) ?? 0) + 1);
  }
  return { table, goldCounts, clusterCounts };
}

const entropy = (counts: Iterable<number>, n: number): number => {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
};

/**
 * Normalised mutual information with the arithmetic mean of the entropies (scikit-learn's
 * default `normalized_mutual_info_score`). 1 when the clusters are the labels; 1 also
 * when both are a single group.
 */
export function nmi(gold: readonly (string | number)[], clusters: readonly (string | number)[]): number {
  const n = gold.length;
  if (n === 0) return 0;
  const { table, goldCounts, clusterCounts } = contingency(gold, clusters);
  let mi = 0;
  for (const [c, row] of table) {
    const nc = clusterCounts.get(c) as number;
    for (const [g, count] of row) mi += (count / n) * Math.log((n * count) / (nc * (goldCounts.get(g) as number)));
  }
  const hg = entropy(goldCounts.values(), n);
  const hc = entropy(clusterCounts.values(), n);
  if (hg === 0 && hc === 0) return 1;
  const mean = (hg + hc) / 2;
  return mean === 0 ? 0 : Math.max(0, Math.min(1, mi / mean));
}

/** Share of items whose cluster's most common label is their own. */
export function purity(gold: readonly (string | number)[], clusters: readonly (string | number)[]): number {
  if (gold.length === 0) return 0;
  const { table } = contingency(gold, clusters);
  let sum = 0;
  for (const row of table.values()) sum += Math.max(...row.values());
  return sum / gold.length;
}

/** Lower-case word tokens (letters and digits in any script). */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** SQuAD-style token F1 between a candidate and a reference (bags of words). */
export function tokenF1(candidate: string, reference: string): number {
  const a = wordTokens(candidate);
  const b = wordTokens(reference);
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of a) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      common++;
      counts.set(t, c - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / a.length;
  const recall = common / b.length;
  return (2 * precision * recall) / (precision + recall);
}

/** ROUGE-L F1: the longest common subsequence of words, as an F-measure (β = 1). */
export function rougeL(candidate: string, reference: string): number {
  const a = wordTokens(candidate);
  const b = wordTokens(reference);
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 1 : 0;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, cur[j - 1] as number);
    [prev, cur] = [cur, prev];
    cur.fill(0);
  }
  const lcs = prev[b.length] as number;
  if (lcs === 0) return 0;
  const precision = lcs / a.length;
  const recall = lcs / b.length;
  return (2 * precision * recall) / (precision + recall);
}
