import type { Database, NewResolutionRecord, ResolutionRecord, Ticket } from '@keluh/core';
import { T0 } from './fixtures.ts';

/** A resolved delivery complaint of `ticket`, the usual starting point of resolution tests. */
export function recordFor(ticket: Ticket, overrides: Partial<NewResolutionRecord> = {}): NewResolutionRecord {
  return {
    ticketId: ticket.id,
    customerId: ticket.customerId,
    channel: ticket.channel,
    subject: ticket.subject,
    category: 'delivery',
    facts: { order_number: 'INV-20931' },
    rootCause: 'courier_delay',
    rootCauseNote: 'Gudang JNE Cakung banjir',
    solution: 'Kirim ulang dengan SiCepat',
    customerText: 'Paket saya belum sampai',
    timeToFixMs: 3_600_000,
    promiseKept: null,
    rating: null,
    resolvedAt: T0,
    ...overrides,
  };
}

/** What a seeded past case says; the rest comes from recordFor. */
export type PastCase = Partial<Omit<NewResolutionRecord, 'ticketId' | 'customerId' | 'channel' | 'subject' | 'resolvedAt'>> & { customerText: string };

/**
 * Stores past cases as resolved complaints, each on a ticket of its own customer (the record's ticket
 * must exist), in transactions of a few hundred so a thousand take seconds, not minutes.
 */
export async function seedResolvedCases(db: Database, cases: readonly PastCase[], at = T0): Promise<ResolutionRecord[]> {
  const saved: ResolutionRecord[] = [];
  for (let start = 0; start < cases.length; start += 250) {
    await db.transaction(async (tx) => {
      for (const [offset, pastCase] of cases.slice(start, start + 250).entries()) {
        const customer = await tx.customers.create({ name: `Pelanggan ${start + offset}` }, at);
        const channel = (['whatsapp', 'instagram', 'webchat'] as const)[(start + offset) % 3]!;
        const ticket = (await tx.tickets.createActiveIfAbsent({ customerId: customer.id, subject: pastCase.customerText.slice(0, 60), channel, status: 'resolved' }, at))!;
        saved.push(await tx.resolutions.save({ ...recordFor(ticket), ...pastCase, resolvedAt: at }));
      }
    });
  }
  return saved;
}
