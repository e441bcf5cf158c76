import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshotDto } from '@keluh/contracts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { inboundTicket, teamMember, type TeamMember } from '../testing/team-fixture.ts';

// The board and the reports show a supervisor their own teams only (core's teamsInView), and a CSV export
// is recorded in the audit log with who took which figures.
describe("a supervisor's board and reports stay within their teams", () => {
  let t: TestApp;
  let supervisorB: TeamMember & { teamId: number };
  let admin: Record<string, string>;
  let ticketA: number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = { authorization: `Bearer ${await t.loginAdmin()}` };
    supervisorB = await teamMember(t, 'Penjualan', 'supervisor', 'lead.b@keluh.test');
    // Team A is the default team, where ingest puts this ticket.
    ticketA = await inboundTicket(t, 'scope-board-customer', 'Barang saya rusak');
  });
  afterAll(() => t.close());

  it("never lists another team's waiting ticket on the board", async () => {
    const mine = await t.app.inject({ method: 'GET', url: '/api/board', headers: supervisorB.headers });
    expect(mine.statusCode).toBe(200);
    const snapshot = mine.json<BoardSnapshotDto>();
    expect(snapshot.teamIds).toEqual([supervisorB.teamId]);
    expect(snapshot.queue.map((row) => row.ticketId)).not.toContain(ticketA);
    const adminView = (await t.app.inject({ method: 'GET', url: '/api/board', headers: admin })).json<BoardSnapshotDto>();
    expect(adminView.queue.map((row) => row.ticketId)).toContain(ticketA);
  });

  it("answers another team's board or report as a team that does not exist", async () => {
    const board = await t.app.inject({ method: 'GET', url: '/api/board?teamId=1', headers: supervisorB.headers });
    expect(board.statusCode).toBe(404);
    expect(board.json<{ error: { code: string } }>().error.code).toBe('team.not_found');
    const report = await t.app.inject({ method: 'GET', url: '/api/reports/volume?from=2026-01-01&to=2026-01-31&teamId=1', headers: supervisorB.headers });
    expect(report.statusCode).toBe(404);
    expect(report.json<{ error: { code: string } }>().error.code).toBe('team.not_found');
  });

  it("keeps another team's customers' words out of a supervisor's testimonial queue", async () => {
    const ticket = (await t.db.tickets.findById(ticketA))!;
    const review = (await t.db.reviews.createIfNoneOpen({ ticketId: ticket.id, customerId: ticket.customerId, channel: 'webchat', requestedBy: null }, new Date().toISOString()))!;
    await t.db.reviews.rate(review.id, 5, new Date().toISOString());
    await t.db.reviews.answerConsent(review.id, true, { text: 'Pelayanan cepat', displayName: 'Rina' }, new Date().toISOString());
    const queue = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/testimonials?state=pending', headers });
    expect((await queue(supervisorB.headers)).json<{ items: { id: number }[] }>().items.map((item) => item.id)).not.toContain(review.id);
    expect((await queue(admin)).json<{ items: { id: number }[] }>().items.map((item) => item.id)).toContain(review.id);
  });

  it('records who exported which figures, and only when the export succeeds', async () => {
    const before = (await t.db.auditLog.list({ limit: 50 })).filter((entry) => entry.action === 'report.exported').length;
    const refused = await t.app.inject({ method: 'GET', url: '/api/reports/volume/export.csv?from=2026-02-01&to=2026-01-01', headers: supervisorB.headers });
    expect(refused.statusCode).toBe(400);
    const csv = await t.app.inject({ method: 'GET', url: '/api/reports/volume/export.csv?from=2026-01-01&to=2026-01-31', headers: supervisorB.headers });
    expect(csv.statusCode).toBe(200);
    const exports = (await t.db.auditLog.list({ limit: 50 })).filter((entry) => entry.action === 'report.exported');
    expect(exports).toHaveLength(before + 1);
    expect(exports[0]).toMatchObject({ actorUserId: supervisorB.id, target: 'report:volume', data: { from: '2026-01-01', to: '2026-01-31' } });
  });

  it('an admin limiting agents to their own tickets is in the audit log, and a repeat of the same value is not', async () => {
    const flip = (value: boolean) => t.app.inject({ method: 'PUT', url: '/api/settings/tickets', headers: admin, payload: { agentsOwnAndUnassigned: value } });
    expect((await flip(true)).statusCode).toBe(200);
    expect((await flip(true)).statusCode).toBe(200);
    expect((await flip(false)).statusCode).toBe(200);
    const changes = (await t.db.auditLog.list({ limit: 50 })).filter((entry) => entry.target === 'settings:tickets');
    expect(changes.map((entry) => entry.data)).toEqual([{ agentsOwnAndUnassigned: { from: true, to: false } }, { agentsOwnAndUnassigned: { from: false, to: true } }]);
  });
});
