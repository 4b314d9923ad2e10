// Seeded randomness for the synthetic data set. Everything here is a pure function of its seed so
// the same start time always yields byte-identical data; never use Math.random for seeded data.

export type Rng = () => number;

/** mulberry32: tiny and fast, with a period (2^32) far beyond what one workflow needs. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * MurmurHash3's finaliser. It is a bijection on uint32, which is what makes per-run seeds
 * derived from distinct positions distinct (and so run ids unique) without a lookup set.
 */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a, finalised: turns a name (workflow id, workspace id) into a 32-bit salt. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** Log-normal sample around `median`; run durations are right-skewed, never symmetric. */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  // 1 - rng() keeps the argument of log away from 0.
  const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return median * Math.exp(sigma * z);
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new RangeError("pick() needs a non-empty list");
  return item;
}

/** Picks by relative weight; `weights` needs at least one positive entry. */
export function pickWeighted<T extends { weight: number }>(rng: Rng, items: readonly T[]): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let target = rng() * total;
  for (const item of items) {
    target -= item.weight;
    if (target < 0) return item;
  }
  return pick(rng, items);
}

export function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}
