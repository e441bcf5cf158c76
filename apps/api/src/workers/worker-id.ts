import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * Names this process as the owner of the leases it takes. Unique per start, so a restarted process never
 * mistakes its predecessor's leases for its own: those run out and are taken over like anyone's.
 */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}
