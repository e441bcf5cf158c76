import { ingestMessage, replyToTicket, updateTicket, type CoreDeps, type Database, type PasswordHasher, type Clock } from '@keluh/core';
import type { Config } from '../config/config.ts';
import { DEMO_STAFF_PASSWORD, demoChannels, demoConversations, demoStaff } from './demo-content.ts';

export interface SeedReport {
  adminCreated: boolean;
  demoCreated: boolean;
}

/**
 * Guarantees an admin exists and, on an empty database, fills a demo inbox. Runs at every start and
 * changes nothing once there are users, so restarting never duplicates demo data.
 */
export async function seedDatabase(deps: { db: Database; hasher: PasswordHasher; config: Config; clock: Clock }): Promise<SeedReport> {
  const { db, hasher, config, clock } = deps;
  if ((await db.users.count()) > 0) return { adminCreated: false, demoCreated: false };
  const now = clock.now();
  await db.users.create({ email: config.ADMIN_EMAIL.toLowerCase(), name: 'Admin', role: 'admin', passwordHash: await hasher.hash(config.ADMIN_PASSWORD) }, now);
  if (!config.SEED_DEMO) return { adminCreated: true, demoCreated: false };

  const staffHash = await hasher.hash(DEMO_STAFF_PASSWORD);
  const staffIds = new Map<string, number>();
  for (const person of demoStaff) {
    const user = await db.users.create({ ...person, passwordHash: staffHash }, now);
    staffIds.set(person.email, user.id);
  }
  await seedConversations(db, clock, staffIds);
  await markHistoricRepliesRead(db, now);
  // Channels configured from the environment win; otherwise the demo talks to the local Meta stand-in.
  for (const [kind, settings] of Object.entries(demoChannels)) {
    if (!(await db.channelConfigs.get(kind as 'whatsapp'))) await db.channelConfigs.upsert(kind as 'whatsapp', { ...settings }, now);
  }
  return { adminCreated: true, demoCreated: true };
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

async function seedConversations(db: Database, clock: Clock, staffIds: Map<string, number>): Promise<void> {
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
        ticketId = result.ticket.id;
      } else {
        await replyToTicket(core, { ticketId, authorUserId: staffIds.get(message.agent!)!, body: message.body });
      }
      at += 90_000;
    }
    const assignee = conversation.messages.find((message) => message.agent)?.agent;
    await updateTicket(core, ticketId, {
      ...(conversation.status ? { status: conversation.status } : {}),
      ...(conversation.priority ? { priority: conversation.priority } : {}),
      ...(assignee ? { assigneeId: staffIds.get(assignee)! } : {}),
    });
  }
}
