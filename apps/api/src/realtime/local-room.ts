import type { Namespace } from 'socket.io';

/**
 * Whether this process holds a socket in the room. socket.io encodes a broadcast before it looks for
 * receivers, so emitting to an empty room (no agent signed in here, a customer whose widget is closed —
 * most of them) costs the encoding of every event for nobody.
 */
export function hasLocalSockets(namespace: Pick<Namespace, 'adapter'>, room: string): boolean {
  return (namespace.adapter.rooms.get(room)?.size ?? 0) > 0;
}
