import type { Socket } from 'socket.io-client';
import type { AgentEvent } from '@keluh/contracts';

/** Every event an /agent socket is pushed (they come in `events` batches), in arrival order. */
export function receivedEvents(socket: Socket) {
  const events: AgentEvent[] = [];
  socket.on('events', (batch: AgentEvent[]) => events.push(...batch));
  return {
    events,
    get ids(): number[] {
      return events.map((event) => event.id);
    },
    /** Strictly increasing ids: nothing out of order, nothing twice. */
    inOrderOnce(): boolean {
      return events.every((event, i) => i === 0 || event.id > events[i - 1]!.id);
    },
  };
}
