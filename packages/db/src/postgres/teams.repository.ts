import { and, asc, eq, notInArray } from 'drizzle-orm';
import type { TeamRepository } from '@keluh/core';
import { teamMembers, teams } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

export function createTeamRepository(db: PgDb): TeamRepository {
  const brief = { id: teams.id, name: teams.name };
  return {
    async create(name, now) {
      const [team] = await db.insert(teams).values({ name, createdAt: now }).returning(brief);
      return team!;
    },

    async list() {
      return db.select(brief).from(teams).orderBy(asc(teams.name), asc(teams.id));
    },

    async findDefault() {
      const [team] = await db.select(brief).from(teams).orderBy(asc(teams.id)).limit(1);
      return team ?? null;
    },

    async setMembers(userId, teamIds, now) {
      const wanted = [...new Set(teamIds)];
      // Rows another transaction adds meanwhile are kept by ON CONFLICT; the last writer's set wins.
      await db
        .delete(teamMembers)
        .where(wanted.length === 0 ? eq(teamMembers.userId, userId) : and(eq(teamMembers.userId, userId), notInArray(teamMembers.teamId, wanted)));
      if (wanted.length > 0) await db.insert(teamMembers).values(wanted.map((teamId) => ({ teamId, userId, createdAt: now }))).onConflictDoNothing();
    },

    async listMemberIds(teamId) {
      const rows = await db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, teamId)).orderBy(asc(teamMembers.userId));
      return rows.map((row) => row.userId);
    },
  };
}
