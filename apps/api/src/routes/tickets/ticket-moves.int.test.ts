import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REOPEN_DAYS_KEY } from '@keluh/core';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { inboundTicket, teamMember } from '../../testing/team-fixture.ts';

describe('merging, splitting and undoing over HTTP', () => {
  let t: TestApp;
  let headers: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    headers = { authorization: `Bearer ${await t.login()}` };
    // Every later message opens a new ticket, so one customer has two at once.
    await t.db.settings.set(REOPEN_DAYS_KEY, '0');
  });
  afterAll(() => t.close());

  const post = (url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
  /** A customer's resolved ticket and the newer open one. */
  async function twoTickets(sender: string) {
    const old = await inboundTicket(t, sender, 'Paket belum sampai');
    await t.app.inject({ method: 'PATCH', url: `/api/tickets/${old}`, headers, payload: { status: 'resolved' } });
    const current = await inboundTicket(t, sender, 'Paketnya rusak');
    return { old, current };
  }
  const bodies = async (ticketId: number) => (await t.db.messages.listForTicket(ticketId)).map((m) => m.body);

  it('an agent merges the old ticket into the current one, sees it in the moves list, and undoes it', async () => {
    const { old, current } = await twoTickets('merge-http');
    const targets = (await t.app.inject({ method: 'GET', url: `/api/tickets/${old}/merge-targets`, headers })).json();
    expect(targets.items).toEqual([expect.objectContaining({ id: current, status: 'open', subject: 'Paketnya rusak' })]);
    const merged = await post(`/api/tickets/${old}/merge`, { intoTicketId: current });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ move: { kind: 'merge', sourceTicketId: old, targetTicketId: current, actorUserId: t.agentId }, source: { status: 'closed', mergedIntoTicketId: current } });
    expect(await bodies(current)).toEqual(['Paket belum sampai', 'Paketnya rusak']);
    const moves = (await t.app.inject({ method: 'GET', url: `/api/tickets/${current}/moves`, headers })).json();
    expect(moves.items).toHaveLength(1);
    const undone = await post(`/api/ticket-moves/${moves.items[0].id}/undo`);
    expect(undone.statusCode).toBe(200);
    expect(undone.json()).toMatchObject({ move: { undoneByUserId: t.agentId }, source: { id: old, status: 'resolved', mergedIntoTicketId: null } });
    expect(await bodies(old)).toEqual(['Paket belum sampai']);
    const again = await post(`/api/ticket-moves/${moves.items[0].id}/undo`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ticket.move_undone');
  });

  it('refuses merges and splits with their codes, storing nothing', async () => {
    const { old, current } = await twoTickets('refuse-http');
    const stranger = await inboundTicket(t, 'refuse-other', 'Saya orang lain');
    const cases: [string, object, number, string][] = [
      [`/api/tickets/${old}/merge`, { intoTicketId: old }, 400, 'ticket.merge_self'],
      [`/api/tickets/${old}/merge`, { intoTicketId: stranger }, 409, 'ticket.merge_other_customer'],
      [`/api/tickets/${old}/merge`, { intoTicketId: 999999 }, 404, 'ticket.not_found'],
      [`/api/tickets/${old}/merge`, { intoTicketId: '2' }, 400, 'validation.failed'],
      [`/api/tickets/${current}/split`, { messageIds: [] }, 400, 'ticket.split_empty'],
      [`/api/tickets/${current}/split`, { messageIds: (await t.db.messages.listForTicket(current)).map((m) => m.id) }, 400, 'ticket.split_all'],
    ];
    for (const [url, payload, status, code] of cases) {
      const response = await post(url, payload);
      expect(response.statusCode, `${url} ${JSON.stringify(payload)}`).toBe(status);
      expect(response.json().error.code).toBe(code);
    }
    expect(await t.db.ticketMoves.listForTicket(old)).toEqual([]);
    expect(await t.db.ticketMoves.listForTicket(current)).toEqual([]);
    expect((await t.db.tickets.findById(old))?.status).toBe('resolved');
    expect(await bodies(current)).toEqual(['Paketnya rusak']);
  });

  it('an agent cannot merge into a ticket of a team they do not see: it is not found', async () => {
    const { old, current } = await twoTickets('scope-http');
    const sales = await teamMember(t, 'Penjualan', 'agent', 'maya.moves@keluh.test');
    await t.db.tickets.update(old, { teamId: sales.teamId }, new Date().toISOString());
    const refused = await post(`/api/tickets/${current}/merge`, { intoTicketId: old });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('ticket.not_found');
    expect(await bodies(current)).toEqual(['Paketnya rusak']);
  });
});
