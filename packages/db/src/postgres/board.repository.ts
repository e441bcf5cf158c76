import { and, asc, count, eq, gt, inArray, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { addMilliseconds, BOARD_BREACH_WINDOW_MS, csatFrom, SATISFIED_SCORE, type BoardFilter, type BoardReadModel, type SlaClock } from '@keluh/core';
import { customers, messages, reviews, slaClocks, tickets, ticketWorkflows, users } from './schema/index.ts';
import { clocksByTicket, stagesFrom, volumeRow } from '../shared/board-rows.ts';
import { stuckCondition } from '../shared/stuck-condition.ts';
import { createBoardAgentQueries } from './board-agents.query.ts';
import type { PgDb } from './pg-db.ts';

const inTeams = (filter: BoardFilter): SQL | undefined => (filter.teamIds === null ? undefined : inArray(tickets.teamId, filter.teamIds));
// The customer's message is the newest one: any later message of ours moved lastMessageAt past it.
const waiting = and(eq(tickets.status, 'open'), isNotNull(tickets.lastInboundAt), sql`${tickets.lastInboundAt} >= ${tickets.lastMessageAt}`);
const waitingSince = sql<string | null>`case when ${waiting} then ${tickets.lastInboundAt} end`.mapWith(tickets.lastInboundAt);
const aboutToBreach = (filter: BoardFilter, withinMs: number) =>
  and(eq(slaClocks.state, 'running'), or(lte(slaClocks.warnAt, filter.now), lte(slaClocks.dueAt, addMilliseconds(filter.now, withinMs))));

export function createBoardReadModel(db: PgDb): BoardReadModel {
  const clocksOf = async (ticketIds: number[]): Promise<SlaClock[]> =>
    ticketIds.length === 0 ? [] : ((await db.select().from(slaClocks).where(inArray(slaClocks.ticketId, ticketIds))) as SlaClock[]);
  const agents = createBoardAgentQueries(db);

  return {
    async getTileCounts(filter) {
      const [{ n: waitingNow }] = (await db.select({ n: count() }).from(tickets).where(and(waiting, inTeams(filter)))) as [{ n: number }];
      const clockTickets = async (condition: SQL | undefined) => {
        const [row] = await db.select({ n: sql<number>`count(distinct ${slaClocks.ticketId})`.mapWith(Number) }).from(slaClocks).innerJoin(tickets, eq(tickets.id, slaClocks.ticketId)).where(and(condition, inTeams(filter)));
        return row!.n;
      };
      // A clock breached today is due between midnight and now whether or not the breach job has run yet.
      const breachedToday = await clockTickets(and(inArray(slaClocks.state, ['running', 'breached']), sql`${slaClocks.dueAt} >= ${filter.dayStart}`, lte(slaClocks.dueAt, filter.now)));
      const soon = await clockTickets(and(aboutToBreach(filter, BOARD_BREACH_WINDOW_MS), gt(slaClocks.dueAt, filter.now)));
      const [csat] = await db
        .select({ responses: count(reviews.score), scoreSum: sql<number | null>`sum(${reviews.score})`, satisfied: sql<number | null>`sum(case when ${reviews.score} >= ${SATISFIED_SCORE} then 1 else 0 end)` })
        .from(reviews)
        .innerJoin(tickets, eq(tickets.id, reviews.ticketId))
        .where(and(sql`${reviews.ratedAt} >= ${filter.dayStart}`, isNotNull(reviews.score), inTeams(filter)));
      if (!csat) throw new Error('An aggregate without GROUP BY always returns one row');
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
      const ids = (await db
        .select({ id: tickets.id })
        .from(tickets)
        .where(and(eq(tickets.status, 'open'), inTeams(filter)))
        .orderBy(sql`${tickets.assigneeId} is not null`, sql`${waitingSince} is null`, asc(waitingSince), asc(tickets.lastMessageAt), asc(tickets.id))
        .limit(limit + 1)).map((row) => row.id);
      if (ids.length === 0) return [];
      const rows = await db
        .select({
          ticketId: tickets.id, subject: tickets.subject, teamId: tickets.teamId, channel: tickets.channel, priority: tickets.priority, stage: tickets.stage,
          waitingSince, lastMessageAt: tickets.lastMessageAt,
          customer: { id: customers.id, name: customers.name, type: customers.type, characteristic: customers.characteristic, language: customers.language },
          assigneeId: tickets.assigneeId, assigneeName: users.name,
        })
        .from(tickets)
        .innerJoin(customers, eq(customers.id, tickets.customerId))
        .leftJoin(users, eq(users.id, tickets.assigneeId))
        .where(inArray(tickets.id, ids));
      const position = new Map(ids.map((id, index) => [id, index]));
      const clocks = clocksByTicket(await clocksOf(ids));
      return rows
        .sort((a, b) => position.get(a.ticketId)! - position.get(b.ticketId)!)
        .map(({ assigneeId, assigneeName, ...row }) => ({
          ...row,
          assignee: assigneeId === null ? null : { id: assigneeId, name: assigneeName ?? '' },
          clocks: clocks.get(row.ticketId) ?? [],
        }));
    },

    async listAboutToBreach(filter, withinMs, limit) {
      const rows = await db
        .select({ clock: slaClocks, subject: tickets.subject, customerName: customers.name, assigneeId: tickets.assigneeId, assigneeName: users.name })
        .from(slaClocks)
        .innerJoin(tickets, eq(tickets.id, slaClocks.ticketId))
        .innerJoin(customers, eq(customers.id, tickets.customerId))
        .leftJoin(users, eq(users.id, tickets.assigneeId))
        .where(and(aboutToBreach(filter, withinMs), inTeams(filter)))
        .orderBy(asc(slaClocks.dueAt), asc(slaClocks.ticketId))
        .limit(limit);
      return rows.map((row) => ({
        ticketId: row.clock.ticketId,
        subject: row.subject,
        customerName: row.customerName,
        assignee: row.assigneeId === null ? null : { id: row.assigneeId, name: row.assigneeName ?? '' },
        clock: row.clock as SlaClock,
      }));
    },

    listAgentLoads: (filter) => agents.loads(filter),

    async countStages(filter, thresholdMs) {
      const stage = sql<number>`coalesce(${ticketWorkflows.stage}, 1)`;
      const enteredAt = sql<string>`coalesce(${ticketWorkflows.stageEnteredAt}, ${tickets.createdAt})`;
      const complaint = sql`coalesce(${ticketWorkflows.complaint}, true)`;
      const stuck = stuckCondition({ stage, enteredAt, complaint, status: tickets.status }, thresholdMs, filter.now);
      const rows = await db
        .select({
          stage,
          count: count(),
          averageDwellMs: sql<number | null>`avg(extract(epoch from (${filter.now}::timestamptz - ${enteredAt}))) * 1000`,
          stuck: sql<number | null>`sum(case when ${stuck} then 1 else 0 end)`,
        })
        .from(tickets)
        .leftJoin(ticketWorkflows, eq(ticketWorkflows.ticketId, tickets.id))
        .where(and(inArray(tickets.status, ['open', 'pending']), complaint, inTeams(filter)))
        .groupBy(stage);
      return stagesFrom(rows);
    },

    async countVolume(filter, since) {
      const hour = sql<string>`to_char(date_trunc('hour', ${messages.createdAt} at time zone 'UTC'), 'YYYY-MM-DD"T"HH24":00:00.000Z"')`;
      const rows = await db
        .select({ hour, channel: messages.channel, inbound: count() })
        .from(messages)
        .innerJoin(tickets, eq(tickets.id, messages.ticketId))
        .where(and(eq(messages.direction, 'in'), sql`${messages.createdAt} >= ${since}`, inTeams(filter)))
        .groupBy(hour, messages.channel)
        .orderBy(hour, messages.channel);
      return rows.map(volumeRow);
    },

    getTimeZone: (teamIds) => agents.timeZone(teamIds),
  };
}
