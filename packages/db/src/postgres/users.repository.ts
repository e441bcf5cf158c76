import { asc, count, eq, sql } from 'drizzle-orm';
import type { Instant, NewUser, User, UserRepository, UserWithSecret } from '@keluh/core';
import { users } from './schema/index.ts';
import { prepared, type PgDb } from './pg-db.ts';

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

export function createUserRepository(db: PgDb): UserRepository {
  // Looked up on every authenticated request (sessions resolve to users).
  const byId = prepared(() => db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare('users_by_id'));

  return {
    async create(input, now) {
      const [row] = await db.insert(users).values(toRow(input, now)).returning();
      return toUser(row!);
    },

    async insertIfAbsent(input, now) {
      // ON CONFLICT waits for a concurrent insert of the same email and, when that one commits, does nothing.
      const [row] = await db.insert(users).values(toRow(input, now)).onConflictDoNothing({ target: users.email }).returning();
      return row ? toUser(row) : null;
    },

    async findById(id) {
      const [row] = await byId().execute({ id });
      return row ? toUser(row) : null;
    },

    async findByEmailWithSecret(email): Promise<UserWithSecret | null> {
      const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
      return row ? { ...toUser(row), passwordHash: row.passwordHash } : null;
    },

    async list() {
      return (await db.select().from(users).orderBy(asc(users.id))).map(toUser);
    },

    async count() {
      const [row] = await db.select({ n: count() }).from(users);
      return row?.n ?? 0;
    },
  };
}
