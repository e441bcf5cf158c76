import { asc } from 'drizzle-orm';
import type { TeamRepository } from '@keluh/core';
import { teams } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

export function createTeamRepository(db: PgDb): TeamRepository {
  return {
    async create(name, now) {
      const [team] = await db.insert(teams).values({ name, createdAt: now }).returning({ id: teams.id, name: teams.name });
      return team!;
    },

    async list() {
      return db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name), asc(teams.id));
    },
  };
}
