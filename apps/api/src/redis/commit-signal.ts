/**
 * Tells the other API processes that this one committed events, so their RealtimeFeed reads them from the
 * log at once. The message carries only the newest id: the log is the source of the events and of their
 * order, the signal only says "look now". Losing one is never fatal (see RedisCommitSignal for outages),
 * and a burst of commits needs one message, not one per event.
 *
 * Coalescing: everything committed in one turn of the event loop goes out as one message, sent on the
 * next turn; while that message is still on its way (Redis slow, or away and the publish queued until it
 * is back) later commits wait and then leave together as one message with the newest id. So at most one
 * publish is ever in flight and an outage queues one message, not one per commit.
 */
export interface CommitSignalOptions {
  /** Names this process; its own messages come back on the channel and are ignored. */
  instanceId: string;
  publish(message: string): Promise<unknown>;
  /** Another process committed up to `newestId`. */
  onCommittedElsewhere(newestId: number): void;
  onError(error: unknown): void;
}

export class CommitSignal {
  private newest = 0;
  private sentUpTo = 0;
  private scheduled = false;
  private inFlight = false;
  private stopped = false;

  constructor(private readonly options: CommitSignalOptions) {}

  /** This process committed events up to `newestId`. */
  committed(newestId: number): void {
    if (newestId > this.newest) this.newest = newestId;
    this.schedule();
  }

  /** A message from the channel (ours included). */
  received(message: string): void {
    const decoded = decodeCommitMessage(message);
    if (!decoded || decoded.instanceId === this.options.instanceId) return;
    this.options.onCommittedElsewhere(decoded.newestId);
  }

  stop(): void {
    this.stopped = true;
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight || this.stopped || this.newest <= this.sentUpTo) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.send();
    });
  }

  private send(): void {
    if (this.stopped || this.newest <= this.sentUpTo) return;
    const id = this.newest;
    this.inFlight = true;
    this.options
      .publish(encodeCommitMessage(this.options.instanceId, id))
      // A failed publish is not retried: the publisher queues through outages, so a failure is something a
      // retry would not mend, and the receivers read the log again whenever their own connection returns.
      .catch((error: unknown) => this.options.onError(error))
      .finally(() => {
        if (id > this.sentUpTo) this.sentUpTo = id;
        this.inFlight = false;
        this.schedule();
      });
  }
}

/** `<instance id> <newest event id>`: a few dozen bytes. */
export function encodeCommitMessage(instanceId: string, newestId: number): string {
  return `${instanceId} ${newestId}`;
}

export function decodeCommitMessage(message: string): { instanceId: string; newestId: number } | null {
  const space = message.lastIndexOf(' ');
  if (space <= 0) return null;
  const newestId = Number(message.slice(space + 1));
  if (!Number.isSafeInteger(newestId) || newestId <= 0) return null;
  return { instanceId: message.slice(0, space), newestId };
}
