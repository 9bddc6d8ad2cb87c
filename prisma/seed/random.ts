/**
 * A small seeded pseudo-random generator (mulberry32) and the helpers the seed
 * needs. Every id and every random choice in the seed comes from here, so the
 * data set is identical for a given `now`.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  float(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight: `weighted([["a", 3], ["b", 1]])` returns "a" three times in four. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  shuffle<T>(items: readonly T[]): T[];
  /** `count` distinct items (fewer if the list is shorter). */
  sample<T>(items: readonly T[], count: number): T[];
  /** A version-4 UUID built from the generator. */
  uuid(): string;
  /**
   * An independent generator for one part of the seed. It depends only on this
   * generator's seed and the label, not on how many numbers were drawn before,
   * so changing one part of the seed leaves the others untouched.
   */
  fork(label: string): Random;
}

/**
 * Every generator draws from one cycle of 2^32 states, so the streams of
 * different forks overlap once enough numbers are drawn, and two of them can then
 * make the same id. The demo seed draws too few for that; a data set at scale
 * (tens of millions of ids, tens of thousands of forks) does not. With
 * `uniqueIds`, the first 32 bits of every id come from one counter shared by the
 * generator and all its forks, scrambled, so no id repeats (up to 2^32 ids) and
 * the ids still depend only on the order they are made in.
 */
export function createRandom(seed: number, options: { uniqueIds?: boolean } = {}): Random {
  return createGenerator(seed, options.uniqueIds ? createIdCounter() : null);
}

function createIdCounter(): () => number {
  let count = 0;
  return () => {
    if (count >= 0xffffffff) throw new RangeError("More than 2^32 ids from one generator");
    return scramble32(++count);
  };
}

/** A bijection on 32-bit integers (lowbias32), so distinct counts give distinct, random-looking words. */
function scramble32(value: number): number {
  let x = value >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

function createGenerator(seed: number, nextIdWord: (() => number) | null): Random {
  let state = seed >>> 0;

  function nextUint32(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  const next = () => nextUint32() / 4294967296;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));

  function pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("Cannot pick from an empty list");
    return items[int(0, items.length - 1)] as T;
  }

  function shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  function weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let threshold = next() * total;
    for (const [value, weight] of entries) {
      threshold -= weight;
      if (threshold < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new RangeError("Cannot pick from an empty list");
    return last[0];
  }

  /**
   * The 128 bits of four draws (the first from the id counter, if any) as hex,
   * with the version nibble (13th) set to 4 and the variant bits to 10. Built from
   * byte and nibble tables: data sets at scale make tens of millions of ids.
   */
  function uuid(): string {
    const [a, b, c, d] = [nextIdWord ? nextIdWord() : nextUint32(), nextUint32(), nextUint32(), nextUint32()];
    return (
      hexWord(a) +
      "-" +
      hexByte(b >>> 24) +
      hexByte(b >>> 16) +
      "-4" +
      hexNibble(b >>> 8) +
      hexByte(b) +
      "-" +
      hexNibble(((c >>> 28) & 0x3) | 0x8) +
      hexNibble(c >>> 24) +
      hexByte(c >>> 16) +
      "-" +
      hexByte(c >>> 8) +
      hexByte(c) +
      hexWord(d)
    );
  }

  return {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick,
    weighted,
    shuffle,
    sample: (items, count) => shuffle(items).slice(0, count),
    uuid,
    fork: (label) => createGenerator(hashString(label) ^ seed, nextIdWord),
  };
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/** The low 8 bits as two hex digits. */
function hexByte(value: number): string {
  return HEX_BYTES[value & 0xff] as string;
}

/** The low 4 bits as one hex digit. */
function hexNibble(value: number): string {
  return (value & 0xf).toString(16);
}

function hexWord(value: number): string {
  return hexByte(value >>> 24) + hexByte(value >>> 16) + hexByte(value >>> 8) + hexByte(value);
}

/** FNV-1a: a stable 32-bit hash for labels. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
