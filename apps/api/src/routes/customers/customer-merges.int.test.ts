import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMessage } from '@keluh/core';
import type { AgentEvent, CustomerMergeDto, MergeHistoryEntryDto } from '@keluh/contracts';
import { connected, nextPushed, startTestApp, type TestApp } from '../../testing/test-app.ts';
import { teamMember, type TeamMember } from '../../testing/team-fixture.ts';

describe('merging customers over HTTP, announced live and undone', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  let token: string;
  let outsider: TeamMember;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login();
    headers = { authorization: `Bearer ${token}` };
    outsider = await teamMember(t, 'Gudang', 'agent', 'outsider@keluh.test');
  });
  afterAll(() => t.close());

  /** One person writing on WhatsApp and on Instagram, not linked yet: two customers with a ticket each. */
  async function twoCustomers(tag: string) {
    const at = new Date().toISOString();
    const wa = await ingestMessage(t.app.services.core, { kind: 'message', channel: 'whatsapp', externalMessageId: `wa-${tag}`, sender: { externalId: `62811${tag}`, displayName: 'Rina' }, body: 'Paket belum sampai', sentAt: at });
    const ig = await ingestMessage(t.app.services.core, { kind: 'message', channel: 'instagram', externalMessageId: `ig-${tag}`, sender: { externalId: `1784${tag}`, displayName: 'Rina W' }, body: 'Halo dari IG', sentAt: at });
    return { survivor: wa.ticket.customerId, merged: ig.ticket.customerId, waTicket: wa.ticket.id, igTicket: ig.ticket.id };
  }
  const merge = (from: number, into: unknown, as = headers) => t.app.inject({ method: 'POST', url: `/api/customers/${from}/merge`, headers: as, payload: { intoCustomerId: into } });
  const undo = (id: number, as = headers) => t.app.inject({ method: 'POST', url: `/api/customer-merges/${id}/undo`, headers: as });
  const history = (id: number, as = headers) => t.app.inject({ method: 'GET', url: `/api/customers/${id}/history`, headers: as });

  it('an agent merges two customers and undoes it; both are in the history with who and when, and announced on the tickets', async () => {
    const { survivor, merged, waTicket, igTicket } = await twoCustomers('70001');
    const agent = t.agentSocket(token);
    await connected(agent);
    try {
      const announced = nextPushed<AgentEvent>(agent, (event) => event.type === 'customer.merged' && event.ticketId === igTicket);
      const response = await merge(merged, survivor);
      expect(response.statusCode).toBe(200);
      const made = response.json<CustomerMergeDto>();
      expect(made).toMatchObject({ survivorId: survivor, mergedId: merged, reason: 'manual', actorUserId: t.agentId, moved: { folded: { fromTicketId: igTicket, intoTicketId: waTicket } } });
      expect((await announced).payload).toMatchObject({ merge: { id: made.id } });

      const unannounced = nextPushed<AgentEvent>(agent, (event) => event.type === 'customer.unmerged' && event.ticketId === waTicket);
      expect((await undo(made.id)).json()).toMatchObject({ id: made.id, undoneByUserId: t.agentId });
      expect((await unannounced).payload).toMatchObject({ merge: { id: made.id } });
      expect((await t.db.tickets.findById(igTicket))).toMatchObject({ customerId: merged, status: 'open', mergedIntoTicketId: null });

      const items = (await history(survivor)).json<{ items: MergeHistoryEntryDto[] }>().items;
      expect(items).toEqual([
        expect.objectContaining({ survivorName: 'Rina', mergedName: 'Rina W', actorName: 'Test Agent', undoneByName: 'Test Agent', merge: expect.objectContaining({ id: made.id }) }),
      ]);
    } finally {
      agent.disconnect();
    }
  });

  it('refuses merging into oneself, an ongoing merge and a second undo with their codes', async () => {
    const { survivor, merged } = await twoCustomers('70002');
    expect((await merge(survivor, survivor)).json()).toMatchObject({ error: { code: 'customer.merge_self' } });
    expect((await merge(survivor, 'seven')).json()).toMatchObject({ error: { code: 'validation.failed' } });
    const made = (await merge(merged, survivor)).json<CustomerMergeDto>();
    const again = await merge(merged, survivor);
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'customer.already_merged']);
    expect((await undo(made.id)).statusCode).toBe(200);
    const twice = await undo(made.id);
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'customer.merge_undone']);
    expect((await undo(999_999)).json()).toMatchObject({ error: { code: 'customer.merge_not_found' } });
  });

  it("an agent of another team finds neither customer, their history nor their merge", async () => {
    const { survivor, merged } = await twoCustomers('70003');
    const refused = await merge(merged, survivor, outsider.headers);
    expect([refused.statusCode, refused.json().error.code]).toEqual([404, 'customer.not_found']);
    expect((await history(survivor, outsider.headers)).statusCode).toBe(404);
    const made = (await merge(merged, survivor)).json<CustomerMergeDto>();
    expect((await undo(made.id, outsider.headers)).statusCode).toBe(404);
    expect((await t.db.customers.findById(merged))?.mergedIntoId).toBe(survivor);
  });
});
