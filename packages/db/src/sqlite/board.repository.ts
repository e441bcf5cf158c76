import { and, asc, count, eq, gt, inArray, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { addMilliseconds, BOARD_BREACH_WINDOW_MS, csatFrom, SATISFIED_SCORE, type BoardFilter, type BoardReadModel, type SlaClock } from '@keluh/core';
import { customers, messages, reviews, slaClocks, tickets, ticketWorkflows, users } from '../schema/index.ts';
import { clocksByTicket, stagesFrom, volumeRow } from '../shared/board-rows.ts';
import { stuckCondition } from '../shared/stuck-condition.ts';
import { createBoardAgentQueries } from './board-agents.query.ts';
import type { SqliteDb } from './sqlite-db.ts';

const inTeams = (filter: BoardFilter): SQL | undefined => (filter.teamIds === null ? undefined : inArray(tickets.teamId, filter.teamIds));
// The customer's message is the newest one: any later message of ours moved lastMessageAt past it.
const waiting = and(eq(tickets.status, 'open'), isNotNull(tickets.lastInboundAt), sql`${tickets.lastInboundAt} >= ${tickets.lastMessageAt}`);
const waitingSince = sql<string | null>`case when ${waiting} then ${tickets.lastInboundAt} end`;
const aboutToBreach = (filter: BoardFilter, withinMs: number) =>
  and(eq(slaClocks.state, 'running'), or(lte(slaClocks.warnAt, filter.now), lte(slaClocks.dueAt, addMilliseconds(filter.now, withinMs))));

export function createBoardReadModel(db: SqliteDb): BoardReadModel {
  const clocksOf = (ticketIds: number[]): SlaClock[] =>
    ticketIds.length === 0 ? [] : (db.select().from(slaClocks).where(inArray(slaClocks.ticketId, ticketIds)).all() as SlaClock[]);
  const agents = createBoardAgentQueries(db);

  return {
    async getTileCounts(filter) {
      const waitingNow = db.select({ n: count() }).from(tickets).where(and(waiting, inTeams(filter))).get()!.n;
      const clockTickets = (condition: SQL | undefined) =>
        db.select({ n: sql<number>`count(distinct ${slaClocks.ticketId})` }).from(slaClocks).innerJoin(tickets, eq(tickets.id, slaClocks.ticketId)).where(and(condition, inTeams(filter))).get()!.n;
      // A clock breached today is due between midnight and now whether or not the breach job has run yet.
      const breachedToday = clockTickets(and(inArray(slaClocks.state, ['running', 'breached']), sql`${slaClocks.dueAt} >= ${filter.dayStart}`, lte(slaClocks.dueAt, filter.now)));
      const soon = clockTickets(and(aboutToBreach(filter, BOARD_BREACH_WINDOW_MS), gt(slaClocks.dueAt, filter.now)));
      const csat = db
        .select({ responses: count(reviews.score), scoreSum: sql<number | null>`sum(${reviews.score})`, satisfied: sql<number | null>`sum(case when ${reviews.score} >= ${SATISFIED_SCORE} then 1 else 0 end)` })
        .from(reviews)
        .innerJoin(tickets, eq(tickets.id, reviews.ticketId))
        .where(and(sql`${reviews.ratedAt} >= ${filter.dayStart}`, isNotNull(reviews.score), inTeams(filter)))
        .get()!;
      return {
        waitingNow,
        aboutToBreach: soon,
        breachedToday,
        csatToday: csatFrom(csat.responses, Number(csat.scoreSum ?? 0), Number(csat.satisfied ?? 0)),
      };
    },

    async listQueue(filter, limit) {
      // Ordered and cut on the tickets index alone, then the few rows joined: sorting every open ticket
      // with its customer attached is what made this the board's slowest statement.
      const ids = (db
        .select({ id: tickets.id })
        .from(tickets)
        .where(and(eq(tickets.status, 'open'), inTeams(filter)))
        .orderBy(sql`${tickets.assigneeId} is not null`, sql`${waitingSince} is null`, asc(waitingSince), asc(tickets.lastMessageAt), asc(tickets.id))
        .limit(limit + 1)
        .all()).map((row) => row.id);
      if (ids.length === 0) return [];
      const rows = db
        .select({
          ticketId: tickets.id, subject: tickets.subject, teamId: tickets.teamId, channel: tickets.channel, priority: tickets.priority, stage: tickets.stage,
          waitingSince, lastMessageAt: tickets.lastMessageAt,
          customer: { id: customers.id, name: customers.name, type: customers.type, characteristic: customers.characteristic, language: customers.language },
          assigneeId: tickets.assigneeId, assigneeName: users.name,
        })
        .from(tickets)
        .innerJoin(customers, eq(customers.id, tickets.customerId))
        .leftJoin(users, eq(users.id, tickets.assigneeId))
        .where(inArray(tickets.id, ids))
        .all();
      const position = new Map(ids.map((id, index) => [id, index]));
      const clocks = clocksByTicket(clocksOf(ids));
      return rows
        .sort((a, b) => position.get(a.ticketId)! - position.get(b.ticketId)!)
        .map(({ assigneeId, assigneeName, ...row }) => ({
          ...row,
          assignee: assigneeId === null ? null : { id: assigneeId, name: assigneeName ?? '' },
          clocks: clocks.get(row.ticketId) ?? [],
        }));
    },

    async listAboutToBreach(filter, withinMs, limit) {
      const rows = db
        .select({ clock: slaClocks, subject: tickets.subject, customerName: customers.name, assigneeId: tickets.assigneeId, assigneeName: users.name })
        .from(slaClocks)
        .innerJoin(tickets, eq(tickets.id, slaClocks.ticketId))
        .innerJoin(customers, eq(customers.id, tickets.customerId))
        .leftJoin(users, eq(users.id, tickets.assigneeId))
        .where(and(aboutToBreach(filter, withinMs), inTeams(filter)))
        .orderBy(asc(slaClocks.dueAt), asc(slaClocks.ticketId))
        .limit(limit)
        .all();
      return rows.map((row) => ({
        ticketId: row.clock.ticketId,
        subject: row.subject,
        customerName: row.customerName,
        assignee: row.assigneeId === null ? null : { id: row.assigneeId, name: row.assigneeName ?? '' },
        clock: row.clock as SlaClock,
      }));
    },

    listAgentLoads: async (filter) => agents.loads(filter),

    async countStages(filter, thresholdMs) {
      const stage = sql<number>`coalesce(${ticketWorkflows.stage}, 1)`;
      const enteredAt = sql<string>`coalesce(${ticketWorkflows.stageEnteredAt}, ${tickets.createdAt})`;
      const complaint = sql`coalesce(${ticketWorkflows.complaint}, 1) = 1`;
      const stuck = stuckCondition({ stage, enteredAt, complaint, status: tickets.status }, thresholdMs, filter.now);
      const rows = db
        .select({
          stage,
          count: count(),
          averageDwellMs: sql<number | null>`avg((julianday(${filter.now}) - julianday(${enteredAt})) * 86400000.0)`,
          stuck: sql<number | null>`sum(case when ${stuck} then 1 else 0 end)`,
        })
        .from(tickets)
        .leftJoin(ticketWorkflows, eq(ticketWorkflows.ticketId, tickets.id))
        .where(and(inArray(tickets.status, ['open', 'pending']), complaint, inTeams(filter)))
        .groupBy(stage)
        .all();
      return stagesFrom(rows);
    },

    async countVolume(filter, since) {
      const hour = sql<string>`substr(${messages.createdAt}, 1, 13) || ':00:00.000Z'`;
      const rows = db
        .select({ hour, channel: messages.channel, inbound: count() })
        .from(messages)
        .innerJoin(tickets, eq(tickets.id, messages.ticketId))
        .where(and(eq(messages.direction, 'in'), sql`${messages.createdAt} >= ${since}`, inTeams(filter)))
        .groupBy(hour, messages.channel)
        .orderBy(hour, messages.channel)
        .all();
      return rows.map(volumeRow);
    },

    getTimeZone: async (teamIds) => agents.timeZone(teamIds),
  };
}
