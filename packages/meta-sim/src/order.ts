/**
 * Deterministic reordering: Meta gives no ordering guarantee between notifications (§2.5, §3.5), so
 * tests shuffle — with a seed, so a failure replays exactly.
 */

export type OrderMode = 'natural' | 'reversed' | 'shuffled';

export function reorder<T>(items: readonly T[], mode: OrderMode, seed = 42): T[] {
  if (mode === 'natural') return [...items];
  if (mode === 'reversed') return [...items].reverse();
  const out = [...items];
  const random = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
