import type { AgentNamespace, AgentServerSideEvents } from './agent.namespace.ts';
import { isWatchEntryList, type WatchEntry } from './ticket-viewers.ts';

/** Changes to one ticket within this long travel to the other processes as one signal. */
const SIGNAL_BATCH_MS = 50;
/** Past the adapter's own request timeout: a question that is never answered at all still ends. */
const ASK_GIVE_UP_MS = 3_000;

export interface WatchersClusterOptions {
  /** Other API processes may hold viewers (REDIS_URL). Without, every call here is a no-op. */
  joined: boolean;
  /**
   * Whether the adapter's Redis connection can still carry a message: once closed (a process on its way
   * out), the adapter's publish rejects where nobody catches it, and a question would never be answered.
   */
  canReachOthers(): boolean;
  /** This process's own entries, for the others' questions. */
  localEntries(ticketId: number): WatchEntry[];
  /** Another process said a ticket's watchers changed. */
  onChanged(ticketId: number): void;
  onError(error: unknown): void;
}

/**
 * The watchers' talk between API processes, over the Redis adapter's server-side events: `watchers.list`
 * asks every other process for its entries of a ticket (and answers theirs from memory), and
 * `watchers.changed` tells them to ask again. A process that died is not asked (its Redis subscription
 * went with it); one that is stuck is waited for until the adapter's request timeout, then left out.
 */
export function createWatchersCluster(namespace: AgentNamespace, options: WatchersClusterOptions) {
  const signalling = new Map<number, NodeJS.Timeout>();
  const reachable = () => options.joined && options.canReachOthers();
  const answer: AgentServerSideEvents['watchers.list'] = (ticketId, ack) => ack(typeof ticketId === 'number' ? options.localEntries(ticketId) : []);
  const changed: AgentServerSideEvents['watchers.changed'] = (ticketId) => {
    if (typeof ticketId === 'number') options.onChanged(ticketId);
  };
  namespace.on('watchers.list', answer);
  namespace.on('watchers.changed', changed);

  return {
    /** The other processes' entries for the ticket; none when alone, unreachable, or silent. */
    async ask(ticketId: number): Promise<WatchEntry[]> {
      if (!reachable()) return [];
      let timer: NodeJS.Timeout | undefined;
      const giveUp = new Promise<unknown[]>((resolve) => {
        timer = setTimeout(() => resolve([]), ASK_GIVE_UP_MS);
        timer.unref();
      });
      const asked: Promise<unknown[]> = namespace.serverSideEmitWithAck('watchers.list', ticketId).catch((error: { responses?: unknown[] }) => {
        options.onError(error);
        return error.responses ?? [];
      });
      try {
        const answers: unknown[] = await Promise.race([asked, giveUp]);
        return answers.filter(isWatchEntryList).flat();
      } finally {
        clearTimeout(timer);
      }
    },

    /**
     * Tells the others, after the changes it stands for, so their next ask sees all of them; a client
     * toggling typing as fast as it can costs Redis one message per ticket per batch, not one per toggle.
     */
    signal(ticketId: number): void {
      if (!options.joined || signalling.has(ticketId)) return;
      const timer = setTimeout(() => {
        signalling.delete(ticketId);
        if (reachable()) namespace.serverSideEmit('watchers.changed', ticketId);
      }, SIGNAL_BATCH_MS);
      signalling.set(ticketId, timer);
    },

    /**
     * This process leaves: it stops answering (a reply published while the connections close would go
     * into a closed one; askers go on without it at their timeout), and says at once that these tickets
     * lost their viewers here.
     */
    leave(ticketIds: Iterable<number>): void {
      namespace.off('watchers.list', answer);
      namespace.off('watchers.changed', changed);
      const left = new Set([...signalling.keys(), ...ticketIds]);
      for (const timer of signalling.values()) clearTimeout(timer);
      signalling.clear();
      if (reachable()) for (const ticketId of left) namespace.serverSideEmit('watchers.changed', ticketId);
    },
  };
}
