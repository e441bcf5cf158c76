import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setComplaintFlag, setTicketFact, transitionStage, updateWorkflow, type CoreDeps, type StoredEvent, type Ticket } from '@keluh/core';
import { fakeClock, freshDb, recordingPublisher, seedTicket } from '../testing/fixtures.ts';

describe('working the five stages with two agents at once', () => {
  let deps: CoreDeps & { events: ReturnType<typeof recordingPublisher> };
  let ticket: Ticket;
  let dewi: { id: number; name: string };
  let budi: { id: number; name: string };
  beforeEach(async () => {
    deps = { db: await freshDb(), clock: fakeClock(), events: recordingPublisher() };
    ticket = await seedTicket(deps.db);
    dewi = await deps.db.users.create({ email: 'dewi@k.id', name: 'Dewi', role: 'agent', passwordHash: 'h' }, ticket.createdAt);
    budi = await deps.db.users.create({ email: 'budi@k.id', name: 'Budi', role: 'agent', passwordHash: 'h' }, ticket.createdAt);
  });
  afterEach(() => deps.db.close());

  const types = (events: StoredEvent[]) => events.map((event) => event.type);

  it('two agents advancing the same ticket at once move it one stage: the later one is refused and nothing is announced for it', async () => {
    const results = await Promise.allSettled([
      transitionStage(deps, { ticketId: ticket.id, to: 2, reason: 'Sudah minta maaf lewat telepon', actor: dewi }),
      transitionStage(deps, { ticketId: ticket.id, to: 2, reason: 'Sudah minta maaf lewat telepon', actor: budi }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((result): result is PromiseRejectedResult => result.status === 'rejected')!;
    expect(refused.reason).toMatchObject({ code: 'workflow.transition_refused' });
    expect(await deps.db.workflows.listTransitions(ticket.id)).toHaveLength(1);
    expect(await deps.db.tickets.findById(ticket.id)).toMatchObject({ stage: 2, version: ticket.version + 1 });
    expect(types(deps.events.published)).toEqual(['workflow.updated', 'ticket.updated']);
  });

  it('a refused change stores nothing, not even the workflow row it would have made', async () => {
    await expect(updateWorkflow(deps, ticket.id, { category: 'no_such_category' })).rejects.toMatchObject({ code: 'category.not_found' });
    await expect(setTicketFact(deps, { ticketId: ticket.id, key: 'order_number', value: 'INV-1', actor: dewi })).rejects.toMatchObject({ code: 'fact.unknown' });
    await expect(setComplaintFlag(deps, { ticketId: ticket.id, complaint: false, reason: ' ', actor: dewi })).rejects.toMatchObject({ code: 'workflow.reason_required' });
    expect(await deps.db.workflows.find(ticket.id)).toBeNull();
    expect(await deps.db.activities.listForTicket(ticket.id)).toEqual([]);
    expect(deps.events.published).toEqual([]);
  });

  it('each workflow change is announced once, after its commit, with what changed', async () => {
    await deps.db.categories.save({ key: 'delivery', label: { id: 'Pengiriman', en: 'Delivery' }, facts: [], position: 0, archived: false }, ticket.createdAt);
    await updateWorkflow(deps, ticket.id, { category: 'delivery', fault: 'third_party' });
    await updateWorkflow(deps, ticket.id, { category: 'delivery' });
    await setComplaintFlag(deps, { ticketId: ticket.id, complaint: false, reason: 'Cuma tanya', actor: dewi });
    const announced = deps.events.published.map((event) => [event.type, event.type === 'workflow.updated' ? event.payload.changes : null]);
    expect(announced).toEqual([
      ['workflow.updated', ['category', 'fault']],
      ['ticket.activity', null],
      ['workflow.updated', ['complaint']],
    ]);
  });
});
