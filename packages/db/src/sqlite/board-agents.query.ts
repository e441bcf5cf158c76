import { and, asc, count, eq, inArray, max } from 'drizzle-orm';
import type { BoardAgentLoad, BoardFilter } from '@keluh/core';
import { agentCapacities, teamMembers, teams, tickets, users } from '../schema/index.ts';
import { agentLoadsFrom } from '../shared/board-rows.ts';
import type { SqliteDb } from './sqlite-db.ts';

const FALLBACK_ZONE = 'Asia/Jakarta';

/** The board's agents section: five grouped statements over all agents of the teams, joined in memory. */
export function createBoardAgentQueries(db: SqliteDb) {
  return {
    loads(filter: BoardFilter): BoardAgentLoad[] {
      const member =
        filter.teamIds === null
          ? undefined
          : inArray(users.id, db.select({ id: teamMembers.userId }).from(teamMembers).where(inArray(teamMembers.teamId, filter.teamIds)));
      const agents = db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.role, 'agent'), member)).orderBy(asc(users.name), asc(users.id)).all();
      if (agents.length === 0) return [];
      const ids = agents.map((agent) => agent.id);
      return agentLoadsFrom({
        agents,
        memberships: db.select({ userId: teamMembers.userId, teamId: teamMembers.teamId }).from(teamMembers).where(inArray(teamMembers.userId, ids)).all(),
        openCounts: db
          .select({ userId: tickets.assigneeId, open: count() })
          .from(tickets)
          .where(and(eq(tickets.status, 'open'), inArray(tickets.assigneeId, ids)))
          .groupBy(tickets.assigneeId)
          .all(),
        ownCapacities: db.select({ userId: agentCapacities.userId, maxOpen: max(agentCapacities.maxOpen) }).from(agentCapacities).where(inArray(agentCapacities.userId, ids)).groupBy(agentCapacities.userId).all(),
        teamDefaults: db.select({ id: teams.id, defaultCapacity: teams.defaultCapacity }).from(teams).all(),
      });
    },

    timeZone(teamIds: number[] | null): string {
      const where = teamIds === null ? undefined : inArray(teams.id, teamIds);
      return db.select({ zone: teams.timeZone }).from(teams).where(where).orderBy(asc(teams.id)).limit(1).get()?.zone ?? FALLBACK_ZONE;
    },
  };
}
