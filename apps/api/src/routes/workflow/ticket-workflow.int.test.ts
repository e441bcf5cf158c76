import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestMessage, systemClock } from '@keluh/core';
import type { AgentEvent, WorkflowSnapshotDto } from '@keluh/contracts';
import { receivedEvents } from '../../testing/received-events.ts';
import { connected, eventually, startTestApp, type TestApp } from '../../testing/test-app.ts';

describe('the five stages of a ticket over HTTP', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  let ticketId: number;
  let firstMessageId: number;

  const inbound = (sender: string, body: string) =>
    ingestMessage(
      { db: t.db, clock: systemClock, events: { publish: () => undefined } },
      { kind: 'message', channel: 'webchat', externalMessageId: `m-${Math.random()}`, sender: { externalId: sender, displayName: `Customer ${sender}` }, body, sentAt: new Date().toISOString() },
    );
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const workflow = async () => (await call('GET', `/api/tickets/${ticketId}/workflow`)).json<WorkflowSnapshotDto>();
  const move = (to: number, extra: { reason?: string; version?: number } = {}) => call('POST', `/api/tickets/${ticketId}/workflow/transitions`, { to, ...extra });
  const version = async () => (await t.db.tickets.findById(ticketId))!.version;
  const reply = () => call('POST', `/api/tickets/${ticketId}/messages`, { body: 'Mohon maaf atas ketidaknyamanannya, Kak' });

  beforeAll(async () => {
    t = await startTestApp();
    headers = { authorization: `Bearer ${await t.login()}` };
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    const ingested = await inbound(`s-${Math.random()}`, 'Pesanan #INV-20931 belum sampai, resi JP1234567890');
    ticketId = ingested.ticket.id;
    firstMessageId = (await t.db.messages.listForTicket(ticketId))[0]!.id;
  });

  it('a new ticket stands at stage one, waiting for the first reply, and reading it stores nothing', async () => {
    const snapshot = await workflow();
    expect(await t.db.workflows.find(ticketId)).toBeNull();
    expect(snapshot.workflow).toMatchObject({ ticketId, stage: 1, complaint: true });
    expect(snapshot.evaluation).toEqual({ stage: 1, met: [], missing: ['agent_reply_sent'], canAdvance: false, next: 2, canGoBackTo: [] });
    expect(snapshot).toMatchObject({ thresholdMs: 15 * 60_000, stuck: false, transitions: [], facts: [], category: null, promise: null, review: null });
  });

  it('moving on before replying, without a reason, is refused with what is missing, and nothing moves', async () => {
    const before = await version();
    const refused = await move(2);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'workflow.exit_criteria_unmet', details: { missing: ['agent_reply_sent'] } });
    expect(await version()).toBe(before);
    expect((await workflow()).transitions).toEqual([]);
  });

  it('after the agent replied the ticket moves to stage two, and the ticket list shows it with a new version', async () => {
    expect((await reply()).statusCode).toBe(201);
    expect((await workflow()).evaluation).toMatchObject({ met: ['agent_reply_sent'], canAdvance: true });
    const current = await version();
    const moved = await move(2, { version: current });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<WorkflowSnapshotDto>().workflow.stage).toBe(2);
    expect(moved.json<WorkflowSnapshotDto>().transitions).toEqual([
      expect.objectContaining({ fromStage: 1, toStage: 2, direction: 'forward', override: false, missing: [], byUserId: t.agentId, byName: 'Test Agent', reason: null }),
    ]);
    expect(await version()).toBe(current + 1);
    const list = (await call('GET', '/api/tickets?limit=100')).json<{ items: { id: number; stage: number }[] }>();
    expect(list.items.find((item) => item.id === ticketId)?.stage).toBe(2);
  });

  it('a move made on a stale version is a conflict and changes nothing', async () => {
    await reply();
    const stale = await version();
    // Someone else changes the ticket meanwhile.
    await call('PATCH', `/api/tickets/${ticketId}`, { priority: 'high' });
    const refused = await move(2, { version: stale });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ticket.conflict');
    expect((await workflow()).workflow.stage).toBe(1);
  });

  it('moving on past unmet criteria with a reason is recorded as an override naming what was skipped', async () => {
    const moved = await move(2, { reason: 'Sudah minta maaf lewat telepon' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<WorkflowSnapshotDto>().transitions[0]).toMatchObject({ override: true, missing: ['agent_reply_sent'], reason: 'Sudah minta maaf lewat telepon' });
    const again = await move(3, { reason: 'Kategori menyusul' });
    expect(again.json<WorkflowSnapshotDto>().transitions[1]).toMatchObject({ fromStage: 2, toStage: 3, override: true, missing: ['category_chosen'] });
  });

  it('going back needs a reason, and with one the ticket returns to any earlier stage', async () => {
    await move(2, { reason: 'Override untuk tes' });
    await move(3, { reason: 'Override untuk tes' });
    const refused = await move(1);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('workflow.reason_required');
    const back = await move(1, { reason: 'Pelanggan marah lagi' });
    expect(back.statusCode).toBe(200);
    expect(back.json<WorkflowSnapshotDto>().transitions.at(-1)).toMatchObject({ fromStage: 3, toStage: 1, direction: 'back', reason: 'Pelanggan marah lagi' });
    expect((await t.db.tickets.findById(ticketId))!.stage).toBe(1);
  });

  it.each([
    [3, 'skipping a stage'],
    [1, 'staying in the same stage'],
  ])('moving to stage %s from stage one (%s) is refused', async (to) => {
    const refused = await move(to, { reason: 'Coba-coba saja' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('workflow.transition_refused');
  });

  it('a stage outside one to five is a validation error', async () => {
    const refused = await move(6, { reason: 'Coba-coba saja' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('validation.failed');
  });

  it("a resolved ticket's stages stand still", async () => {
    await call('PATCH', `/api/tickets/${ticketId}`, { status: 'resolved' });
    const refused = await move(2, { reason: 'Sudah selesai' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('workflow.ticket_inactive');
  });

  it('"not a complaint" needs a reason, freezes the stages, shows on the timeline, and marking it again resumes', async () => {
    const unexplained = await call('PUT', `/api/tickets/${ticketId}/workflow/complaint`, { complaint: false });
    expect(unexplained.statusCode).toBe(400);
    const marked = await call('PUT', `/api/tickets/${ticketId}/workflow/complaint`, { complaint: false, reason: 'Cuma tanya jam buka toko' });
    expect(marked.json<WorkflowSnapshotDto>()).toMatchObject({ workflow: { complaint: false, notComplaintReason: 'Cuma tanya jam buka toko' }, evaluation: { next: null, canGoBackTo: [] } });
    expect((await move(2, { reason: 'Tetap maju' })).json().error.code).toBe('workflow.not_a_complaint');
    await call('PUT', `/api/tickets/${ticketId}/workflow/complaint`, { complaint: true });
    expect((await move(2, { reason: 'Tetap maju' })).statusCode).toBe(200);
    const detail = (await call('GET', `/api/tickets/${ticketId}`)).json<{ activities: { kind: string; data: object; actorUserId: number }[]; transitions: unknown[] }>();
    expect(detail.activities.map((activity) => [activity.kind, activity.data, activity.actorUserId])).toEqual([
      ['complaint.unmarked', { reason: 'Cuma tanya jam buka toko' }, t.agentId],
      ['complaint.marked', {}, t.agentId],
    ]);
    expect(detail.transitions).toHaveLength(1);
  });

  it('the category, its facts confirmed from the customer\'s words and a root cause complete stages two and three', async () => {
    await move(2, { reason: 'Langsung ke detail' });
    expect((await call('PUT', `/api/tickets/${ticketId}/facts/order_number`, { value: 'INV-20931' })).json().error.code).toBe('fact.unknown');
    expect((await call('PATCH', `/api/tickets/${ticketId}/workflow`, { category: 'no_such' })).json().error.code).toBe('category.not_found');
    const categorised = await call('PATCH', `/api/tickets/${ticketId}/workflow`, { category: 'delivery', fault: 'third_party' });
    expect(categorised.json<WorkflowSnapshotDto>().evaluation.missing).toEqual(['fact:order_number', 'fact:tracking_number']);
    expect((await call('PUT', `/api/tickets/${ticketId}/facts/amount`, { value: '45000' })).json().error.code).toBe('fact.unknown');
    expect((await call('PUT', `/api/tickets/${ticketId}/facts/order_number`, { value: 'INV-20931', sourceMessageId: 99_999_999 })).json().error.code).toBe('message.not_found');
    const confirmed = await call('PUT', `/api/tickets/${ticketId}/facts/order_number`, { value: 'INV-20931', sourceMessageId: firstMessageId });
    expect(confirmed.json<WorkflowSnapshotDto>().facts).toEqual([expect.objectContaining({ key: 'order_number', value: 'INV-20931', source: 'detected', sourceMessageId: firstMessageId, confirmedBy: t.agentId })]);
    await call('PUT', `/api/tickets/${ticketId}/facts/tracking_number`, { value: 'JP1234567890' });
    expect((await workflow()).evaluation).toMatchObject({ missing: [], canAdvance: true });
    expect((await call('DELETE', `/api/tickets/${ticketId}/facts/tracking_number`)).json<WorkflowSnapshotDto>().evaluation.missing).toEqual(['fact:tracking_number']);
    expect((await call('DELETE', `/api/tickets/${ticketId}/facts/tracking_number`)).json().error.code).toBe('fact.unknown');
    await call('PUT', `/api/tickets/${ticketId}/facts/tracking_number`, { value: 'JP1234567890' });
    expect((await move(3)).statusCode).toBe(200);

    const unknownCause = await call('PATCH', `/api/tickets/${ticketId}/workflow`, { rootCause: 'gremlins' });
    expect(unknownCause.statusCode).toBe(400);
    expect(unknownCause.json().error.code).toBe('validation.failed');
    const unknownCase = await call('PATCH', `/api/tickets/${ticketId}/workflow`, { linkedCaseId: 99_999_999 });
    expect(unknownCase.json().error.code).toBe('case.not_found');
    // A past case exists once another complaint was resolved: its resolution record is what gets linked.
    const past = await inbound(`s-${Math.random()}`, 'Paket saya tertahan di hub, resi JP5550001112');
    expect((await call('PATCH', `/api/tickets/${past.ticket.id}`, { status: 'resolved' })).statusCode).toBe(200);
    const pastCase = (await t.db.resolutions.findByTicket(past.ticket.id))!;
    const mapped = await call('PATCH', `/api/tickets/${ticketId}/workflow`, { rootCause: 'courier_delay', rootCauseNote: 'Hub Cakung terendam banjir', linkedCaseId: pastCase.id });
    expect(mapped.json<WorkflowSnapshotDto>()).toMatchObject({
      workflow: { rootCause: 'courier_delay', rootCauseNote: 'Hub Cakung terendam banjir', linkedCaseId: pastCase.id, fault: 'third_party', category: 'delivery' },
      evaluation: { stage: 3, met: ['root_cause_set'], canAdvance: true },
    });
    expect((await call('PATCH', `/api/tickets/${ticketId}/workflow`, {})).statusCode).toBe(400);
  });

  it('linking a past case brings its root cause along, unless the agent already named one', async () => {
    const past = await inbound(`s-${Math.random()}`, 'Barang yang datang beda warna dari pesanan');
    expect((await call('PATCH', `/api/tickets/${past.ticket.id}/workflow`, { rootCause: 'stock_error' })).statusCode).toBe(200);
    expect((await call('PATCH', `/api/tickets/${past.ticket.id}`, { status: 'resolved' })).statusCode).toBe(200);
    const pastCase = (await t.db.resolutions.findByTicket(past.ticket.id))!;
    expect(pastCase.rootCause).toBe('stock_error');

    const linked = await call('PATCH', `/api/tickets/${ticketId}/workflow`, { linkedCaseId: pastCase.id });
    expect(linked.json<WorkflowSnapshotDto>().workflow).toMatchObject({ linkedCaseId: pastCase.id, rootCause: 'stock_error' });

    const other = (await inbound(`s-${Math.random()}`, 'Warna barang salah juga')).ticket.id;
    await call('PATCH', `/api/tickets/${other}/workflow`, { rootCause: 'human_error' });
    const kept = await call('PATCH', `/api/tickets/${other}/workflow`, { linkedCaseId: pastCase.id });
    expect(kept.json<WorkflowSnapshotDto>().workflow).toMatchObject({ linkedCaseId: pastCase.id, rootCause: 'human_error' });
  });

  it('an internal note is kept with its author and stage on the ticket\'s timeline', async () => {
    const created = await call('POST', `/api/tickets/${ticketId}/notes`, { body: '  Pelanggan VIP, tangani hati-hati  ' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ticketId, authorUserId: t.agentId, authorName: 'Test Agent', body: 'Pelanggan VIP, tangani hati-hati', stage: 1 });
    expect((await call('POST', `/api/tickets/${ticketId}/notes`, { body: '   ' })).statusCode).toBe(400);
    expect((await call('POST', '/api/tickets/99999999/notes', { body: 'x' })).json().error.code).toBe('ticket.not_found');
    const detail = (await call('GET', `/api/tickets/${ticketId}`)).json<{ notes: { body: string }[] }>();
    expect(detail.notes.map((note) => note.body)).toEqual(['Pelanggan VIP, tangani hati-hati']);
    // Never queued for the customer's channel.
    expect((await t.db.messages.listForTicket(ticketId)).map((message) => message.body)).not.toContain('Pelanggan VIP, tangani hati-hati');
  });

  it('an unknown ticket has no workflow', async () => {
    expect((await call('GET', '/api/tickets/99999999/workflow')).json().error.code).toBe('ticket.not_found');
    expect((await call('POST', '/api/tickets/99999999/workflow/transitions', { to: 2 })).json().error.code).toBe('ticket.not_found');
  });

  it('a staff member viewing the ticket sees the stage change arrive on their socket with the full snapshot', async () => {
    const socket = t.agentSocket(await t.login());
    await connected(socket);
    const received = receivedEvents(socket);
    await reply();
    await move(2);
    await call('POST', `/api/tickets/${ticketId}/notes`, { body: 'Sudah dicek ke gudang' });
    await eventually(() => {
      const workflowUpdate = received.events.find((event): event is Extract<AgentEvent, { type: 'workflow.updated' }> => event.type === 'workflow.updated' && event.ticketId === ticketId);
      expect(workflowUpdate?.payload).toMatchObject({ changes: ['stage'], workflow: { workflow: { stage: 2 }, evaluation: { stage: 2 } }, ticket: { id: ticketId, stage: 2 } });
      expect(received.events.some((event) => event.type === 'ticket.updated' && event.ticketId === ticketId)).toBe(true);
      expect(received.events.some((event) => event.type === 'note.created' && event.ticketId === ticketId)).toBe(true);
    });
    socket.disconnect();
  });
});
