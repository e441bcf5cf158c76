import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '@keluh/core';
import { RealtimeFeed } from './realtime-feed.ts';

const event = (id: number): StoredEvent => ({
  id,
  type: 'channel.updated',
  ticketId: null,
  customerId: null,
  teamId: null,
  assigneeId: null,
  createdAt: '2026-03-02T08:00:00.000Z',
  payload: { kind: 'whatsapp', status: 'active', reason: `e${id}` },
});

/** The committed log as a reader sees it; `visible` grows as "other processes" commit. */
function logOf(ids: number[]) {
  const visible = new Set(ids);
  let failNext = 0;
  return {
    visible,
    failNext: (times: number) => (failNext = times),
    latestId: async () => Math.max(0, ...visible),
    listAfter: async (after: number, { limit }: { limit: number }) => {
      if (failNext > 0) {
        failNext -= 1;
        throw new Error('database briefly unavailable');
      }
      return [...visible].filter((id) => id > after).sort((a, b) => a - b).slice(0, limit).map(event);
    },
  };
}

async function started(log: ReturnType<typeof logOf>) {
  const errors: unknown[] = [];
  const feed = new RealtimeFeed(log, (error) => errors.push(error));
  await feed.start();
  const batches: number[][] = [];
  feed.subscribe((events) => batches.push(events.map((e) => e.id)));
  return { feed, batches, errors };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the realtime feed', () => {
  it('starts at the head of the log: earlier events are for clients to replay', async () => {
    const { feed, batches } = await started(logOf([1, 2, 3]));
    expect(feed.position).toBe(3);
    await settle();
    expect(batches).toEqual([]);
  });

  it('delivers what commits in one turn as one batch, in order, without reading the log', async () => {
    const log = logOf([]);
    const { feed, batches } = await started(log);
    log.visible.clear(); // any read would now return nothing: the batch must come from the commits themselves
    feed.committed([event(1), event(2)]);
    feed.committed([event(3)]);
    await settle();
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('puts events back in log order when commit callbacks run out of order', async () => {
    const { feed, batches } = await started(logOf([]));
    feed.committed([event(2)]);
    feed.committed([event(1)]);
    await settle();
    expect(batches).toEqual([[1, 2]]);
  });

  it('fills a gap from the log before delivering what comes after it', async () => {
    const log = logOf([1, 2]);
    const { feed, batches } = await started(log);
    log.visible.add(3).add(4); // 3 committed by another process, 4 by us
    feed.committed([event(4)]);
    await settle();
    expect(batches).toEqual([[3, 4]]);
  });

  it('skips an id that never committed (a rolled-back transaction) once a later one is readable', async () => {
    const log = logOf([1]);
    const { feed, batches } = await started(log);
    log.visible.add(3);
    feed.committed([event(3)]);
    await settle();
    expect(batches).toEqual([[3]]);
    feed.committed([event(4)]);
    await settle();
    expect(batches).toEqual([[3], [4]]);
  });

  it("reads another process's commits when signalled, and never delivers one twice", async () => {
    const log = logOf([]);
    const { feed, batches } = await started(log);
    log.visible.add(1).add(2);
    feed.committedElsewhere();
    feed.committedElsewhere();
    await settle();
    feed.committed([event(2)]); // a late local callback for something already delivered
    await settle();
    expect(batches).toEqual([[1, 2]]);
  });

  it('loses nothing when the log cannot be read for a moment: it tries again', async () => {
    const log = logOf([]);
    const { feed, batches, errors } = await started(log);
    log.visible.add(1).add(2);
    log.failNext(1);
    feed.committed([event(2)]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(errors).toHaveLength(1);
    expect(batches).toEqual([[1, 2]]);
  });
});
