import {
  addMilliseconds,
  type ChannelKind,
  type Clock,
  type Database,
  type EventPublisher,
  type StoredEvent,
  type Ticket,
} from '@keluh/core';
import { openTestDatabase } from './test-database.ts';

export const T0 = '2026-03-02T08:00:00.000Z';

/** A clock tests move by hand; every `now()` is 1 s after the previous one unless frozen. */
export function fakeClock(start = T0, stepMs = 1000): Clock & { advance(ms: number): void; freeze(): void } {
  let current = start;
  let step = stepMs;
  return {
    now() {
      const at = current;
      current = addMilliseconds(current, step);
      return at;
    },
    advance(ms) {
      current = addMilliseconds(current, ms);
    },
    freeze() {
      step = 0;
    },
  };
}

export function recordingPublisher(): EventPublisher & { published: StoredEvent[] } {
  const published: StoredEvent[] = [];
  return { published, publish: (events) => void published.push(...events) };
}

/** A fresh, empty database of the engine under test (see openTestDatabase). */
export const freshDb = (): Promise<Database> => openTestDatabase();

/** A customer reachable on `channel` with one ticket, the common starting point of repository tests. */
export async function seedTicket(
  db: Database,
  options: { name?: string; channel?: ChannelKind; externalId?: string; at?: string } = {},
): Promise<Ticket> {
  const at = options.at ?? T0;
  const channel = options.channel ?? 'whatsapp';
  const customer = await db.customers.create({ name: options.name ?? 'Sari' }, at);
  await db.identities.insertIfAbsent({ customerId: customer.id, channel, externalId: options.externalId ?? `ext-${customer.id}` }, at);
  return (await db.tickets.createActiveIfAbsent({ customerId: customer.id, subject: 'Paket belum sampai', channel }, at))!;
}
