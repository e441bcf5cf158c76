import { describe, expect, it } from 'vitest';
import { upgradedInstall } from '../testing/upgraded-install.ts';

const T0 = '2026-03-02T08:00:00.000Z';
const T1 = '2026-03-02T09:00:00.000Z';

/**
 * Rows as an install kept them before per-message identities: Sari on WhatsApp keyed by her number and
 * by her BSUID (she wrote from the number last), Budi on the website; messages both ways, none with an identity.
 */
const OLD_ROWS = [
  `insert into customers (name, created_at, updated_at) values ('Sari', '${T0}', '${T0}'), ('Budi', '${T0}', '${T0}')`,
  `insert into identities (customer_id, channel, external_id, last_inbound_at, created_at) values
     (1, 'whatsapp', 'ID.58219ABC', '${T0}', '${T0}'), (1, 'whatsapp', '6281234567890', '${T1}', '${T0}'), (2, 'webchat', 'visitor-1', '${T0}', '${T0}')`,
  `insert into tickets (customer_id, subject, channel, last_channel, last_message_at, created_at, updated_at) values (1, 'Paket', 'whatsapp', 'whatsapp', '${T0}', '${T0}', '${T0}'), (2, 'Refund', 'webchat', 'webchat', '${T0}', '${T0}', '${T0}')`,
  `insert into messages (ticket_id, direction, author_kind, channel, body, status, sent_at, created_at, updated_at) values
     (1, 'in', 'customer', 'whatsapp', 'Paket belum sampai', 'received', '${T0}', '${T0}', '${T0}'),
     (1, 'out', 'agent', 'whatsapp', 'Kami cek', 'sent', '${T1}', '${T1}', '${T1}'),
     (2, 'in', 'customer', 'webchat', 'Mau refund', 'received', '${T0}', '${T0}', '${T0}')`,
];

const upgraded = () => upgradedInstall('identity_backfill', OLD_ROWS);

describe('upgrading an install to per-message identities', () => {
  it('gives every old message its customer\'s identity on its channel, and WhatsApp numbers their phone', async () => {
    const { db, done } = await upgraded();
    try {
      expect((await db.messages.listForTicket(1)).map((message) => message.identityId)).toEqual([2, 2]);
      expect((await db.messages.listForTicket(2)).map((message) => message.identityId)).toEqual([3]);
      const identities = [...(await db.identities.listForCustomer(1)), ...(await db.identities.listForCustomer(2))];
      expect(identities.map((identity) => [identity.externalId, identity.phone, identity.verified])).toEqual([
        ['ID.58219ABC', null, false],
        ['6281234567890', '+6281234567890', true],
        ['visitor-1', null, false],
      ]);
    } finally {
      await done();
    }
  });
});
