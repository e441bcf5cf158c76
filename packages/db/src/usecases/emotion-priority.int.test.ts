import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestMessage, updateTicket, type CoreDeps, type InboundMessageEvent } from '@keluh/core';
import { fakeClock, freshDb, recordingPublisher, T0 } from '../testing/fixtures.ts';
import { openTestDatabase, reopenTestDatabase } from '../testing/test-database.ts';

const fromRina = (id: string, body: string): InboundMessageEvent => ({
  kind: 'message',
  channel: 'whatsapp',
  externalMessageId: id,
  sender: { externalId: '6281234567890', displayName: 'Rina' },
  body,
  sentAt: T0,
});

const angry = 'KECEWA BANGET!!! penipu kalian 😡';

describe('the priority raise on ingest, without a global lock', () => {
  let deps: CoreDeps & { events: ReturnType<typeof recordingPublisher> };
  beforeEach(async () => {
    deps = { db: await freshDb(), clock: fakeClock(), events: recordingPublisher() };
  });
  afterEach(() => deps.db.close());

  it('the raise and its activity commit with the message, and a calm message after it changes nothing', async () => {
    const { ticket } = await ingestMessage(deps, fromRina('wamid.1', angry));
    expect(ticket.priority).toBe('high');
    const kinds = deps.events.published.map((event) => event.type);
    expect(kinds).toEqual(['ticket.activity', 'ticket.created', 'message.created']);
    await ingestMessage(deps, fromRina('wamid.2', 'Oke kak, saya tunggu ya'));
    expect((await deps.db.tickets.findById(ticket.id))?.priority).toBe('high');
    expect(deps.events.published.filter((event) => event.type === 'ticket.activity')).toHaveLength(1);
  });

  it('an agent who lowered the priority after a raise is not overruled by a calm message, only by a new angry one', async () => {
    const { ticket } = await ingestMessage(deps, fromRina('wamid.1', angry));
    await updateTicket(deps, ticket.id, { priority: 'low' });
    await ingestMessage(deps, fromRina('wamid.2', 'Baik kak'));
    expect((await deps.db.tickets.findById(ticket.id))?.priority).toBe('low');
    await ingestMessage(deps, fromRina('wamid.3', 'PARAH!!! Kalian penipu 😡😡'));
    expect((await deps.db.tickets.findById(ticket.id))?.priority).toBe('high');
  });
});

describe('two processes ingesting angry messages for one ticket at once', () => {
  it('raise its priority once between them', async () => {
    const one = await openTestDatabase();
    const other = await reopenTestDatabase(one.url);
    const events = [recordingPublisher(), recordingPublisher()];
    try {
      const first = { db: one, clock: fakeClock(), events: events[0]! };
      const { ticket } = await ingestMessage(first, fromRina('wamid.calm', 'Halo kak'));
      await Promise.all(
        Array.from({ length: 6 }, (_, index) => ingestMessage({ db: index % 2 ? other : one, clock: fakeClock(), events: events[index % 2]! }, fromRina(`wamid.angry.${index}`, angry))),
      );
      const after = (await one.tickets.findById(ticket.id))!;
      expect(after).toMatchObject({ priority: 'high', version: ticket.version + 1 });
      const raises = events.flatMap((publisher) => publisher.published).filter((event) => event.type === 'ticket.activity');
      expect(raises).toHaveLength(1);
      expect((await one.messages.listForTicket(ticket.id)).filter((message) => message.emotion?.level === 'angry')).toHaveLength(6);
    } finally {
      await other.close();
      await one.close();
    }
  });
});
