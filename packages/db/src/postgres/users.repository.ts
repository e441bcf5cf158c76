import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { Instant, NewUser, User, UserRepository, UserWithSecret } from '@keluh/core';
import { teamMembers, users } from './schema/index.ts';
import { teamIdsByUser, withTeamIds } from '../shared/team-ids.ts';
import { prepared, type PgDb } from './pg-db.ts';

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

export function createUserRepository(db: PgDb): UserRepository {
  // Looked up on every authenticated request (sessions resolve to users).
  const byId = prepared(() => db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare('users_by_id'));
  const memberOf = prepared(() =>
    db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, sql.placeholder('userId'))).prepare('users_team_ids'),
  );
  const toUser = async (row: UserRow): Promise<User> => withTeamIds(withoutSecret(row), (await memberOf().execute({ userId: row.id })).map((m) => m.teamId));

  // The home team is always one of the user's teams (docs/supervisors.md §Roles and scope): its member row
  // is written with the user, so every query by membership (board, assignment, replay scope) finds them.
  const joinHomeTeam = async (row: { id: number; teamId: number | null }, now: Instant) => {
    if (row.teamId !== null) await db.insert(teamMembers).values({ teamId: row.teamId, userId: row.id, createdAt: now }).onConflictDoNothing();
  };
  return {
    async create(input, now) {
      const [row] = await db.insert(users).values(toRow(input, now)).returning();
      await joinHomeTeam(row!, now);
      return toUser(row!);
    },

    async insertIfAbsent(input, now) {
      // ON CONFLICT waits for a concurrent insert of the same email and, when that one commits, does nothing.
      const [row] = await db.insert(users).values(toRow(input, now)).onConflictDoNothing({ target: users.email }).returning();
      if (row) await joinHomeTeam(row, now);
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

    async setRole(id, role) {
      const [row] = await db.update(users).set({ role }).where(eq(users.id, id)).returning();
      return row ? toUser(row) : null;
    },

    async deactivate(id, now) {
      // COALESCE keeps the first deactivation time when two admins deactivate the same user at once.
      const [row] = await db.update(users).set({ deactivatedAt: sql`coalesce(${users.deactivatedAt}, ${now}::timestamptz)` }).where(eq(users.id, id)).returning();
      return row ? toUser(row) : null;
    },

    async lockActiveAdmins() {
      // FOR UPDATE makes a concurrent demotion wait for ours and then re-check its rows, so two admins
      // demoting each other cannot both see the other still an admin (READ COMMITTED alone would).
      const rows = await db.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), isNull(users.deactivatedAt))).orderBy(asc(users.id)).for('update');
      return rows.map((row) => row.id);
    },
  };
}
