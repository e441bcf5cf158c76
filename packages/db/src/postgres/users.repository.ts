import { asc, count, eq, sql } from 'drizzle-orm';
import type { Instant, NewUser, User, UserRepository, UserWithSecret } from '@keluh/core';
import { teamMembers, users } from './schema/index.ts';
import { teamIdsByUser, withTeamIds } from '../shared/team-ids.ts';
import { prepared, type PgDb } from './pg-db.ts';

type UserRow = typeof users.$inferSelect;

function withoutSecret({ passwordHash: _secret, ...user }: UserRow): Omit<User, 'teamIds'> {
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
  const memberOf = prepared(() =>
    db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, sql.placeholder('userId'))).prepare('users_team_ids'),
  );
  const toUser = async (row: UserRow): Promise<User> => withTeamIds(withoutSecret(row), (await memberOf().execute({ userId: row.id })).map((m) => m.teamId));

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
      return row ? { ...(await toUser(row)), passwordHash: row.passwordHash } : null;
    },

    async list() {
      const byUser = teamIdsByUser(await db.select({ userId: teamMembers.userId, teamId: teamMembers.teamId }).from(teamMembers));
      return (await db.select().from(users).orderBy(asc(users.id))).map((row) => withTeamIds(withoutSecret(row), byUser.get(row.id) ?? []));
    },

    async count() {
      const [row] = await db.select({ n: count() }).from(users);
      return row?.n ?? 0;
    },
  };
}
