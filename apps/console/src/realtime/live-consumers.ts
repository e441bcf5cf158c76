import type { AgentEvent } from '@keluh/contracts';

/**
 * What a feature hands the realtime layer to be kept current, so the layer never needs to know which
 * features exist: a list, the open ticket, the channel health, whatever comes next.
 */
export interface LiveConsumer {
  /** Events in log order, replays included: skip what the loaded snapshot already reflects. */
  applyEvents(events: readonly AgentEvent[]): void;
  /**
   * The event-log position of what is loaded, or null while nothing is. Omitted by features whose data
   * has no position (they guard with timestamps instead); those never hold a sync back.
   */
  position?(): number | null;
  /** The server cannot bring the positions forward (too far behind, or a reset log): load again. */
  reload(): void;
}

/** The subscribed features of one realtime store; owned by it, so nothing here is module state. */
export function createLiveConsumers() {
  const consumers = new Set<LiveConsumer>();

  return {
    add(consumer: LiveConsumer): () => void {
      consumers.add(consumer);
      return () => void consumers.delete(consumer);
    },
    /** Every consumer sees every event: each decides what concerns it. */
    dispatch(events: readonly AgentEvent[]): void {
      for (const consumer of [...consumers]) consumer.applyEvents(events);
    },
    /** The sync starts from the lowest loaded position, so no consumer misses what lies above its own. */
    position(): number | null {
      let lowest: number | null = null;
      for (const consumer of consumers) {
        const position = consumer.position?.() ?? null;
        if (position !== null && (lowest === null || position < lowest)) lowest = position;
      }
      return lowest;
    },
    reloadAll(): void {
      for (const consumer of [...consumers]) consumer.reload();
    },
    get size(): number {
      return consumers.size;
    },
  };
}

export type LiveConsumers = ReturnType<typeof createLiveConsumers>;
