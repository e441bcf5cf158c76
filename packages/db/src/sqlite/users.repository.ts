import { asc, count, eq } from 'drizzle-orm';
import type { Instant, NewUser, User, UserRepository, UserWithSecret } from '@keluh/core';
import { users } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

type UserRow = typeof users.$inferSelect;

// The presence choice is presence's, read through PresenceChoiceRepository, not part of the session's user.
function toUser({ passwordHash: _secret, presenceChoice: _choice, presenceStatus: _status, presenceSince: _since, ...user }: UserRow): User {
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
  return {
    async create(input, now) {
      return toUser(db.insert(users).values(toRow(input, now)).returning().get());
    },

    async insertIfAbsent(input, now) {
      const row = db.insert(users).values(toRow(input, now)).onConflictDoNothing({ target: users.email }).returning().get();
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
      return db.select().from(users).orderBy(asc(users.id)).all().map(toUser);
    },

    async count() {
      return db.select({ n: count() }).from(users).get()?.n ?? 0;
    },
  };
}
