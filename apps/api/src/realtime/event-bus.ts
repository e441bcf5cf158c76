import type { EventPublisher, StoredEvent } from '@keluh/core';

export type EventListener = (event: StoredEvent) => void;
/** Hears each commit's events together, in log order (the realtime feed batches them per frame). */
export type CommitListener = (events: readonly StoredEvent[]) => void;

/**
 * Fans committed domain events out to in-process listeners (realtime feed, outbox and job kicks, later
 * SLA clocks and automations). A failing listener is logged and never blocks the others or the request.
 */
export class EventBus implements EventPublisher {
  private readonly listeners = new Set<EventListener>();
  private readonly commitListeners = new Set<CommitListener>();

  constructor(private readonly onListenerError: (error: unknown, event: StoredEvent) => void) {}

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  subscribeCommits(listener: CommitListener): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  publish(events: readonly StoredEvent[]): void {
    for (const listener of this.commitListeners) {
      try {
        listener(events);
      } catch (error) {
        this.onListenerError(error, events[0]!);
      }
    }
    for (const event of events) {
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch (error) {
          this.onListenerError(error, event);
        }
      }
    }
  }
}
