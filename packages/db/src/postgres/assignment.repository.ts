import { and, asc, count, desc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { AssignmentRepository } from '@keluh/core';
import { agentCapacities, teamMembers, teams, tickets, users } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';
import { lockAssignmentAgent, lockAssignmentTeam } from './advisory-locks.ts';
import { groupCandidates } from '../shared/assignment-candidates.ts';

export function createAssignmentRepository(db: PgDb): AssignmentRepository {
  return {
    async lockTeam(teamId) {
      await lockAssignmentTeam(db, teamId);
      const [row] = await db
        .select({ id: teams.id, mode: teams.assignmentMode, defaultCapacity: teams.defaultCapacity })
        .from(teams)
        .where(eq(teams.id, teamId));
      return row ?? null;
    },

    async findTeam(teamId) {
      const [row] = await db.select({ id: teams.id, mode: teams.assignmentMode, defaultCapacity: teams.defaultCapacity }).from(teams).where(eq(teams.id, teamId));
      return row ?? null;
    },

    async lockAgent(userId) {
      await lockAssignmentAgent(db, userId);
    },

    async listCandidates(teamId) {
      const members = await db
        .select({ userId: users.id, name: users.name, lastAssignedAt: teamMembers.lastAssignedAt })
        .from(teamMembers)
        .innerJoin(users, eq(users.id, teamMembers.userId))
        .where(eq(teamMembers.teamId, teamId))
        .orderBy(asc(users.id));
      const ids = members.map((member) => member.userId);
      if (ids.length === 0) return [];
      const [open, capacities] = [
        await db
          .select({ userId: sql<number>`${tickets.assigneeId}`.mapWith(Number), channel: tickets.channel, n: count() })
          .from(tickets)
          .where(and(inArray(tickets.assigneeId, ids), eq(tickets.status, 'open')))
          .groupBy(tickets.assigneeId, tickets.channel),
        await db.select().from(agentCapacities).where(inArray(agentCapacities.userId, ids)),
      ];
      return groupCandidates(members, open, capacities);
    },

    async listBacklog(teamId, limit) {
      const rows = await db
        .select({ id: tickets.id, customerId: tickets.customerId, channel: tickets.channel, lastInboundAt: tickets.lastInboundAt, createdAt: tickets.createdAt })
        .from(tickets)
        .where(and(eq(tickets.teamId, teamId), isNull(tickets.assigneeId), eq(tickets.status, 'open')))
        .orderBy(sql`coalesce(${tickets.lastInboundAt}, ${tickets.createdAt})`, asc(tickets.id))
        .limit(limit);
      return rows.map(({ lastInboundAt, createdAt, ...ticket }) => ({ ...ticket, waitingSince: lastInboundAt ?? createdAt }));
    },

    async findPreviousAgent(customerId, ticketId) {
      const [row] = await db
        .select({ userId: sql<number>`${tickets.assigneeId}`.mapWith(Number), ticketId: tickets.id })
        .from(tickets)
        .where(and(eq(tickets.customerId, customerId), ne(tickets.id, ticketId), isNotNull(tickets.assigneeId)))
        .orderBy(desc(tickets.createdAt), desc(tickets.id))
        .limit(1);
      return row ?? null;
    },

    async countOpen(userId, channel) {
      const [row] = await db
        .select({ n: count() })
        .from(tickets)
        .where(and(eq(tickets.assigneeId, userId), eq(tickets.channel, channel), eq(tickets.status, 'open')));
      return row?.n ?? 0;
    },

    async assignIfUnassigned(ticketId, teamId, userId, now) {
      const [row] = await db
        .update(tickets)
        .set({ assigneeId: userId, version: sql`${tickets.version} + 1`, updatedAt: now })
        .where(and(eq(tickets.id, ticketId), eq(tickets.teamId, teamId), isNull(tickets.assigneeId), eq(tickets.status, 'open')))
        .returning();
      if (!row) return null;
      await db.update(teamMembers).set({ lastAssignedAt: now }).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
      return row;
    },

    async listAutomaticTeamsOf(userId) {
      const rows = await db
        .select({ id: teams.id })
        .from(teamMembers)
        .innerJoin(teams, eq(teams.id, teamMembers.teamId))
        .where(and(eq(teamMembers.userId, userId), ne(teams.assignmentMode, 'manual')))
        .orderBy(asc(teams.id));
      return rows.map((row) => row.id);
    },

    async getCapacities(userId) {
      return db.select().from(agentCapacities).where(eq(agentCapacities.userId, userId)).orderBy(asc(agentCapacities.channel));
    },

    async setTeamRule(teamId, rule) {
      await db.update(teams).set({ assignmentMode: rule.mode, defaultCapacity: rule.defaultCapacity }).where(eq(teams.id, teamId));
    },

    async addMember(teamId, userId, now) {
      await db.insert(teamMembers).values({ teamId, userId, createdAt: now }).onConflictDoNothing();
    },

    async setCapacity(userId, channel, maxOpen) {
      if (maxOpen === null) {
        await db.delete(agentCapacities).where(and(eq(agentCapacities.userId, userId), eq(agentCapacities.channel, channel)));
        return;
      }
      await db
        .insert(agentCapacities)
        .values({ userId, channel, maxOpen })
        .onConflictDoUpdate({ target: [agentCapacities.userId, agentCapacities.channel], set: { maxOpen } });
    },
  };
}
