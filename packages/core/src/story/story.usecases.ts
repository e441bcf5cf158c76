import { missingFacts } from '../facts/fact.rules.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import { stageKeyOf } from '../workflow/stage.types.ts';
import { getWorkflow } from '../workflow/workflow.usecases.ts';
import { lastSaidPerChannel } from './story.rules.ts';
import type { TicketStory } from './story.types.ts';

/** Reads the story so far of one ticket; stores nothing. */
export async function getTicketStory(deps: CoreDeps, ticketId: number): Promise<TicketStory> {
  const ticket = await deps.db.tickets.findById(ticketId);
  if (!ticket) throw new AppError('ticket.not_found', `Ticket ${ticketId} does not exist`);
  const snapshot = await getWorkflow(deps, ticketId);
  const promises = await deps.db.promises.listForTicket(ticketId);
  const messages = await deps.db.messages.listForTicket(ticketId);
  const { workflow, category } = snapshot;
  const order = new Map((category?.facts ?? []).map((definition, index) => [definition.key, { index, label: definition.label }]));
  const facts = [...snapshot.facts]
    .sort((a, b) => (order.get(a.key)?.index ?? Infinity) - (order.get(b.key)?.index ?? Infinity) || a.key.localeCompare(b.key))
    .map((fact) => ({ key: fact.key, label: order.get(fact.key)?.label ?? null, value: fact.value, source: fact.source }));
  return {
    ticketId,
    stage: workflow.stage,
    stageKey: stageKeyOf(workflow.stage),
    complaint: workflow.complaint,
    category: category ? { key: category.key, label: category.label } : null,
    facts,
    missing: missingFacts(category, snapshot.facts).map((definition) => ({ key: definition.key, label: definition.label })),
    rootCause: workflow.rootCause,
    solution: workflow.solution,
    promises: [...promises]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
      .map((promise) => ({ id: promise.id, text: promise.text, dueAt: promise.dueAt, state: promise.state, ownerName: promise.ownerName, settledAt: promise.settledAt })),
    lastSaid: lastSaidPerChannel(messages),
    previousTicketId: ticket.previousTicketId,
  };
}
