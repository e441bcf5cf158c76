import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewStageTransition, WorkflowStage } from '@keluh/core';
import { seedTicket, T0 } from '../testing/fixtures.ts';
import { openTestDatabase, reopenTestDatabase, type TestDatabase } from '../testing/test-database.ts';

const HOUR = 3_600_000;
const thresholds: Record<WorkflowStage, number> = { 1: HOUR, 2: 2 * HOUR, 3: HOUR, 4: HOUR, 5: HOUR };
const at = (hours: number) => new Date(Date.parse(T0) + hours * HOUR).toISOString();
const move = (ticketId: number, fromStage: WorkflowStage, toStage: WorkflowStage, when: string, extra: Partial<NewStageTransition> = {}): NewStageTransition => ({
  ticketId,
  fromStage,
  toStage,
  direction: toStage > fromStage ? 'forward' : 'back',
  byUserId: null,
  reason: null,
  override: false,
  missing: [],
  dwellMs: 1000,
  at: when,
  ...extra,
});

describe('ticket workflows', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await openTestDatabase();
  });
  afterEach(() => db.close());

  it('a ticket\'s workflow starts at stage one, entered when the ticket was opened, and two first readers make one row', async () => {
    const ticket = await seedTicket(db);
    const [first, second] = await Promise.all([db.workflows.ensure(ticket.id, at(1)), db.workflows.ensure(ticket.id, at(2))]);
    expect(first).toEqual(second);
    expect(first).toEqual({
      ticketId: ticket.id, complaint: true, notComplaintReason: null, stage: 1, stageEnteredAt: T0, category: null, fault: null,
      rootCause: null, rootCauseNote: null, solution: null, linkedCaseId: null, stuckNudgedAt: null, updatedAt: first.updatedAt,
    });
    expect(await db.workflows.find(ticket.id)).toEqual(first);
    await expect(db.workflows.ensure(4242, T0)).rejects.toMatchObject({ code: 'ticket.not_found' });
    expect(await db.workflows.find(4242)).toBeNull();
  });

  it('an agent\'s edits change only the fields they name', async () => {
    const ticket = await seedTicket(db);
    await db.workflows.ensure(ticket.id, T0);
    await db.workflows.update(ticket.id, { category: 'delivery', fault: 'third_party' }, at(1));
    const updated = await db.workflows.update(ticket.id, { rootCause: 'courier_delay', rootCauseNote: 'Hub Cakung banjir', linkedCaseId: 12 }, at(2));
    expect(updated).toMatchObject({ category: 'delivery', fault: 'third_party', rootCause: 'courier_delay', rootCauseNote: 'Hub Cakung banjir', linkedCaseId: 12, solution: null, updatedAt: at(2) });
    await expect(db.workflows.update(999, { solution: 'x' }, T0)).rejects.toMatchObject({ code: 'ticket.not_found' });
  });

  it('marking a ticket not a complaint keeps the reason, and marking it one again clears it', async () => {
    const ticket = await seedTicket(db);
    await db.workflows.ensure(ticket.id, T0);
    expect(await db.workflows.setComplaint(ticket.id, false, 'Cuma tanya jam buka', at(1))).toMatchObject({ complaint: false, notComplaintReason: 'Cuma tanya jam buka' });
    expect(await db.workflows.setComplaint(ticket.id, true, null, at(2))).toMatchObject({ complaint: true, notComplaintReason: null });
  });

  it('a transition moves the workflow and the ticket together, bumps the version and is kept with who made it', async () => {
    const ticket = await seedTicket(db);
    const agent = await db.users.create({ email: 'dewi@k.id', name: 'Dewi', role: 'agent', passwordHash: 'h' }, T0);
    await db.workflows.ensure(ticket.id, T0);
    const stored = await db.transaction((tx) =>
      tx.workflows.recordTransition(move(ticket.id, 1, 2, at(1), { byUserId: agent.id, reason: 'Sudah minta maaf lewat telepon', override: true, missing: ['agent_reply_sent'] }), at(1)),
    );
    expect(stored).toMatchObject({ ticketId: ticket.id, fromStage: 1, toStage: 2, direction: 'forward', byUserId: agent.id, byName: 'Dewi', override: true, missing: ['agent_reply_sent'], at: at(1) });
    await db.workflows.recordTransition(move(ticket.id, 2, 1, at(2), { reason: 'Salah pencet' }), at(2));
    expect(await db.tickets.findById(ticket.id)).toMatchObject({ stage: 1, version: ticket.version + 2 });
    expect(await db.workflows.find(ticket.id)).toMatchObject({ stage: 1, stageEnteredAt: at(2) });
    expect((await db.workflows.listTransitions(ticket.id)).map((t) => [t.fromStage, t.toStage, t.byName])).toEqual([
      [1, 2, 'Dewi'],
      [2, 1, null],
    ]);
    expect((await db.tickets.list({ limit: 10 })).items[0]).toMatchObject({ id: ticket.id, stage: 1 });
  });

  it('a transition that fails half-way leaves neither the ticket nor the workflow moved', async () => {
    const ticket = await seedTicket(db);
    // No workflow row yet: the transition row is written, then the move finds nothing and everything rolls back.
    await expect(db.workflows.recordTransition(move(ticket.id, 1, 2, at(1)), at(1))).rejects.toMatchObject({ code: 'ticket.not_found' });
    expect(await db.workflows.listTransitions(ticket.id)).toEqual([]);
    expect(await db.tickets.findById(ticket.id)).toMatchObject({ stage: 1, version: ticket.version });
  });

  it('stuck tickets are listed past their stage\'s threshold, only complaints that are still open or pending', async () => {
    const late = await seedTicket(db, { name: 'Late' });
    const fresh = await seedTicket(db, { name: 'Fresh', at: at(3) });
    const notComplaint = await seedTicket(db, { name: 'Question' });
    const resolved = await seedTicket(db, { name: 'Done' });
    const inStage2 = await seedTicket(db, { name: 'Stage two' });
    for (const ticket of [late, fresh, notComplaint, resolved, inStage2]) await db.workflows.ensure(ticket.id, T0);
    await db.workflows.setComplaint(notComplaint.id, false, 'Bukan keluhan', T0);
    await db.tickets.update(resolved.id, { status: 'resolved' }, T0);
    await db.workflows.recordTransition(move(inStage2.id, 1, 2, at(2)), at(2));
    const stuck = await db.workflows.listStuck(thresholds, at(3.5), 50);
    // Stage two's threshold is two hours: entered at 2 h, it is not stuck at 3.5 h.
    expect(stuck.map((row) => row.ticketId)).toEqual([late.id]);
    expect(stuck[0]).toEqual({ ticketId: late.id, subject: 'Paket belum sampai', stage: 1, stageEnteredAt: T0, thresholdMs: HOUR, assigneeId: null, assigneeName: null, nudgedAt: null });
    expect((await db.workflows.listStuck(thresholds, at(4.5), 50)).map((row) => row.ticketId)).toEqual([late.id, inStage2.id, fresh.id]);
  });

  it('two processes scanning at once nudge each stuck stage entry once, and a new stage entry can be nudged again', async () => {
    const other = await reopenTestDatabase(db.url);
    try {
      const tickets = [];
      for (let i = 0; i < 6; i += 1) tickets.push(await seedTicket(db, { name: `C${i}` }));
      for (const ticket of tickets) await db.workflows.ensure(ticket.id, T0);
      const [one, two] = await Promise.all([db.workflows.claimStuck(thresholds, at(2), 4), other.workflows.claimStuck(thresholds, at(2), 4)]);
      const claimed = [...one!, ...two!].map((row) => row.ticketId);
      expect(claimed.length).toBe(6);
      expect(new Set(claimed).size).toBe(6);
      expect(one!.every((row) => row.nudgedAt === at(2))).toBe(true);
      expect(await db.workflows.claimStuck(thresholds, at(3), 10)).toEqual([]);
      expect((await db.workflows.listStuck(thresholds, at(3), 10)).every((row) => row.nudgedAt === at(2))).toBe(true);

      await db.workflows.recordTransition(move(tickets[0]!.id, 1, 2, at(3)), at(3));
      expect(await db.workflows.claimStuck(thresholds, at(4), 10)).toEqual([]);
      expect((await db.workflows.claimStuck(thresholds, at(5.5), 10)).map((row) => [row.ticketId, row.stage])).toEqual([[tickets[0]!.id, 2]]);
    } finally {
      await other.close();
    }
  });

  it('a ticket nobody has worked yet counts as stuck in stage one since it was opened, and two scanners adopt it once', async () => {
    const other = await reopenTestDatabase(db.url);
    try {
      const untouched = await seedTicket(db, { name: 'Nobody replied' });
      const closed = await seedTicket(db, { name: 'Closed' });
      await db.tickets.update(closed.id, { status: 'closed' }, T0);
      expect(await db.workflows.find(untouched.id)).toBeNull();
      expect((await db.workflows.listStuck(thresholds, at(0.5), 10)).map((row) => row.ticketId)).toEqual([]);
      expect(await db.workflows.listStuck(thresholds, at(2), 10)).toEqual([
        { ticketId: untouched.id, subject: 'Paket belum sampai', stage: 1, stageEnteredAt: T0, thresholdMs: HOUR, assigneeId: null, assigneeName: null, nudgedAt: null },
      ]);
      const [one, two] = await Promise.all([db.workflows.claimStuck(thresholds, at(2), 10), other.workflows.claimStuck(thresholds, at(2), 10)]);
      expect([...one!, ...two!].map((row) => [row.ticketId, row.stage, row.nudgedAt])).toEqual([[untouched.id, 1, at(2)]]);
      expect(await db.workflows.find(untouched.id)).toMatchObject({ stage: 1, stageEnteredAt: T0, complaint: true, stuckNudgedAt: at(2) });
      expect(await db.workflows.claimStuck(thresholds, at(3), 10)).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
