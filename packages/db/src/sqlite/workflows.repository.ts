import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { AppError, type StageTransition, type TicketWorkflow, type WorkflowRepository } from '@keluh/core';
import { stageTransitions, tickets, ticketWorkflows, users } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';
import { stuckCondition } from '../shared/stuck-condition.ts';

export function createWorkflowRepository(db: SqliteDb): WorkflowRepository {
  const byTicket = db.select().from(ticketWorkflows).where(eq(ticketWorkflows.ticketId, sql.placeholder('ticketId'))).prepare();
  // Insert-if-absent in one statement: two first readers racing both run it, and one row results.
  // Stage 1 was entered when the ticket was opened, whenever the workflow row happens to be made.
  const insertIfAbsent = (ticketId: number, now: string) =>
    db.run(sql`insert into ${ticketWorkflows} (ticket_id, stage_entered_at, updated_at)
      select ${tickets.id}, ${tickets.createdAt}, ${now} from ${tickets} where ${tickets.id} = ${ticketId}
      on conflict do nothing`);

  const mustExist = (row: TicketWorkflow | undefined, ticketId: number): TicketWorkflow => {
    if (!row) throw new AppError('ticket.not_found', `Ticket ${ticketId} has no workflow`);
    return row;
  };
  const transitionsWithNames = () =>
    db
      .select({ ...getTableColumns(stageTransitions), byName: users.name })
      .from(stageTransitions)
      .leftJoin(users, eq(users.id, stageTransitions.byUserId))
      .$dynamic();
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
  const withThreshold = (thresholdMs: Record<number, number>) => (row: Omit<Awaited<ReturnType<WorkflowRepository['listStuck']>>[number], 'thresholdMs'>) => ({
    ...row,
    thresholdMs: thresholdMs[row.stage]!,
  });

  return {
    async ensure(ticketId, now) {
      insertIfAbsent(ticketId, now);
      return mustExist(byTicket.get({ ticketId }), ticketId);
    },

    async find(ticketId) {
      return byTicket.get({ ticketId }) ?? null;
    },

    async update(ticketId, patch, now) {
      return mustExist(db.update(ticketWorkflows).set({ ...patch, updatedAt: now }).where(eq(ticketWorkflows.ticketId, ticketId)).returning().get(), ticketId);
    },

    async setComplaint(ticketId, complaint, reason, now) {
      const set = { complaint, notComplaintReason: complaint ? null : reason, updatedAt: now };
      return mustExist(db.update(ticketWorkflows).set(set).where(eq(ticketWorkflows.ticketId, ticketId)).returning().get(), ticketId);
    },

    async recordTransition(transition, now) {
      // A savepoint inside the caller's transaction (better-sqlite3 nests), a transaction of its own
      // outside one: the three rows never disagree about the stage.
      const id = db.$client.transaction(() => {
        const row = db.insert(stageTransitions).values(transition).returning({ id: stageTransitions.id }).get();
        const moved = db
          .update(ticketWorkflows)
          .set({ stage: transition.toStage, stageEnteredAt: transition.at, stuckNudgedAt: null, updatedAt: now })
          .where(eq(ticketWorkflows.ticketId, transition.ticketId))
          .returning({ ticketId: ticketWorkflows.ticketId })
          .get();
        if (!moved) throw new AppError('ticket.not_found', `Ticket ${transition.ticketId} has no workflow`);
        db.update(tickets)
          .set({ stage: transition.toStage, version: sql`${tickets.version} + 1`, updatedAt: now })
          .where(eq(tickets.id, transition.ticketId))
          .run();
        return row.id;
      })();
      return transitionsWithNames().where(eq(stageTransitions.id, id)).get()! as StageTransition;
    },

    async listTransitions(ticketId) {
      return transitionsWithNames().where(eq(stageTransitions.ticketId, ticketId)).orderBy(asc(stageTransitions.id)).all() as StageTransition[];
    },

    async claimStuck(thresholdMs, now, limit) {
      // One UPDATE: SQLite's single writer makes the pick and the mark atomic, so each entry is claimed once.
      const claimed = db
        .update(ticketWorkflows)
        .set({ stuckNudgedAt: now })
        .where(
          inArray(
            ticketWorkflows.ticketId,
            db
              .select({ id: ticketWorkflows.ticketId })
              .from(ticketWorkflows)
              .innerJoin(tickets, eq(tickets.id, ticketWorkflows.ticketId))
              .where(and(stuckCondition({ workflows: ticketWorkflows, tickets }, thresholdMs, now), sql`${ticketWorkflows.stuckNudgedAt} is null`))
              .orderBy(asc(ticketWorkflows.stageEnteredAt))
              .limit(limit),
          ),
        )
        .returning({ ticketId: ticketWorkflows.ticketId })
        .all();
      if (claimed.length === 0) return [];
      const rows = stuckRows().where(inArray(ticketWorkflows.ticketId, claimed.map((row) => row.ticketId))).orderBy(asc(ticketWorkflows.stageEnteredAt)).all();
      return rows.map(withThreshold(thresholdMs));
    },

    async listStuck(thresholdMs, now, limit) {
      const rows = stuckRows().where(stuckCondition({ workflows: ticketWorkflows, tickets }, thresholdMs, now)).orderBy(asc(ticketWorkflows.stageEnteredAt)).limit(limit).all();
      return rows.map(withThreshold(thresholdMs));
    },
  };
}
