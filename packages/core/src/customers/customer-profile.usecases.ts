import type { TicketScope } from '../auth/ticket.policy.ts';
import { changesOf, recordAudit } from '../audit/audit.rules.ts';
import type { ChannelKind } from '../channels/channel.types.ts';
import type { CsatEntry } from '../ports/customer-profile.port.ts';
import { commit, type CoreDeps, type Emit } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import type { Repositories } from '../ports/repositories.ts';
import type { Ticket } from '../tickets/ticket.types.ts';
import type { CustomerAttributeDef, CustomerAttributeValue, CustomerNote } from './customer-attribute.types.ts';
import { validateAttributeValue } from './customer-attribute.rules.ts';
import type { Customer, CustomerCharacteristic, CustomerType, Identity } from './customer.types.ts';
import { visibleCustomer } from './customer-scope.ts';

export interface CustomerProfile {
  customer: Customer;
  identities: Identity[];
  /** The customer's tickets this user may see, newest first, each with every channel it has messages on. */
  tickets: (Ticket & { channels: ChannelKind[] })[];
  csat: CsatEntry[];
  notes: CustomerNote[];
  /** Every defined attribute in order, with this customer's value or null. */
  attributes: { def: CustomerAttributeDef; value: CustomerAttributeValue | null }[];
}

export async function getCustomerProfile(deps: Pick<CoreDeps, 'db'>, customerId: number, scope: TicketScope): Promise<CustomerProfile> {
  const { db } = deps;
  const { customer, tickets } = await visibleCustomer(db, customerId, scope);
  const [identities, channels, csat, notes, defs, values] = await Promise.all([
    db.identities.listForCustomer(customerId),
    db.customerProfiles.listTicketChannels(customerId),
    db.customerProfiles.listCsat(customerId),
    db.customerProfiles.listNotes(customerId),
    db.customerProfiles.listDefs(),
    db.customerProfiles.listAttributes(customerId),
  ]);
  const visibleIds = new Set(tickets.map((ticket) => ticket.id));
  const byTicket = new Map<number, ChannelKind[]>();
  for (const { ticketId, channel } of channels) byTicket.set(ticketId, [...(byTicket.get(ticketId) ?? []), channel]);
  const valueOf = new Map(values.map((attribute) => [attribute.key, attribute.value]));
  return {
    customer,
    identities,
    tickets: [...tickets].reverse().map((ticket) => ({ ...ticket, channels: byTicket.get(ticket.id) ?? [ticket.channel] })),
    csat: csat.filter((entry) => visibleIds.has(entry.ticketId)),
    notes,
    attributes: defs.map((def) => ({ def, value: valueOf.get(def.key) ?? null })),
  };
}

export interface CustomerProfilePatch {
  type?: CustomerType;
  characteristic?: CustomerCharacteristic;
  /** Values by attribute key; null removes one. */
  attributes?: Record<string, unknown>;
}

/**
 * An agent sets the type, the characteristic (which then stands: suggestions never replace it) or custom
 * attributes. Every attribute is checked before anything is written, so a bad one changes nothing.
 */
export async function updateCustomerProfile(deps: CoreDeps, input: { customerId: number; patch: CustomerProfilePatch; actorUserId: number; scope: TicketScope }): Promise<Customer> {
  const { customerId, patch, actorUserId, scope } = input;
  return commit(deps, async (tx, emit) => {
    const { customer } = await visibleCustomer(tx, customerId, scope);
    const attributes = patch.attributes ? await checkedAttributes(tx, patch.attributes) : {};
    const now = deps.clock.now();
    const fields: Partial<Customer> = {
      ...(patch.type ? { type: patch.type } : {}),
      ...(patch.characteristic ? { characteristic: patch.characteristic, characteristicSource: 'agent' as const, characteristicReason: null } : {}),
    };
    const updated = Object.keys(fields).length > 0 ? await tx.customers.update(customerId, fields, now) : customer;
    if (Object.keys(attributes).length > 0) await tx.customerProfiles.setAttributes(customerId, attributes, now);
    const changes = { ...changesOf(customer, updated, ['type', 'characteristic', 'characteristicSource']), ...(patch.attributes ? { attributes: { to: attributes } } : {}) };
    if (Object.keys(changes).length === 0) return customer;
    await recordAudit(tx, { action: 'customer.profile_changed', actorUserId, target: `customer:${customerId}`, data: changes }, now);
    if (fields.type || fields.characteristic) await announceCustomer(tx, emit, customerId);
    return updated;
  });
}

export async function addCustomerNote(deps: CoreDeps, input: { customerId: number; body: string; authorUserId: number; scope: TicketScope }): Promise<CustomerNote> {
  const body = input.body.trim();
  if (!body) throw new AppError('validation.failed', 'A note cannot be empty', { issues: [{ path: 'body', message: 'Required' }] });
  return commit(deps, async (tx) => {
    await visibleCustomer(tx, input.customerId, input.scope);
    return tx.customerProfiles.addNote({ customerId: input.customerId, authorUserId: input.authorUserId, body }, deps.clock.now());
  });
}

async function checkedAttributes(tx: Repositories, values: Record<string, unknown>): Promise<Record<string, CustomerAttributeValue | null>> {
  const keys = Object.keys(values);
  const defs = new Map((await tx.customerProfiles.findDefs(keys)).map((def) => [def.key, def]));
  const unknown = keys.filter((key) => !defs.has(key));
  if (unknown.length > 0) throw new AppError('customer.attribute_unknown', `No attribute ${unknown.join(', ')} is defined`, { keys: unknown });
  return Object.fromEntries(keys.map((key) => [key, values[key] === null ? null : validateAttributeValue(defs.get(key)!, values[key])]));
}

/** Inbox rows and open tickets show the customer's type and characteristic: each ticket is re-announced. */
export async function announceCustomer(tx: Repositories, emit: Emit, customerId: number): Promise<void> {
  for (const ticket of await tx.tickets.listForCustomer(customerId)) {
    const view = await tx.tickets.findView(ticket.id);
    if (view) emit({ type: 'ticket.updated', ticketId: view.id, customerId, payload: { ticket: view, changes: ['customer'] } });
  }
}
