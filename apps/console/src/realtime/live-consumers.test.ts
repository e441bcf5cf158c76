import { describe, expect, it, vi } from 'vitest';
import { events, ticket } from '../test/fixtures.ts';
import { createLiveConsumers, type LiveConsumer } from './live-consumers.ts';

const consumer = (position: number | null | undefined): LiveConsumer & { seen: number[] } => {
  const seen: number[] = [];
  return {
    seen,
    applyEvents: (list) => seen.push(...list.map((e) => e.id)),
    ...(position === undefined ? {} : { position: () => position }),
    reload: vi.fn(),
  };
};

describe('the features subscribed to realtime', () => {
  it('each sees every event, in the order given', () => {
    const consumers = createLiveConsumers();
    const list = consumer(3);
    const channels = consumer(undefined);
    consumers.add(list);
    consumers.add(channels);
    consumers.dispatch([events.ticketCreated(4, ticket(1)), events.ticketUpdated(5, ticket(1))]);
    expect(list.seen).toEqual([4, 5]);
    expect(channels.seen).toEqual([4, 5]);
  });

  it('sync from the lowest loaded position; one with nothing loaded or no position holds nothing back', () => {
    const consumers = createLiveConsumers();
    expect(consumers.position()).toBeNull();
    consumers.add(consumer(undefined));
    consumers.add(consumer(null));
    expect(consumers.position()).toBeNull();
    consumers.add(consumer(12));
    consumers.add(consumer(7));
    expect(consumers.position()).toBe(7);
  });

  it('a removed one is neither fed nor asked for its position or a reload', () => {
    const consumers = createLiveConsumers();
    const gone = consumer(1);
    const stays = consumer(9);
    const remove = consumers.add(gone);
    consumers.add(stays);
    remove();
    consumers.dispatch([events.ticketCreated(10, ticket(1))]);
    consumers.reloadAll();
    expect(gone.seen).toEqual([]);
    expect(gone.reload).not.toHaveBeenCalled();
    expect(stays.reload).toHaveBeenCalledOnce();
    expect(consumers.position()).toBe(9);
    expect(consumers.size).toBe(1);
  });
});
