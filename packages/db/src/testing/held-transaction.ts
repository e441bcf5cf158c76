import type { Database, Repositories } from '@keluh/core';

/**
 * Runs `work` in a transaction that, once the work is done, stays open until released: how a test shows
 * what others see, and wait for, while a transaction has written but not committed.
 */
export async function heldTransaction<T>(db: Database, work: (tx: Repositories) => Promise<T>) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let ready!: (value: T) => void;
  const done = new Promise<T>((resolve) => (ready = resolve));
  const committed = db.transaction(async (tx) => {
    const value = await work(tx);
    ready(value);
    await held;
    return value;
  });
  // Surfaces a failure of the work itself instead of waiting for `done` for ever.
  const value = await Promise.race([done, committed]);
  return { value, release, committed };
}

/** True if the promise settles within `ms`: a statement that should be waiting for a lock must not. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = promise.then(
    () => true,
    () => true,
  );
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
