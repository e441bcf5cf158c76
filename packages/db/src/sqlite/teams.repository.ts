import { asc } from 'drizzle-orm';
import type { TeamRepository } from '@keluh/core';
import { teams } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createTeamRepository(db: SqliteDb): TeamRepository {
  return {
    async create(name, now) {
      return db.insert(teams).values({ name, createdAt: now }).returning({ id: teams.id, name: teams.name }).get();
    },

    async list() {
      return db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name), asc(teams.id)).all();
    },
  };
}
