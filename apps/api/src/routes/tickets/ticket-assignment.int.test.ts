import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { inboundTicket, teamMember, type TeamMember } from '../../testing/team-fixture.ts';

describe('who may assign a ticket, to whom, and who sees it', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let agent: Record<string, string>;
  let colleague: TeamMember;
  let supervisor: TeamMember;
  let otherTeamAgent: TeamMember;

  beforeAll(async () => {
    t = await startTestApp();
    admin = { authorization: `Bearer ${await t.loginAdmin()}` };
    agent = { authorization: `Bearer ${await t.login()}` };
    colleague = await teamMember(t, 'Umum', 'agent', 'budi@keluh.test');
    supervisor = await teamMember(t, 'Umum', 'supervisor', 'sari@keluh.test');
    otherTeamAgent = await teamMember(t, 'Penjualan', 'agent', 'maya@keluh.test');
  });
  afterAll(() => t.close());

  const patch = (ticketId: number, headers: Record<string, string>, payload: Record<string, unknown>) => t.app.inject({ method: 'PATCH', url: `/api/tickets/${ticketId}`, headers, payload });
  const assigneeOf = async (ticketId: number) => (await t.db.tickets.findById(ticketId))?.assigneeId;

  it('puts a ticket opened by ingest in the default team', async () => {
    const ticketId = await inboundTicket(t, 'assign-default');
    expect((await t.db.tickets.findById(ticketId))?.teamId).toBe((await t.db.teams.findDefault())?.id);
  });

  it('lets an agent take an unassigned ticket and hand it back', async () => {
    const ticketId = await inboundTicket(t, 'assign-take');
    expect((await patch(ticketId, agent, { assigneeId: t.agentId })).json()).toMatchObject({ assigneeId: t.agentId });
    expect((await patch(ticketId, agent, { assigneeId: null })).json()).toMatchObject({ assigneeId: null });
  });

  it("refuses an agent taking a colleague's ticket with auth.forbidden naming tickets.reassign, and changes nothing", async () => {
    const ticketId = await inboundTicket(t, 'assign-steal');
    await patch(ticketId, colleague.headers, { assigneeId: colleague.id });
    for (const change of [{ assigneeId: t.agentId }, { assigneeId: null }, { assigneeId: t.agentId, status: 'pending' }]) {
      const refused = await patch(ticketId, agent, change);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toMatchObject({ code: 'auth.forbidden', details: { permission: 'tickets.reassign' } });
    }
    expect(await t.db.tickets.findById(ticketId)).toMatchObject({ assigneeId: colleague.id, status: 'open' });
  });

  it("lets a supervisor move a colleague's ticket to another member of its team", async () => {
    const ticketId = await inboundTicket(t, 'assign-move');
    await patch(ticketId, colleague.headers, { assigneeId: colleague.id });
    const moved = await patch(ticketId, supervisor.headers, { assigneeId: t.agentId });
    expect(moved.statusCode).toBe(200);
    expect(await assigneeOf(ticketId)).toBe(t.agentId);
    const activity = (await t.db.events.listAfter(0, { limit: 5000 })).filter((e) => e.ticketId === ticketId && e.type === 'ticket.updated').at(-1);
    expect(activity).toMatchObject({ assigneeId: t.agentId });
  });

  it('refuses assigning to someone outside the ticket\'s team with 422 assign.other_team, even for an admin', async () => {
    const ticketId = await inboundTicket(t, 'assign-other-team');
    for (const headers of [supervisor.headers, admin]) {
      const refused = await patch(ticketId, headers, { assigneeId: otherTeamAgent.id, priority: 'high' });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error).toMatchObject({ code: 'assign.other_team', details: { issues: [{ path: 'assigneeId' }] } });
    }
    expect(await t.db.tickets.findById(ticketId)).toMatchObject({ assigneeId: null, priority: 'normal' });
  });

  it("with agents limited to their own and unassigned, an agent neither lists nor opens a colleague's ticket; a supervisor still does", async () => {
    const theirs = await inboundTicket(t, 'assign-limited-theirs');
    const open = await inboundTicket(t, 'assign-limited-open');
    await patch(theirs, colleague.headers, { assigneeId: colleague.id });
    const listed = async (headers: Record<string, string>) => (await t.app.inject({ method: 'GET', url: '/api/tickets?limit=100', headers })).json<{ items: { id: number }[] }>().items.map((i) => i.id);
    expect(await listed(agent)).toEqual(expect.arrayContaining([theirs, open]));

    expect((await t.app.inject({ method: 'PUT', url: '/api/settings/tickets', headers: admin, payload: { agentsOwnAndUnassigned: true } })).statusCode).toBe(200);
    try {
      expect(await listed(agent)).toContain(open);
      expect(await listed(agent)).not.toContain(theirs);
      const hidden = await t.app.inject({ method: 'GET', url: `/api/tickets/${theirs}`, headers: agent });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().error.code).toBe('ticket.not_found');
      expect(await listed(colleague.headers)).toContain(theirs);
      expect(await listed(supervisor.headers)).toEqual(expect.arrayContaining([theirs, open]));
    } finally {
      await t.app.inject({ method: 'PUT', url: '/api/settings/tickets', headers: admin, payload: { agentsOwnAndUnassigned: false } });
    }
    expect(await listed(agent)).toContain(theirs);
  });

  it('lets only an admin read or change the visibility setting, and refuses a malformed one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/settings/tickets', headers: admin })).json()).toEqual({ agentsOwnAndUnassigned: false });
    for (const headers of [agent, supervisor.headers]) {
      const refused = await t.app.inject({ method: 'PUT', url: '/api/settings/tickets', headers, payload: { agentsOwnAndUnassigned: true } });
      expect(refused.statusCode).toBe(403);
    }
    for (const payload of [{ agentsOwnAndUnassigned: 'yes' }, {}, { agentsOwnAndUnassigned: true, extra: 1 }]) {
      const malformed = await t.app.inject({ method: 'PUT', url: '/api/settings/tickets', headers: admin, payload });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.code).toBe('validation.failed');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/settings/tickets', headers: admin })).json()).toEqual({ agentsOwnAndUnassigned: false });
  });
});
