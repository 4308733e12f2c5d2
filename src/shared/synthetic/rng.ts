/**
 * Small, fast, seeded randomness for generated data: the synthetic feedback generator
 * (every item gets its own stream from (seed, index), so item i is the same whether it is
 * generated alone, in a batch, or as part of a larger run) and the demo inbox generator
 * (scripts/generate-demo.ts, one stream for the whole inbox).
 */

/** A 32-bit integer hash of two integers (splitmix-style finaliser). */
export function mix32(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: one 32-bit word of state, good enough statistics for test data, very fast. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Re-seeds in place (saves an allocation per item). */
  reset(seed: number): this {
    this.state = seed >>> 0;
    return this;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  range(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /**
   * One value, in proportion to its weight. For a few draws from a table made on the spot;
   * a table drawn from per item is cheaper as a Weighted.
   */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    if (!(total > 0)) throw new Error('weighted(): no positive weights');
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }

  /** Shuffles in place (Fisher-Yates) and returns the array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = items[i] as T;
      items[i] = items[j] as T;
      items[j] = a;
    }
    return items;
  }
}

/** A categorical distribution, sampled by one uniform draw. */
export class Weighted<T> {
  private readonly values: T[];
  private readonly cumulative: number[];

  constructor(entries: readonly (readonly [T, number])[]) {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let acc = 0;
    this.values = entries.map(([v]) => v);
    this.cumulative = entries.map(([, w]) => (acc += w / total));
    this.cumulative[this.cumulative.length - 1] = 1;
  }

  sample(rng: Rng): T {
    const u = rng.next();
    const c = this.cumulative;
    for (let i = 0; i < c.length; i++) if (u < (c[i] as number)) return this.values[i] as T;
    return this.values[this.values.length - 1] as T;
  }

  /** The normalised probability of each value, for tests and docs. */
  probabilities(): Map<T, number> {
    const out = new Map<T, number>();
    let prev = 0;
    this.values.forEach((v, i) => {
      const c = this.cumulative[i] as number;
      out.set(v, c - prev);
      prev = c;
    });
    return out;
  }
}
