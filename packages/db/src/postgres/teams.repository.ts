import { and, asc, eq, notInArray } from 'drizzle-orm';
import type { TeamRepository } from '@keluh/core';
import { teamMembers, teams } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

const team = { id: teams.id, name: teams.name, timeZone: teams.timeZone, assignmentMode: teams.assignmentMode, defaultCapacity: teams.defaultCapacity };
const membership = { teamId: teamMembers.teamId, userId: teamMembers.userId, since: teamMembers.createdAt };

export function createTeamRepository(db: PgDb): TeamRepository {
  const byId = async (id: number) => (await db.select(team).from(teams).where(eq(teams.id, id)))[0] ?? null;

  return {
    async create(name, now, settings = {}) {
      const [created] = await db.insert(teams).values({ ...settings, name, createdAt: now }).returning(team);
      return created!;
    },

    async list() {
      return db.select(team).from(teams).orderBy(asc(teams.name), asc(teams.id));
    },

    findById: byId,

    async findByName(name) {
      return (await db.select(team).from(teams).where(eq(teams.name, name)))[0] ?? null;
    },

    async update(id, patch) {
      if (Object.keys(patch).length === 0) return byId(id);
      return (await db.update(teams).set(patch).where(eq(teams.id, id)).returning(team))[0] ?? null;
    },

    async listMembers(teamId) {
      const query = db.select(membership).from(teamMembers);
      return (teamId === undefined ? query : query.where(eq(teamMembers.teamId, teamId))).orderBy(asc(teamMembers.teamId), asc(teamMembers.userId));
    },

    async setMembers(teamId, userIds, now) {
      await db.delete(teamMembers).where(and(eq(teamMembers.teamId, teamId), notInArray(teamMembers.userId, userIds)));
      if (userIds.length > 0) await db.insert(teamMembers).values(userIds.map((userId) => ({ teamId, userId, createdAt: now }))).onConflictDoNothing();
    },

    async setTeamsOfUser(userId, teamIds, now) {
      await db.delete(teamMembers).where(and(eq(teamMembers.userId, userId), notInArray(teamMembers.teamId, teamIds)));
      if (teamIds.length > 0) await db.insert(teamMembers).values(teamIds.map((teamId) => ({ teamId, userId, createdAt: now }))).onConflictDoNothing();
    },

    async findDefault() {
      const [first] = await db.select(team).from(teams).orderBy(asc(teams.id)).limit(1);
      return first ?? null;
    },

    async listMemberIds(teamId) {
      const rows = await db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, teamId)).orderBy(asc(teamMembers.userId));
      return rows.map((row) => row.userId);
    },
  };
}
