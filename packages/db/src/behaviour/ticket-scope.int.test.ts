import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, NewDomainEvent, Ticket, TicketScope } from '@keluh/core';
import { freshDb, seedTicket, T0 } from '../testing/fixtures.ts';

const noted = (ticket: Ticket): NewDomainEvent => ({
  type: 'ticket.updated',
  ticketId: ticket.id,
  customerId: ticket.customerId,
  payload: { ticket: {} as never, changes: ['priority'] },
});
const channelEvent: NewDomainEvent = { type: 'channel.updated', ticketId: null, customerId: null, payload: { kind: 'whatsapp', status: 'active', reason: null } };

describe('team scope in the repositories', () => {
  let db: Database;
  let sales: number;
  let agent: number;
  let colleague: number;
  let general: Ticket;
  let salesMine: Ticket;
  let salesTheirs: Ticket;
  let salesOpen: Ticket;

  beforeEach(async () => {
    db = await freshDb();
    sales = (await db.teams.create('Penjualan', T0)).id;
    agent = (await db.users.create({ email: 'a@k.id', name: 'A', role: 'agent', passwordHash: 'h', teamId: sales }, T0)).id;
    colleague = (await db.users.create({ email: 'b@k.id', name: 'B', role: 'agent', passwordHash: 'h', teamId: sales }, T0)).id;
    general = await seedTicket(db, { name: 'Umum' });
    const inSales = async (name: string, assigneeId: number | null) => {
      const ticket = await seedTicket(db, { name });
      return db.tickets.update(ticket.id, { teamId: sales, assigneeId }, T0);
    };
    salesMine = await inSales('Mine', agent);
    salesTheirs = await inSales('Theirs', colleague);
    salesOpen = await inSales('Open', null);
  });
  afterEach(() => db.close());

  const listed = async (scope: TicketScope) => (await db.tickets.list({ limit: 50, scope })).items.map((t) => t.id).sort((a, b) => a - b);

  it('a new ticket goes to the default team unless it is given one', async () => {
    expect(general.teamId).toBe(1);
    const customer = await db.customers.create({ name: 'Routed' }, T0);
    const routed = await db.tickets.createActiveIfAbsent({ customerId: customer.id, subject: 'x', channel: 'whatsapp', teamId: sales }, T0);
    expect(routed?.teamId).toBe(sales);
  });

  it('the ticket list holds only the tickets the scope sees, filtered in SQL', async () => {
    expect(await listed({ kind: 'all' })).toEqual([general.id, salesMine.id, salesTheirs.id, salesOpen.id]);
    expect(await listed({ kind: 'teams', teamIds: [sales] })).toEqual([salesMine.id, salesTheirs.id, salesOpen.id]);
    expect(await listed({ kind: 'own_and_unassigned', teamIds: [sales], userId: agent })).toEqual([salesMine.id, salesOpen.id]);
    expect(await listed({ kind: 'teams', teamIds: [] })).toEqual([]);
  });

  it("each event is stored with its ticket's team and assignee as the transaction left them", async () => {
    const [stored] = await db.transaction(async (tx) => {
      await tx.tickets.update(salesOpen.id, { assigneeId: colleague }, T0);
      return tx.events.appendAll([noted(salesOpen)], T0);
    });
    expect(stored).toMatchObject({ ticketId: salesOpen.id, teamId: sales, assigneeId: colleague });
    expect((await db.events.listAfter(0, { limit: 10 }))[0]).toMatchObject({ teamId: sales, assigneeId: colleague });
  });

  it('a replay holds the events the scope sees, and every event without a ticket', async () => {
    await db.transaction((tx) => tx.events.appendAll([noted(general), noted(salesMine), channelEvent, noted(salesTheirs), noted(salesOpen)], T0));
    const replayed = async (scope: TicketScope) => (await db.events.listAfter(0, { limit: 10, scope })).map((e) => e.ticketId);
    expect(await replayed({ kind: 'all' })).toEqual([general.id, salesMine.id, null, salesTheirs.id, salesOpen.id]);
    expect(await replayed({ kind: 'teams', teamIds: [1] })).toEqual([general.id, null]);
    expect(await replayed({ kind: 'own_and_unassigned', teamIds: [sales], userId: agent })).toEqual([salesMine.id, null, salesOpen.id]);
    expect(await replayed({ kind: 'teams', teamIds: [] })).toEqual([null]);
  });

  it("the stuck list holds only the scope's tickets", async () => {
    const thresholds = { 1: 60_000, 2: 60_000, 3: 60_000, 4: 60_000, 5: 60_000 } as const;
    const later = '2026-03-02T09:00:00.000Z';
    const stuck = async (scope?: TicketScope) => (await db.workflows.listStuck(thresholds, later, 50, scope)).map((entry) => entry.ticketId).sort((a, b) => a - b);
    expect(await stuck()).toEqual([general.id, salesMine.id, salesTheirs.id, salesOpen.id]);
    expect(await stuck({ kind: 'teams', teamIds: [sales] })).toEqual([salesMine.id, salesTheirs.id, salesOpen.id]);
    expect(await stuck({ kind: 'teams', teamIds: [1] })).toEqual([general.id]);
  });
});
