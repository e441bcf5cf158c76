import { and, asc, count, eq, inArray, max } from 'drizzle-orm';
import type { BoardAgentLoad, BoardFilter } from '@keluh/core';
import { agentCapacities, teamMembers, teams, tickets, users } from './schema/index.ts';
import { agentLoadsFrom } from '../shared/board-rows.ts';
import type { PgDb } from './pg-db.ts';

const FALLBACK_ZONE = 'Asia/Jakarta';

/** The board's agents section: five grouped statements over all agents of the teams, joined in memory. */
export function createBoardAgentQueries(db: PgDb) {
  return {
    async loads(filter: BoardFilter): Promise<BoardAgentLoad[]> {
      const member =
        filter.teamIds === null
          ? undefined
          : inArray(users.id, db.select({ id: teamMembers.userId }).from(teamMembers).where(inArray(teamMembers.teamId, filter.teamIds)));
      const agents = await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.role, 'agent'), member)).orderBy(asc(users.name), asc(users.id));
      if (agents.length === 0) return [];
      const ids = agents.map((agent) => agent.id);
      return agentLoadsFrom({
        agents,
        memberships: await db.select({ userId: teamMembers.userId, teamId: teamMembers.teamId }).from(teamMembers).where(inArray(teamMembers.userId, ids)),
        openCounts: await db
          .select({ userId: tickets.assigneeId, open: count() })
          .from(tickets)
          .where(and(eq(tickets.status, 'open'), inArray(tickets.assigneeId, ids)))
          .groupBy(tickets.assigneeId),
        ownCapacities: await db.select({ userId: agentCapacities.userId, maxOpen: max(agentCapacities.maxOpen) }).from(agentCapacities).where(inArray(agentCapacities.userId, ids)).groupBy(agentCapacities.userId),
        teamDefaults: await db.select({ id: teams.id, defaultCapacity: teams.defaultCapacity }).from(teams),
      });
    },

    async timeZone(teamIds: number[] | null): Promise<string> {
      const where = teamIds === null ? undefined : inArray(teams.id, teamIds);
      const [row] = await db.select({ zone: teams.timeZone }).from(teams).where(where).orderBy(asc(teams.id)).limit(1);
      return row?.zone ?? FALLBACK_ZONE;
    },
  };
}
