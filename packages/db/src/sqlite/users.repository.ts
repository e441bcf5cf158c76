import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { Instant, NewUser, User, UserRepository, UserWithSecret } from '@keluh/core';
import { teamMembers, users } from '../schema/index.ts';
import { teamIdsByUser, withTeamIds } from '../shared/team-ids.ts';
import type { SqliteDb } from './sqlite-db.ts';

type UserRow = typeof users.$inferSelect;

// The presence columns are presence's, read through PresenceChoiceRepository, not part of the session's user.
function withoutSecret({ passwordHash: _secret, presenceChoice: _choice, presenceStatus: _status, presenceSince: _since, ...user }: UserRow): Omit<User, 'teamIds'> {
  return user;
}

function toRow(input: NewUser, now: Instant) {
  return {
    email: input.email.trim().toLowerCase(),
    name: input.name,
    role: input.role,
    passwordHash: input.passwordHash,
    language: input.language,
    teamId: input.teamId ?? null,
    createdAt: now,
  };
}

export function createUserRepository(db: SqliteDb): UserRepository {
  // The home team is always one of the user's teams (docs/supervisors.md §Roles and scope): its member row
  // is written with the user, so every query by membership (board, assignment, replay scope) finds them.
  const joinHomeTeam = (row: { id: number; teamId: number | null }, now: Instant) => {
    if (row.teamId !== null) db.insert(teamMembers).values({ teamId: row.teamId, userId: row.id, createdAt: now }).onConflictDoNothing().run();
  };
  const memberOf = db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, sql.placeholder('userId'))).prepare();
  const toUser = (row: UserRow): User => withTeamIds(withoutSecret(row), memberOf.all({ userId: row.id }).map((m) => m.teamId));

  return {
    async create(input, now) {
      const row = db.insert(users).values(toRow(input, now)).returning().get();
      joinHomeTeam(row, now);
      return toUser(row);
    },

    async insertIfAbsent(input, now) {
      const row = db.insert(users).values(toRow(input, now)).onConflictDoNothing({ target: users.email }).returning().get();
      if (row) joinHomeTeam(row, now);
      return row ? toUser(row) : null;
    },

    async findById(id) {
      const row = db.select().from(users).where(eq(users.id, id)).get();
      return row ? toUser(row) : null;
    },

    async findByEmailWithSecret(email): Promise<UserWithSecret | null> {
      const row = db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
      return row ? { ...toUser(row), passwordHash: row.passwordHash } : null;
    },

    async list() {
      const byUser = teamIdsByUser(db.select({ userId: teamMembers.userId, teamId: teamMembers.teamId }).from(teamMembers).all());
      return db.select().from(users).orderBy(asc(users.id)).all().map((row) => withTeamIds(withoutSecret(row), byUser.get(row.id) ?? []));
    },

    async count() {
      return db.select({ n: count() }).from(users).get()?.n ?? 0;
    },

    async setRole(id, role) {
      const row = db.update(users).set({ role }).where(eq(users.id, id)).returning().get();
      return row ? toUser(row) : null;
    },

    async deactivate(id, now) {
      db.update(users).set({ deactivatedAt: now }).where(and(eq(users.id, id), isNull(users.deactivatedAt))).run();
      const row = db.select().from(users).where(eq(users.id, id)).get();
      return row ? toUser(row) : null;
    },

    async lockActiveAdmins() {
      // SQLite serialises write transactions, so reading inside one is already the lock.
      return db.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), isNull(users.deactivatedAt))).all().map((row) => row.id);
    },
  };
}
