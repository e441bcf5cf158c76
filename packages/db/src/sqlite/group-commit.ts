import type BetterSqlite3 from 'better-sqlite3';
import type { Repositories } from '@keluh/core';
import type { SerialGate } from './serial-gate.ts';

type Work<T> = (tx: Repositories) => Promise<T>;

interface Pending {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Enough to amortise a commit, few enough that the first in a group does not wait long. */
const MAX_GROUP = 64;

/**
 * SQLite transactions with group commit. SQLite has one writer, so transactions queue anyway; those that
 * queued while one group ran go together into the next BEGIN … COMMIT, and every caller's promise
 * settles only after the COMMIT that made its work durable. A commit appends every touched page to the
 * WAL, and concurrent deliveries touch the same pages (the tail of messages and events, their indexes, a
 * busy ticket), so a group writes those pages once instead of once per delivery.
 *
 * Work runs one after another, as it would serially: each sees what the ones before it wrote. When one
 * throws, the group is rolled back and each of its members runs again alone, so a failure still affects
 * only its own work (the port allows a transaction to be retried from the start; savepoints would have
 * cost every write a statement journal). Work must not wait on anything but the database (UnitOfWork).
 */
export function groupCommitTransactions(writer: BetterSqlite3.Database, gate: SerialGate, repos: Repositories) {
  const queue: Pending[] = [];
  let draining = false;
  let closed = false;
  let idle: Promise<void> = Promise.resolve();
  let settleIdle: () => void = () => undefined;

  /** Runs the items in one transaction; false (all rolled back) if any of them threw. */
  async function together(group: Pending[]): Promise<boolean> {
    try {
      // IMMEDIATE takes the write lock up front, so another process cannot make us fail half-way.
      writer.exec('BEGIN IMMEDIATE');
    } catch (error) {
      // Busy past the timeout (another process holds the lock), or closed: nothing ran, all of them fail.
      for (const item of group) item.reject(error);
      return true;
    }
    const values: unknown[] = [];
    try {
      for (const item of group) values.push(await item.work(repos));
      writer.exec('COMMIT');
    } catch (error) {
      if (writer.inTransaction) writer.exec('ROLLBACK');
      if (group.length === 1) group[0]!.reject(error);
      return false;
    }
    group.forEach((item, index) => item.resolve(values[index]));
    return true;
  }

  async function runGroup(group: Pending[]): Promise<void> {
    if (await together(group)) return;
    if (group.length === 1) return;
    for (const item of group) await together([item]);
  }

  async function drain(): Promise<void> {
    try {
      if (closed) {
        for (const item of queue.splice(0)) item.reject(new Error('The database is closed'));
        return;
      }
      while (queue.length > 0) {
        const group = queue.splice(0, MAX_GROUP);
        await gate.run(() => runGroup(group));
      }
    } finally {
      draining = false;
      settleIdle();
    }
  }

  function transaction<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (closed) return reject(new Error('The database is closed'));
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      // Started on the next turn, not now: better-sqlite3 never yields to the event loop, so without this
      // pause no other request could be read (and join) before the group commits. The turn ends as soon
      // as the requests already waiting on their sockets have been read.
      if (!draining) {
        draining = true;
        idle = new Promise<void>((resolve) => (settleIdle = resolve));
        setImmediate(() => void drain());
      }
    });
  }

  /** Lets what was already asked for commit, then refuses more: the connection is about to close. */
  async function close(): Promise<void> {
    if (draining) await idle;
    closed = true;
  }

  return { transaction, close };
}
