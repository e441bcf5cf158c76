import { and, asc, eq, notInArray } from 'drizzle-orm';
import type { TeamRepository } from '@keluh/core';
import { teamMembers, teams } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

const team = { id: teams.id, name: teams.name, timeZone: teams.timeZone, assignmentMode: teams.assignmentMode, defaultCapacity: teams.defaultCapacity };
const membership = { teamId: teamMembers.teamId, userId: teamMembers.userId, since: teamMembers.createdAt };

export function createTeamRepository(db: SqliteDb): TeamRepository {
  return {
    async create(name, now, settings = {}) {
      return db.insert(teams).values({ ...settings, name, createdAt: now }).returning(team).get();
    },

    async list() {
      return db.select(team).from(teams).orderBy(asc(teams.name), asc(teams.id)).all();
    },

    async findById(id) {
      return db.select(team).from(teams).where(eq(teams.id, id)).get() ?? null;
    },

    async findByName(name) {
      return db.select(team).from(teams).where(eq(teams.name, name)).get() ?? null;
    },

    async update(id, patch) {
      if (Object.keys(patch).length === 0) return db.select(team).from(teams).where(eq(teams.id, id)).get() ?? null;
      return db.update(teams).set(patch).where(eq(teams.id, id)).returning(team).get() ?? null;
    },

    async listMembers(teamId) {
      const query = db.select(membership).from(teamMembers);
      return (teamId === undefined ? query : query.where(eq(teamMembers.teamId, teamId))).orderBy(asc(teamMembers.teamId), asc(teamMembers.userId)).all();
    },

    async setMembers(teamId, userIds, now) {
      db.delete(teamMembers).where(and(eq(teamMembers.teamId, teamId), notInArray(teamMembers.userId, userIds))).run();
      if (userIds.length > 0) db.insert(teamMembers).values(userIds.map((userId) => ({ teamId, userId, createdAt: now }))).onConflictDoNothing().run();
    },

    async setTeamsOfUser(userId, teamIds, now) {
      db.delete(teamMembers).where(and(eq(teamMembers.userId, userId), notInArray(teamMembers.teamId, teamIds))).run();
      if (teamIds.length > 0) db.insert(teamMembers).values(teamIds.map((teamId) => ({ teamId, userId, createdAt: now }))).onConflictDoNothing().run();
    },

    async findDefault() {
      return db.select(team).from(teams).orderBy(asc(teams.id)).limit(1).get() ?? null;
    },

    async listMemberIds(teamId) {
      return db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, teamId)).orderBy(asc(teamMembers.userId)).all().map((row) => row.userId);
    },
  };
}
