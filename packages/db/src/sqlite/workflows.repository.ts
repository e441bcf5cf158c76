import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { addMilliseconds, AppError, type StageTransition, type TicketWorkflow, type WorkflowRepository, type WorkflowStage } from '@keluh/core';
import { stageTransitions, tickets, ticketWorkflows, users } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';
import { ACTIVE_STATUSES_SQL, stuckCondition } from '../shared/stuck-condition.ts';
import { scopeCondition } from '../shared/ticket-scope.sql.ts';

const storedStuck = (thresholdMs: Record<WorkflowStage, number>, now: string) =>
  stuckCondition({ stage: ticketWorkflows.stage, enteredAt: ticketWorkflows.stageEnteredAt, complaint: sql`${ticketWorkflows.complaint} = 1`, status: tickets.status }, thresholdMs, now);

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
  // From tickets, so one never worked (no stored workflow) counts as stage 1 since it was opened.
  const stage = sql<WorkflowStage>`coalesce(${ticketWorkflows.stage}, 1)`.mapWith((value) => Number(value) as WorkflowStage);
  const enteredAt = sql<string>`coalesce(${ticketWorkflows.stageEnteredAt}, ${tickets.createdAt})`;
  const stuckRows = () =>
    db
      .select({ ticketId: tickets.id, subject: tickets.subject, stage, stageEnteredAt: enteredAt, assigneeId: tickets.assigneeId, assigneeName: users.name, nudgedAt: ticketWorkflows.stuckNudgedAt })
      .from(tickets)
      .leftJoin(ticketWorkflows, eq(ticketWorkflows.ticketId, tickets.id))
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
      // Each statement picks and marks in one go, and SQLite's single writer runs it alone: claimed once.
      // Tickets nobody has worked yet have no stored workflow: adopting one stores it already nudged.
      const adopted = db.all<{ ticket_id: number }>(sql`insert into ticket_workflows (ticket_id, stage_entered_at, updated_at, stuck_nudged_at)
        select t.id, t.created_at, ${now}, ${now} from tickets t
        where t.status in (${sql.raw(ACTIVE_STATUSES_SQL)}) and t.created_at < ${addMilliseconds(now, -thresholdMs[1])}
          and not exists (select 1 from ticket_workflows w where w.ticket_id = t.id)
        order by t.created_at limit ${limit}
        on conflict do nothing returning ticket_id`);
      const rest = limit - adopted.length;
      const marked =
        rest <= 0
          ? []
          : db
              .update(ticketWorkflows)
              .set({ stuckNudgedAt: now })
              .where(
                inArray(
                  ticketWorkflows.ticketId,
                  db
                    .select({ id: ticketWorkflows.ticketId })
                    .from(ticketWorkflows)
                    .innerJoin(tickets, eq(tickets.id, ticketWorkflows.ticketId))
                    .where(and(storedStuck(thresholdMs, now), sql`${ticketWorkflows.stuckNudgedAt} is null`))
                    .orderBy(asc(ticketWorkflows.stageEnteredAt))
                    .limit(rest),
                ),
              )
              .returning({ ticketId: ticketWorkflows.ticketId })
              .all();
      const claimed = [...adopted.map((row) => row.ticket_id), ...marked.map((row) => row.ticketId)];
      if (claimed.length === 0) return [];
      return stuckRows().where(inArray(tickets.id, claimed)).orderBy(asc(enteredAt)).all().map(withThreshold(thresholdMs));
    },

    async listStuck(thresholdMs, now, limit, scope) {
      const condition = stuckCondition({ stage, enteredAt, complaint: sql`coalesce(${ticketWorkflows.complaint}, 1) = 1`, status: tickets.status }, thresholdMs, now);
      return stuckRows().where(and(condition, scopeCondition(scope, tickets))).orderBy(asc(enteredAt)).limit(limit).all().map(withThreshold(thresholdMs));
    },
  };
}
