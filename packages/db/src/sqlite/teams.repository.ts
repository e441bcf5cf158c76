import { and, asc, eq, notInArray } from 'drizzle-orm';
import type { TeamRepository } from '@keluh/core';
import { teamMembers, teams } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createTeamRepository(db: SqliteDb): TeamRepository {
  const brief = { id: teams.id, name: teams.name };
  return {
    async create(name, now) {
      return db.insert(teams).values({ name, createdAt: now }).returning(brief).get();
    },

    async list() {
      return db.select(brief).from(teams).orderBy(asc(teams.name), asc(teams.id)).all();
    },

    async findDefault() {
      return db.select(brief).from(teams).orderBy(asc(teams.id)).limit(1).get() ?? null;
    },

    async setMembers(userId, teamIds, now) {
      const wanted = [...new Set(teamIds)];
      // One writer: the delete and the inserts cannot interleave with another membership change.
      db.delete(teamMembers)
        .where(wanted.length === 0 ? eq(teamMembers.userId, userId) : and(eq(teamMembers.userId, userId), notInArray(teamMembers.teamId, wanted)))
        .run();
      if (wanted.length > 0) db.insert(teamMembers).values(wanted.map((teamId) => ({ teamId, userId, createdAt: now }))).onConflictDoNothing().run();
    },

    async listMemberIds(teamId) {
      return db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, teamId)).orderBy(asc(teamMembers.userId)).all().map((row) => row.userId);
    },
  };
}
