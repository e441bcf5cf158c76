import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { AppError, type StageTransition, type StuckTicket, type TicketWorkflow, type WorkflowRepository } from '@keluh/core';
import { stageTransitions, tickets, ticketWorkflows, users } from './schema/index.ts';
import { prepared, type PgDb } from './pg-db.ts';
import { stuckCondition } from '../shared/stuck-condition.ts';

export function createWorkflowRepository(db: PgDb, options: { inTransaction: boolean }): WorkflowRepository {
  const byTicket = prepared(() => db.select().from(ticketWorkflows).where(eq(ticketWorkflows.ticketId, sql.placeholder('ticketId'))).prepare('workflows_by_ticket'));
  const mustExist = (row: TicketWorkflow | undefined, ticketId: number): TicketWorkflow => {
    if (!row) throw new AppError('ticket.not_found', `Ticket ${ticketId} has no workflow`);
    return row;
  };
  const transitionsWithNames = () =>
    db.select({ ...getTableColumns(stageTransitions), byName: users.name }).from(stageTransitions).leftJoin(users, eq(users.id, stageTransitions.byUserId)).$dynamic();
  const stuckRows = () =>
    db
      .select({
        ticketId: ticketWorkflows.ticketId,
        subject: tickets.subject,
        stage: ticketWorkflows.stage,
        stageEnteredAt: ticketWorkflows.stageEnteredAt,
        assigneeId: tickets.assigneeId,
        assigneeName: users.name,
        nudgedAt: ticketWorkflows.stuckNudgedAt,
      })
      .from(ticketWorkflows)
      .innerJoin(tickets, eq(tickets.id, ticketWorkflows.ticketId))
      .leftJoin(users, eq(users.id, tickets.assigneeId))
      .$dynamic();
  const withThreshold = (thresholdMs: Record<number, number>) => (row: Omit<StuckTicket, 'thresholdMs'>): StuckTicket => ({ ...row, thresholdMs: thresholdMs[row.stage]! });

  const repository: WorkflowRepository = {
    async ensure(ticketId, now) {
      // Insert-if-absent in one statement: a racing first reader waits on the key, then does nothing.
      // Stage 1 was entered when the ticket was opened, whenever the workflow row happens to be made.
      await db.execute(sql`insert into ${ticketWorkflows} (ticket_id, stage_entered_at, updated_at)
        select ${tickets.id}, ${tickets.createdAt}, ${now}::timestamptz from ${tickets} where ${tickets.id} = ${ticketId}
        on conflict do nothing`);
      const [row] = await byTicket().execute({ ticketId });
      return mustExist(row, ticketId);
    },

    async find(ticketId) {
      const [row] = await byTicket().execute({ ticketId });
      return row ?? null;
    },

    async update(ticketId, patch, now) {
      const [row] = await db.update(ticketWorkflows).set({ ...patch, updatedAt: now }).where(eq(ticketWorkflows.ticketId, ticketId)).returning();
      return mustExist(row, ticketId);
    },

    async setComplaint(ticketId, complaint, reason, now) {
      const [row] = await db
        .update(ticketWorkflows)
        .set({ complaint, notComplaintReason: complaint ? null : reason, updatedAt: now })
        .where(eq(ticketWorkflows.ticketId, ticketId))
        .returning();
      return mustExist(row, ticketId);
    },

    async recordTransition(transition, now) {
      // Outside a transaction the three writes get one of their own: the rows never disagree about the stage.
      if (!options.inTransaction) return db.transaction((tx) => createWorkflowRepository(tx, { inTransaction: true }).recordTransition(transition, now));
      const [row] = await db.insert(stageTransitions).values(transition).returning({ id: stageTransitions.id });
      const [moved] = await db
        .update(ticketWorkflows)
        .set({ stage: transition.toStage, stageEnteredAt: transition.at, stuckNudgedAt: null, updatedAt: now })
        .where(eq(ticketWorkflows.ticketId, transition.ticketId))
        .returning({ ticketId: ticketWorkflows.ticketId });
      if (!moved) throw new AppError('ticket.not_found', `Ticket ${transition.ticketId} has no workflow`);
      await db.update(tickets).set({ stage: transition.toStage, version: sql`${tickets.version} + 1`, updatedAt: now }).where(eq(tickets.id, transition.ticketId));
      const [stored] = await transitionsWithNames().where(eq(stageTransitions.id, row!.id));
      return stored as StageTransition;
    },

    async listTransitions(ticketId) {
      return (await transitionsWithNames().where(eq(stageTransitions.ticketId, ticketId)).orderBy(asc(stageTransitions.id))) as StageTransition[];
    },

    async claimStuck(thresholdMs, now, limit) {
      // SKIP LOCKED: rows a concurrent scanner is marking are passed over; one it marked and committed
      // meanwhile fails the outer `is null` re-check. Either way each stage entry is claimed once.
      const candidates = db
        .select({ id: ticketWorkflows.ticketId })
        .from(ticketWorkflows)
        .innerJoin(tickets, eq(tickets.id, ticketWorkflows.ticketId))
        .where(and(stuckCondition({ workflows: ticketWorkflows, tickets }, thresholdMs, now), sql`${ticketWorkflows.stuckNudgedAt} is null`))
        .orderBy(asc(ticketWorkflows.stageEnteredAt))
        .limit(limit)
        .for('update', { of: ticketWorkflows, skipLocked: true });
      const claimed = await db
        .update(ticketWorkflows)
        .set({ stuckNudgedAt: now })
        .where(and(inArray(ticketWorkflows.ticketId, candidates), sql`${ticketWorkflows.stuckNudgedAt} is null`))
        .returning({ ticketId: ticketWorkflows.ticketId });
      if (claimed.length === 0) return [];
      const rows = await stuckRows().where(inArray(ticketWorkflows.ticketId, claimed.map((row) => row.ticketId))).orderBy(asc(ticketWorkflows.stageEnteredAt));
      return rows.map(withThreshold(thresholdMs));
    },

    async listStuck(thresholdMs, now, limit) {
      const rows = await stuckRows().where(stuckCondition({ workflows: ticketWorkflows, tickets }, thresholdMs, now)).orderBy(asc(ticketWorkflows.stageEnteredAt)).limit(limit);
      return rows.map(withThreshold(thresholdMs));
    },
  };
  return repository;
}
