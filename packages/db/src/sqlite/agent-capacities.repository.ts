import { asc, eq } from 'drizzle-orm';
import type { AgentCapacityRepository } from '@keluh/core';
import { agentCapacities } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createAgentCapacityRepository(db: SqliteDb): AgentCapacityRepository {
  return {
    async list(userId) {
      const query = db.select().from(agentCapacities);
      return (userId === undefined ? query : query.where(eq(agentCapacities.userId, userId))).orderBy(asc(agentCapacities.userId), asc(agentCapacities.channel)).all();
    },

    async replaceForUser(userId, capacities) {
      db.delete(agentCapacities).where(eq(agentCapacities.userId, userId)).run();
      if (capacities.length > 0) db.insert(agentCapacities).values(capacities.map((c) => ({ userId, channel: c.channel, maxOpen: c.maxOpen }))).run();
    },
  };
}
