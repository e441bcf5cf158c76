import { ingestMessage, replyToTicket, updateTicket, type CoreDeps, type Database, type PasswordHasher, type Clock, type UserRole } from '@keluh/core';
import type { Config } from '../config/config.ts';
import { DEMO_SALES_TEAM, demoConversations, demoStaff } from './demo-content.ts';
import { seedDemoShopCustomer } from './demo-shop-identity.ts';

/** One login to print at the first start; `password` is null when it came from the environment. */
export interface SeedLogin {
  role: UserRole;
  email: string;
  password: string | null;
  from: 'generated' | 'ADMIN_PASSWORD' | 'DEMO_PASSWORD';
}

export interface SeedReport {
  adminCreated: boolean;
  demoCreated: boolean;
  /** Only on the start that created the accounts: generated passwords exist nowhere else (only hashes are stored). */
  logins: SeedLogin[];
}

export interface SeedDeps {
  db: Database;
  hasher: PasswordHasher;
  config: Config;
  clock: Clock;
  /** Makes a first password when the environment gives none. */
  generatePassword: () => string;
}

/**
 * Guarantees an admin exists and, on an empty database, fills a demo inbox. Runs at every start and
 * changes nothing once there are users, so restarting never duplicates demo data. No password in the
 * source works: each one comes from the environment or is generated here and printed once.
 */
export async function seedDatabase(deps: SeedDeps): Promise<SeedReport> {
  const { db, hasher, config, clock } = deps;
  const nothing: SeedReport = { adminCreated: false, demoCreated: false, logins: [] };
  if ((await db.users.count()) > 0) return nothing;
  const now = clock.now();
  const adminEmail = config.ADMIN_EMAIL.toLowerCase();
  const adminPassword = config.ADMIN_PASSWORD ?? deps.generatePassword();
  // Inserting the first admin is the claim on seeding: two processes started at once on an empty database
  // both see no users, and the one whose insert finds the email taken leaves the seed to the other.
  const admin = await db.users.insertIfAbsent({ email: adminEmail, name: 'Admin', role: 'admin', passwordHash: await hasher.hash(adminPassword) }, now);
  if (!admin) return nothing;
  const fromEnv = config.ADMIN_PASSWORD !== undefined;
  const logins: SeedLogin[] = [{ role: 'admin', email: adminEmail, password: fromEnv ? null : adminPassword, from: fromEnv ? 'ADMIN_PASSWORD' : 'generated' }];
  if (!config.SEED_DEMO) return { adminCreated: true, demoCreated: false, logins };

  const sharedHash = config.DEMO_PASSWORD ? await hasher.hash(config.DEMO_PASSWORD) : null;
  const teamIds = await demoTeams(db, now);
  const staffIds = new Map<string, number>();
  const homeTeams = new Map<string, number>();
  for (const { teams, ...person } of demoStaff) {
    const password = config.DEMO_PASSWORD ? null : deps.generatePassword();
    const memberOf = teams.map((team) => teamIds.get(team)!);
    const user = await db.users.create({ ...person, teamId: memberOf[0]!, passwordHash: sharedHash ?? (await hasher.hash(password!)) }, now);
    await db.teams.setTeamsOfUser(user.id, memberOf, now);
    staffIds.set(person.email, user.id);
    homeTeams.set(person.email, memberOf[0]!);
    logins.push({ role: person.role, email: person.email, password, from: password ? 'generated' : 'DEMO_PASSWORD' });
  }
  await seedConversations(db, clock, staffIds, homeTeams);
  await seedDemoShopCustomer(db, now);
  await markHistoricRepliesRead(db, now);
  return { adminCreated: true, demoCreated: true, logins };
}

/** Demo staff exist (now or from an earlier start): the banner warns when they are reachable from outside. */
export async function hasDemoData(db: Database): Promise<boolean> {
  const emails = new Set<string>(demoStaff.map((person) => person.email));
  return (await db.users.list()).some((user) => emails.has(user.email));
}

/**
 * Demo replies are history, not work: they are shown as read instead of being sent. The database was
 * empty, so everything in the outbox now is a demo reply.
 */
async function markHistoricRepliesRead(db: Database, now: string): Promise<void> {
  const lease = { owner: 'demo-seed', until: '9999-12-31T00:00:00.000Z' };
  for (const item of await db.outbox.claimDue('9999-12-31T00:00:00.000Z', 1000, lease)) {
    await db.outbox.markDone(item.id, lease.owner);
    await db.messages.update(item.messageId, { status: 'read', externalId: `demo-out-${item.messageId}` }, now);
  }
}

/** The default team (every install has one, from the migrations; made here if not) and the demo's second team. */
async function demoTeams(db: Database, now: string): Promise<Map<string, number>> {
  const fallback = (await db.teams.findDefault()) ?? (await db.teams.create('Umum', now));
  const sales = (await db.teams.list()).find((team) => team.name === DEMO_SALES_TEAM) ?? (await db.teams.create(DEMO_SALES_TEAM, now));
  return new Map([
    ['default', fallback.id],
    [DEMO_SALES_TEAM, sales.id],
  ]);
}

/**
 * A conversation belongs to the home team of the agent who answers it, so agent2's customers are in
 * Penjualan and agent1 does not see them. Moved right after the customer's first message opened it.
 */
async function seedConversations(db: Database, clock: Clock, staffIds: Map<string, number>, homeTeams: Map<string, number>): Promise<void> {
  // Oldest first, on a clock set in the past, so the inbox shows realistic waiting times.
  const ordered = [...demoConversations].sort((a, b) => b.minutesAgo - a.minutesAgo);
  for (const [index, conversation] of ordered.entries()) {
    let at = Date.parse(clock.now()) - conversation.minutesAgo * 60_000;
    const pastClock: Clock = { now: () => new Date(at).toISOString() };
    const core: CoreDeps = { db, clock: pastClock, events: { publish: () => undefined } };
    // Created up front so the demo shows the customer types and characteristics agents adapt to.
    const customer = await db.customers.create(
      { name: conversation.name, type: conversation.type, characteristic: conversation.characteristic, language: conversation.language },
      pastClock.now(),
    );
    await db.identities.insertIfAbsent({ customerId: customer.id, channel: conversation.channel, externalId: conversation.externalId, displayName: conversation.name }, pastClock.now());
    let ticketId = 0;
    const agent = conversation.messages.find((message) => message.agent)?.agent;
    for (const [step, message] of conversation.messages.entries()) {
      if (message.from === 'customer') {
        const result = await ingestMessage(core, {
          kind: 'message',
          channel: conversation.channel,
          externalMessageId: `demo-${index}-${step}`,
          sender: { externalId: conversation.externalId, displayName: conversation.name },
          body: message.body,
          sentAt: pastClock.now(),
        });
        const team = agent ? homeTeams.get(agent) : undefined;
        if (ticketId === 0 && team !== undefined && team !== result.ticket.teamId) await db.tickets.update(result.ticket.id, { teamId: team }, pastClock.now());
        ticketId = result.ticket.id;
      } else {
        await replyToTicket(core, { ticketId, authorUserId: staffIds.get(message.agent!)!, body: message.body });
      }
      at += 90_000;
    }
    await updateTicket(core, ticketId, {
      ...(conversation.status ? { status: conversation.status } : {}),
      ...(conversation.priority ? { priority: conversation.priority } : {}),
      ...(agent ? { assigneeId: staffIds.get(agent)! } : {}),
    });
  }
}
