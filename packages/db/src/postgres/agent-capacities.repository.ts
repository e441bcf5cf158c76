import { asc, eq } from 'drizzle-orm';
import type { AgentCapacityRepository } from '@keluh/core';
import { agentCapacities } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

export function createAgentCapacityRepository(db: PgDb): AgentCapacityRepository {
  return {
    async list(userId) {
      const query = db.select().from(agentCapacities);
      return (userId === undefined ? query : query.where(eq(agentCapacities.userId, userId))).orderBy(asc(agentCapacities.userId), asc(agentCapacities.channel));
    },

    async replaceForUser(userId, capacities) {
      await db.delete(agentCapacities).where(eq(agentCapacities.userId, userId));
      if (capacities.length > 0) await db.insert(agentCapacities).values(capacities.map((c) => ({ userId, channel: c.channel, maxOpen: c.maxOpen })));
    },
  };
}
