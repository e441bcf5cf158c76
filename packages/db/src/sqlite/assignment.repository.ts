import { and, asc, count, desc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { AssignmentRepository, ChannelKind } from '@keluh/core';
import { agentCapacities, teamMembers, teams, tickets, users } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';
import { groupCandidates } from '../shared/assignment-candidates.ts';

const waitingSince = sql<string>`coalesce(${tickets.lastInboundAt}, ${tickets.createdAt})`;

export function createAssignmentRepository(db: SqliteDb): AssignmentRepository {
  return {
    // A transaction is BEGIN IMMEDIATE on the one writer: the team and its agents are held already.
    async lockTeam(teamId) {
      const row = db
        .select({ id: teams.id, mode: teams.assignmentMode, defaultCapacity: teams.defaultCapacity })
        .from(teams)
        .where(eq(teams.id, teamId))
        .get();
      return row ?? null;
    },

    async findTeam(teamId) {
      return db.select({ id: teams.id, mode: teams.assignmentMode, defaultCapacity: teams.defaultCapacity }).from(teams).where(eq(teams.id, teamId)).get() ?? null;
    },

    async lockAgent() {},

    async listCandidates(teamId) {
      const members = db
        .select({ userId: users.id, name: users.name, lastAssignedAt: teamMembers.lastAssignedAt })
        .from(teamMembers)
        .innerJoin(users, eq(users.id, teamMembers.userId))
        .where(eq(teamMembers.teamId, teamId))
        .orderBy(asc(users.id))
        .all();
      const ids = members.map((member) => member.userId);
      if (ids.length === 0) return [];
      const open = db
        .select({ userId: sql<number>`${tickets.assigneeId}`, channel: tickets.channel, n: count() })
        .from(tickets)
        .where(and(inArray(tickets.assigneeId, ids), eq(tickets.status, 'open')))
        .groupBy(tickets.assigneeId, tickets.channel)
        .all();
      const capacities = db.select().from(agentCapacities).where(inArray(agentCapacities.userId, ids)).all();
      return groupCandidates(members, open, capacities);
    },

    async listBacklog(teamId, limit) {
      return db
        .select({ id: tickets.id, customerId: tickets.customerId, channel: tickets.channel, waitingSince })
        .from(tickets)
        .where(and(eq(tickets.teamId, teamId), isNull(tickets.assigneeId), eq(tickets.status, 'open')))
        .orderBy(asc(waitingSince), asc(tickets.id))
        .limit(limit)
        .all();
    },

    async findPreviousAgent(customerId, ticketId) {
      const row = db
        .select({ userId: sql<number>`${tickets.assigneeId}`, ticketId: tickets.id })
        .from(tickets)
        .where(and(eq(tickets.customerId, customerId), ne(tickets.id, ticketId), isNotNull(tickets.assigneeId)))
        .orderBy(desc(tickets.createdAt), desc(tickets.id))
        .limit(1)
        .get();
      return row ?? null;
    },

    async countOpen(userId, channel) {
      return (
        db
          .select({ n: count() })
          .from(tickets)
          .where(and(eq(tickets.assigneeId, userId), eq(tickets.channel, channel), eq(tickets.status, 'open')))
          .get()?.n ?? 0
      );
    },

    async assignIfUnassigned(ticketId, teamId, userId, now) {
      const row = db
        .update(tickets)
        .set({ assigneeId: userId, version: sql`${tickets.version} + 1`, updatedAt: now })
        .where(and(eq(tickets.id, ticketId), eq(tickets.teamId, teamId), isNull(tickets.assigneeId), eq(tickets.status, 'open')))
        .returning()
        .get();
      if (!row) return null;
      db.update(teamMembers).set({ lastAssignedAt: now }).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId))).run();
      return row;
    },

    async listAutomaticTeamsOf(userId) {
      const rows = db
        .select({ id: teams.id })
        .from(teamMembers)
        .innerJoin(teams, eq(teams.id, teamMembers.teamId))
        .where(and(eq(teamMembers.userId, userId), ne(teams.assignmentMode, 'manual')))
        .orderBy(asc(teams.id))
        .all();
      return rows.map((row) => row.id);
    },

    async getCapacities(userId) {
      return db.select().from(agentCapacities).where(eq(agentCapacities.userId, userId)).orderBy(asc(agentCapacities.channel)).all();
    },

    async setTeamRule(teamId, rule) {
      db.update(teams).set({ assignmentMode: rule.mode, defaultCapacity: rule.defaultCapacity }).where(eq(teams.id, teamId)).run();
    },

    async addMember(teamId, userId, now) {
      db.insert(teamMembers).values({ teamId, userId, createdAt: now }).onConflictDoNothing().run();
    },

    async setCapacity(userId, channel: ChannelKind, maxOpen) {
      if (maxOpen === null) {
        db.delete(agentCapacities).where(and(eq(agentCapacities.userId, userId), eq(agentCapacities.channel, channel))).run();
        return;
      }
      db.insert(agentCapacities)
        .values({ userId, channel, maxOpen })
        .onConflictDoUpdate({ target: [agentCapacities.userId, agentCapacities.channel], set: { maxOpen } })
        .run();
    },
  };
}
