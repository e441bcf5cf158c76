import { describe, expect, it } from 'vitest';
import { upgradedInstall } from '../testing/upgraded-install.ts';

const T0 = '2026-03-02T08:00:00.000Z';

/** Rows as an install kept them before team scope: no team anywhere, events without team or assignee. */
const OLD_ROWS = [
  `insert into customers (name, created_at, updated_at) values ('Sari', '${T0}', '${T0}'), ('Budi', '${T0}', '${T0}')`,
  `insert into users (email, name, role, password_hash, created_at) values ('agent1@k.id', 'Agent One', 'agent', 'h', '${T0}'), ('admin@k.id', 'Admin', 'admin', 'h', '${T0}')`,
  `insert into tickets (customer_id, subject, channel, last_channel, last_message_at, created_at, updated_at, assignee_id) values (1, 'Paket', 'whatsapp', 'whatsapp', '${T0}', '${T0}', '${T0}', 1), (2, 'Refund', 'webchat', 'webchat', '${T0}', '${T0}', '${T0}', null)`,
  `insert into events (type, ticket_id, customer_id, payload, created_at) values ('ticket.created', 1, 1, '{}', '${T0}'), ('channel.updated', null, null, '{}', '${T0}'), ('ticket.created', 2, 2, '{}', '${T0}')`,
];

const upgraded = () => upgradedInstall('scope_backfill', OLD_ROWS);

describe('upgrading an install to team scope', () => {
  it('creates the default team and puts every old ticket, user and event of a ticket in it', async () => {
    const { db, done } = await upgraded();
    try {
      expect(await db.teams.list()).toMatchObject([{ id: 1, name: 'Umum' }]);
      expect((await db.tickets.findById(1))?.teamId).toBe(1);
      expect((await db.tickets.findById(2))?.teamId).toBe(1);
      const users = await db.users.list();
      expect(users.map((user) => [user.email, user.teamId, user.teamIds])).toEqual([
        ['agent1@k.id', 1, [1]],
        ['admin@k.id', 1, [1]],
      ]);
      expect(await db.teams.listMemberIds(1)).toEqual([1, 2]);
      const events = await db.events.listAfter(0, { limit: 10 });
      expect(events.map((event) => [event.ticketId, event.teamId, event.assigneeId])).toEqual([
        [1, 1, 1],
        [null, null, null],
        [2, 1, null],
      ]);
      // The old events replay by scope like new ones: an agent limited to their own sees ticket 1 and the channel event.
      const limited = await db.events.listAfter(0, { limit: 10, scope: { kind: 'own_and_unassigned', teamIds: [1], userId: 1 } });
      expect(limited.map((event) => event.ticketId)).toEqual([1, null, 2]);
      const otherAgent = await db.events.listAfter(0, { limit: 10, scope: { kind: 'own_and_unassigned', teamIds: [1], userId: 2 } });
      expect(otherAgent.map((event) => event.ticketId)).toEqual([null, 2]);
    } finally {
      await done();
    }
  });
});
