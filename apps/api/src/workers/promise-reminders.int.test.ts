import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMessage, type TicketPromise } from '@keluh/core';
import type { AgentEvent } from '@keluh/contracts';
import { adjustableClock } from '../testing/adjustable-clock.ts';
import { connected, nextPushed, startTestApp, type TestApp } from '../testing/test-app.ts';

const HOUR = 3_600_000;

describe("a promise's owner is reminded by the running server", () => {
  const clock = adjustableClock();
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    token = await t.login();
  });
  afterAll(() => t.close());

  it('pushes the reminder before the due time and the overdue notice after it, once each, from the job queue', async () => {
    const deps = { db: t.db, clock, events: { publish: () => undefined } };
    const { ticket } = await ingestMessage(deps, { kind: 'message', channel: 'whatsapp', externalMessageId: 'wamid.reminder-1', sender: { externalId: '62811000111', displayName: 'Rina' }, body: 'Refund saya belum masuk', sentAt: clock.now() });
    const headers = { authorization: `Bearer ${token}` };
    const made = (await t.app.inject({ method: 'POST', url: `/api/tickets/${ticket.id}/promises`, headers, payload: { text: 'Refund masuk sore ini', dueAt: new Date(Date.parse(clock.now()) + 5 * HOUR).toISOString() } })).json<TicketPromise>();
    const agent = t.agentSocket(token);
    await connected(agent);
    const changes: string[] = [];
    agent.on('events', (batch: AgentEvent[]) => batch.forEach((event) => event.type === 'promise.updated' && changes.push(event.payload.change)));

    const reminder = nextPushed<AgentEvent>(agent, (event) => event.type === 'promise.updated' && event.payload.change === 'reminder', 5_000);
    clock.advance(4 * HOUR + 60_000);
    t.app.services.jobs.kick();
    expect((await reminder).payload).toMatchObject({ promise: { id: made.id, state: 'open' } });

    const overdue = nextPushed<AgentEvent>(agent, (event) => event.type === 'promise.updated' && event.payload.change === 'overdue', 5_000);
    clock.advance(HOUR);
    t.app.services.jobs.kick();
    await overdue;
    t.app.services.jobs.kick();
    await t.app.services.jobs.settled();
    expect(changes).toEqual(['reminder', 'overdue']);
    expect(await t.db.promises.findById(made.id)).toMatchObject({ state: 'open', remindedAt: expect.any(String), overdueAt: expect.any(String) });
  });
});
