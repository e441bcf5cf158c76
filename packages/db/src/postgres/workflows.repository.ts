import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { addMilliseconds, AppError, type StageTransition, type StuckTicket, type TicketWorkflow, type WorkflowRepository, type WorkflowStage } from '@keluh/core';
import { stageTransitions, tickets, ticketWorkflows, users } from './schema/index.ts';
import { prepared, type PgDb } from './pg-db.ts';
import { ACTIVE_STATUSES_SQL, stuckCondition } from '../shared/stuck-condition.ts';
import { scopeCondition } from '../shared/ticket-scope.sql.ts';

const storedStuck = (thresholdMs: Record<WorkflowStage, number>, now: string) =>
  stuckCondition({ stage: ticketWorkflows.stage, enteredAt: ticketWorkflows.stageEnteredAt, complaint: sql`${ticketWorkflows.complaint}`, status: tickets.status }, thresholdMs, now);

export function createWorkflowRepository(db: PgDb, options: { inTransaction: boolean }): WorkflowRepository {
  const byTicket = prepared(() => db.select().from(ticketWorkflows).where(eq(ticketWorkflows.ticketId, sql.placeholder('ticketId'))).prepare('workflows_by_ticket'));
  const mustExist = (row: TicketWorkflow | undefined, ticketId: number): TicketWorkflow => {
    if (!row) throw new AppError('ticket.not_found', `Ticket ${ticketId} has no workflow`);
    return row;
  };
  const transitionsWithNames = () =>
    db.select({ ...getTableColumns(stageTransitions), byName: users.name }).from(stageTransitions).leftJoin(users, eq(users.id, stageTransitions.byUserId)).$dynamic();
  // From tickets, so one never worked (no stored workflow) counts as stage 1 since it was opened.
  const stage = sql<WorkflowStage>`coalesce(${ticketWorkflows.stage}, 1)`.mapWith((value) => Number(value) as WorkflowStage);
  const enteredAt = sql<string>`coalesce(${ticketWorkflows.stageEnteredAt}, ${tickets.createdAt})`.mapWith(ticketWorkflows.stageEnteredAt);
  const stuckRows = () =>
    db
      .select({ ticketId: tickets.id, subject: tickets.subject, stage, stageEnteredAt: enteredAt, assigneeId: tickets.assigneeId, assigneeName: users.name, nudgedAt: ticketWorkflows.stuckNudgedAt })
      .from(tickets)
      .leftJoin(ticketWorkflows, eq(ticketWorkflows.ticketId, tickets.id))
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
      // Tickets nobody has worked yet have no stored workflow: adopting one stores it already nudged. A
      // concurrent scanner adopting the same ticket waits on its key, then inserts nothing.
      const adopted = await db.execute<{ ticket_id: string | number }>(sql`insert into ticket_workflows (ticket_id, stage_entered_at, updated_at, stuck_nudged_at)
        select t.id, t.created_at, ${now}::timestamptz, ${now}::timestamptz from tickets t
        where t.status in (${sql.raw(ACTIVE_STATUSES_SQL)}) and t.created_at < ${addMilliseconds(now, -thresholdMs[1])}::timestamptz
          and not exists (select 1 from ticket_workflows w where w.ticket_id = t.id)
        order by t.created_at limit ${limit}
        on conflict do nothing returning ticket_id`);
      const rest = limit - adopted.rows.length;
      // SKIP LOCKED: rows a concurrent scanner is marking are passed over; one it marked and committed
      // meanwhile fails the outer `is null` re-check. Either way each stage entry is claimed once.
      const candidates = db
        .select({ id: ticketWorkflows.ticketId })
        .from(ticketWorkflows)
        .innerJoin(tickets, eq(tickets.id, ticketWorkflows.ticketId))
        .where(and(storedStuck(thresholdMs, now), sql`${ticketWorkflows.stuckNudgedAt} is null`))
        .orderBy(asc(ticketWorkflows.stageEnteredAt))
        .limit(Math.max(rest, 0))
        .for('update', { of: ticketWorkflows, skipLocked: true });
      const marked =
        rest <= 0
          ? []
          : await db
              .update(ticketWorkflows)
              .set({ stuckNudgedAt: now })
              .where(and(inArray(ticketWorkflows.ticketId, candidates), sql`${ticketWorkflows.stuckNudgedAt} is null`))
              .returning({ ticketId: ticketWorkflows.ticketId });
      const claimed = [...adopted.rows.map((row) => Number(row.ticket_id)), ...marked.map((row) => row.ticketId)];
      if (claimed.length === 0) return [];
      return (await stuckRows().where(inArray(tickets.id, claimed)).orderBy(asc(enteredAt))).map(withThreshold(thresholdMs));
    },

    async listStuck(thresholdMs, now, limit, scope) {
      const condition = stuckCondition({ stage, enteredAt, complaint: sql`coalesce(${ticketWorkflows.complaint}, true)`, status: tickets.status }, thresholdMs, now);
      return (await stuckRows().where(and(condition, scopeCondition(scope, tickets))).orderBy(asc(enteredAt)).limit(limit)).map(withThreshold(thresholdMs));
    },
  };
  return repository;
}
