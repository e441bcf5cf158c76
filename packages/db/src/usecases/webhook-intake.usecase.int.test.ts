import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INLINE_BATCH_LIMIT, ingestBatchHandlers, runDueJobs, takeInWebhook, type CoreDeps, type InboundMessageEvent } from '@keluh/core';
import { fakeClock, freshDb, recordingPublisher, T0 } from '../testing/fixtures.ts';

const batch = (size: number, tag: string): InboundMessageEvent[] =>
  Array.from({ length: size }, (_, i) => ({
    kind: 'message',
    channel: 'whatsapp',
    externalMessageId: `wamid.${tag}.${i}`,
    sender: { externalId: '6281377700', displayName: 'Sari', phone: '+6281377700', verified: true },
    body: `pesan ${i}`,
    sentAt: T0,
  }));

describe('a webhook batch too large to store before answering is committed as one job', () => {
  let deps: CoreDeps & { clock: ReturnType<typeof fakeClock> };
  beforeEach(async () => {
    deps = { db: await freshDb(), clock: fakeClock(), events: recordingPublisher() };
  });
  afterEach(() => deps.db.close());

  const stored = async (tag: string, i: number) => deps.db.messages.findByExternalId('whatsapp', `wamid.${tag}.${i}`);

  it(`a batch of ${INLINE_BATCH_LIMIT} is stored before the answer, and no job is left`, async () => {
    const intake = await takeInWebhook(deps, batch(INLINE_BATCH_LIMIT, 'inline'), () => 'sha-inline');
    expect(intake.stored).toBe('now');
    expect(await stored('inline', INLINE_BATCH_LIMIT - 1)).not.toBeNull();
    expect(await deps.db.jobs.findByKey('ingest.batch', 'sha-inline')).toBeNull();
  });

  it('one more event queues the whole batch; the job stores every message once, however often it runs or is queued', async () => {
    const events = batch(INLINE_BATCH_LIMIT + 1, 'big');
    expect(await takeInWebhook(deps, events, () => 'sha-big')).toEqual({ stored: 'queued' });
    // Meta retrying the same delivery before the job ran: still one job.
    expect(await takeInWebhook(deps, events, () => 'sha-big')).toEqual({ stored: 'queued' });
    expect(await stored('big', 0)).toBeNull();
    expect(await deps.db.jobs.findByKey('ingest.batch', 'sha-big')).toMatchObject({ state: 'pending', payload: { events: expect.any(Array) } });

    const handlers = ingestBatchHandlers(deps);
    expect(await runDueJobs(deps, handlers, { owner: 'test' })).toEqual({ ran: 1, failed: 0 });
    expect(await deps.db.jobs.findByKey('ingest.batch', 'sha-big')).toMatchObject({ state: 'done' });
    const first = (await stored('big', 0))!;
    const messages = await deps.db.messages.listForTicket(first.ticketId);
    expect(messages).toHaveLength(INLINE_BATCH_LIMIT + 1);

    // A run cut short after its commit is claimed again: it stores nothing twice.
    const job = (await deps.db.jobs.findByKey('ingest.batch', 'sha-big'))!;
    expect(await handlers['ingest.batch']!.run(job)).toEqual({ kind: 'done' });
    expect(await deps.db.messages.listForTicket(first.ticketId)).toHaveLength(INLINE_BATCH_LIMIT + 1);
    expect((await deps.db.tickets.findById(first.ticketId))?.unreadCount).toBe(INLINE_BATCH_LIMIT + 1);
  });

  it('a job whose payload holds no events fails at once, naming the job', async () => {
    await deps.db.jobs.schedule({ kind: 'ingest.batch', key: 'sha-broken', runAt: deps.clock.now(), payload: { events: 'nope' } }, deps.clock.now());
    expect(await runDueJobs(deps, ingestBatchHandlers(deps), { owner: 'test' })).toEqual({ ran: 1, failed: 1 });
    expect(await deps.db.jobs.findByKey('ingest.batch', 'sha-broken')).toMatchObject({ state: 'failed', lastError: expect.stringContaining('holds no events') });
  });
});
