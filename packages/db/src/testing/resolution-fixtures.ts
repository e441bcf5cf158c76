import type { NewResolutionRecord, Ticket } from '@keluh/core';
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
