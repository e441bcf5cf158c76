import type { CensusChange } from './table-census.ts';

/**
 * What a request may leave in the database. A refused request leaves nothing, with the two refusals
 * below that record on purpose; a successful one only what its route exists to change. A route not
 * listed changes nothing even when it succeeds (every GET). Counts are exact where the effect is one row.
 */
export type Effect = Record<string, 'changed' | number>;

// A stored message may also schedule its background work in the same commit: a media download, or a
// profile look-up for a customer an Instagram webhook names only by id. A message answering a review
// moves it on, may open a recovery task and queues the follow-up question or thanks.
// Every message and ticket change recomputes the SLA clocks in the same commit, with their warning and breach jobs.
const sla: Effect = { sla_clocks: 'changed', jobs: 'changed' };
const reviewAnswer: Effect = { reviews: 'changed', recovery_tasks: 'changed', outbox: 'changed', ...sla };
// A verified phone or email may join a customer we know (a merge), and a number or email typed in the
// message may make a suggestion (docs/customers.md).
const linking: Effect = { customer_merges: 'changed', customer_suggestions: 'changed' };
const conversation: Effect = { customers: 'changed', identities: 'changed', tickets: 'changed', messages: 'changed', events: 'changed', parked_statuses: 'changed', jobs: 'changed', ...reviewAnswer, ...linking };
// A merge moves identities, tickets and messages, and recomputes the clocks of a ticket folded into another.
const merging: Effect = { customers: 'changed', identities: 'changed', tickets: 'changed', messages: 'changed', events: 'changed', ...sla };

export const successEffects: Record<string, Effect> = {
  'POST /api/auth/login': { sessions: 1, login_failures: 'changed' },
  'POST /api/auth/token': { sessions: 1, login_failures: 'changed' },
  'POST /api/auth/logout': { sessions: -1 },
  'DELETE /api/widget/visitors/:visitorId/sessions': { visitor_sessions: 'changed' },
  'POST /api/tickets/:id/messages': { messages: 1, outbox: 1, tickets: 'changed', events: 'changed', ...sla },
  // Resolving or closing a complaint keeps its resolution record in the same commit.
  // … and a ticket that frees its agent's capacity (or joins the backlog) schedules its team's assignment drain.
  'PATCH /api/tickets/:id': { tickets: 'changed', events: 'changed', resolution_records: 'changed', jobs: 'changed', ...sla },
  // The manual toggle: the choice, its `presence.updated`, and (coming online) the drains of the agent's teams.
  'PUT /api/presence/me': { users: 'changed', events: 'changed', jobs: 'changed' },
  // A promise comes with its reminder and overdue jobs.
  'POST /api/tickets/:id/promises': { promises: 1, jobs: 2, events: 1 },
  'PATCH /api/promises/:id': { promises: 'changed', resolution_records: 'changed', events: 1 },
  'POST /api/tickets/:id/read': { tickets: 'changed', messages: 'changed', events: 'changed' },
  'PUT /api/channels/:kind': { channel_configs: 'changed', events: 'changed', audit_log: 'changed' },
  // The one GET that writes: a CSV export is an audited act (the figures leave the help desk).
  'GET /api/reports/:report/export.csv': { audit_log: 1 },
  'HEAD /api/reports/:report/export.csv': { audit_log: 1 },
  'POST /api/api-channels': { api_channels: 1, audit_log: 1 },
  'PATCH /api/api-channels/:id': { api_channels: 'changed', audit_log: 1 },
  'POST /api/api-channels/:id/rotate-secret': { api_channels: 'changed', audit_log: 1 },
  'DELETE /api/api-channels/:id': { api_channels: -1, audit_log: 1 },
  'POST /api/phrases': { phrases: 1, audit_log: 1 },
  'POST /api/phrases/': { phrases: 1, audit_log: 1 },
  'PUT /api/phrases/:id': { phrases: 'changed', audit_log: 1 },
  'DELETE /api/phrases/:id': { phrases: -1, audit_log: 1 },
  // Administration: each change with its audit entry (a no-op change, e.g. the same role, records none).
  'POST /api/admin/users': { users: 1, team_members: 'changed', audit_log: 1 },
  'PUT /api/admin/users/:id/role': { users: 'changed', audit_log: 'changed' },
  'PUT /api/admin/users/:id/teams': { team_members: 'changed', audit_log: 'changed' },
  'PUT /api/admin/users/:id/capacities': { agent_capacities: 'changed', audit_log: 1 },
  'POST /api/admin/users/:id/deactivate': { users: 'changed', sessions: 'changed', audit_log: 1 },
  'POST /api/admin/teams': { teams: 1, team_members: 'changed', audit_log: 1 },
  'PATCH /api/admin/teams/:id': { teams: 'changed', audit_log: 'changed' },
  'PUT /api/admin/teams/:id/members': { team_members: 'changed', audit_log: 'changed' },
  // A workflow is stored on a ticket's first workflow change (`ensure`), so each may add that row too.
  'POST /api/tickets/:id/workflow/transitions': { ticket_workflows: 'changed', stage_transitions: 1, tickets: 'changed', events: 'changed' },
  'PATCH /api/tickets/:id/workflow': { ticket_workflows: 'changed', events: 'changed' },
  'PUT /api/tickets/:id/workflow/complaint': { ticket_workflows: 'changed', ticket_activities: 'changed', events: 'changed' },
  // The same order number confirmed on another customer's ticket makes a suggestion.
  'PUT /api/tickets/:id/facts/:key': { ticket_workflows: 'changed', ticket_facts: 'changed', events: 'changed', customer_suggestions: 'changed' },
  'DELETE /api/tickets/:id/facts/:key': { ticket_workflows: 'changed', ticket_facts: -1, events: 'changed' },
  'POST /api/tickets/:id/notes': { ticket_workflows: 'changed', ticket_notes: 1, events: 'changed' },
  'PUT /api/workflow/categories/:key': { complaint_categories: 'changed', audit_log: 1 },
  'PUT /api/workflow/settings': { workflow_settings: 'changed', audit_log: 1 },
  'POST /api/tickets/:id/reviews': { reviews: 1, messages: 1, outbox: 1, tickets: 'changed', events: 'changed', ...sla },
  'POST /api/reviews/:id/answer': { reviews: 'changed', recovery_tasks: 'changed', events: 'changed', ...sla },
  'PATCH /api/testimonials/:reviewId': { reviews: 'changed', events: 'changed' },
  'POST /api/recovery-tasks/:id/close': { recovery_tasks: 'changed', events: 'changed' },
  'POST /api/customers/:id/merge': { customer_merges: 1, ...merging },
  'POST /api/customer-merges/:id/undo': { customer_merges: 'changed', ...merging },
  'POST /api/suggestions/:id/confirm': { customer_suggestions: 'changed', customer_merges: 1, ...merging },
  'POST /api/suggestions/:id/reject': { customer_suggestions: 'changed', events: 'changed' },
  'POST /api/sla/policies': { sla_policies: 1 },
  'PUT /api/sla/policies/:id': { sla_policies: 'changed' },
  'DELETE /api/sla/policies/:id': { sla_policies: -1 },
  // The calendar may carry the team's zone, which lives on the team row.
  'PUT /api/sla/teams/:teamId/calendar': { business_calendars: 'changed', teams: 'changed' },
  'PUT /api/sla/holiday-lists/:id': { holiday_lists: 'changed' },
  'PUT /api/settings/tickets': { settings: 'changed', audit_log: 'changed' },
  'PUT /api/settings/routing': { settings: 'changed', audit_log: 'changed' },
  'PUT /api/settings/threading': { settings: 'changed', audit_log: 'changed' },
  // The secret is made on first read and kept: the one GET besides the CSV export that writes.
  'GET /api/settings/widget-identity': { settings: 'changed' },
  'HEAD /api/settings/widget-identity': { settings: 'changed' },
  'POST /api/settings/widget-identity/rotate': { settings: 'changed', audit_log: 1 },
  // A signed visitor is stored (customer and identity) when the session opens.
  'POST /api/widget/sessions': { visitor_sessions: 'changed', customers: 'changed', identities: 'changed' },
  'POST /api/tickets/:id/merge': { ticket_moves: 1, tickets: 'changed', messages: 'changed', events: 'changed', ...sla },
  'POST /api/tickets/:id/split': { ticket_moves: 1, tickets: 'changed', messages: 'changed', events: 'changed', ...sla },
  'POST /api/ticket-moves/:id/undo': { ticket_moves: 'changed', tickets: 'changed', messages: 'changed', events: 'changed', ...sla },
  // The profile: an agent's type or characteristic re-announces the customer's tickets; a change is audited (a no-op is not).
  'PATCH /api/customers/:id': { customers: 'changed', customer_attributes: 'changed', audit_log: 'changed', events: 'changed' },
  'POST /api/customers/:id/notes': { customer_notes: 1 },
  'POST /api/customer-attributes': { customer_attribute_defs: 1 },
  'POST /api/customer-attributes/': { customer_attribute_defs: 1 },
  'PATCH /api/customer-attributes/:key': { customer_attribute_defs: 'changed' },
  'DELETE /api/customer-attributes/:key': { customer_attribute_defs: -1, customer_attributes: 'changed' },
  'POST /webhooks/whatsapp': conversation,
  'POST /webhooks/instagram': conversation,
  'POST /webhooks/api/:channelId': conversation,
};

/** What an acknowledged `ok: true` socket event may store; `sync` and every refusal store nothing. */
export const socketEffects: Record<string, Effect> = {
  'message.send': { customers: 'changed', identities: 'changed', tickets: 'changed', messages: 'changed', events: 'changed', jobs: 'changed', ...reviewAnswer, ...linking },
  'message.receipt': { messages: 'changed', events: 'changed' },
  // Activity after idleness turns the agent online again: the status on the user, its event, the drains of their teams.
  'presence.activity': { users: 'changed', events: 'changed', jobs: 'changed' },
  // Opening and closing a ticket are announced as the agent's current ticket (the board shows it).
  'ticket.watch': { events: 'changed' },
  'ticket.unwatch': { events: 'changed' },
};

/** Refusals that store something by design, keyed by `route code`. */
export const refusalEffects: Record<string, Effect> = {
  // Failed sign-ins are counted so guessing is locked out; unknown emails are counted like real ones.
  'POST /api/auth/login auth.invalid_credentials': { login_failures: 'changed' },
  'POST /api/auth/token auth.invalid_credentials': { login_failures: 'changed' },
  // A spent refresh token presented again means it was stolen: the whole session is ended.
  'POST /api/widget/sessions widget.token_revoked': { visitor_sessions: 'changed' },
};

/** The tables that changed although `effect` does not allow it (or by another row count), as messages. */
export function unaccounted(change: CensusChange, effect: Effect = {}): string[] {
  return Object.entries(change).flatMap(([table, { before, after }]) => {
    const allowed = effect[table];
    if (allowed === 'changed') return [];
    if (typeof allowed === 'number' && after - before === allowed) return [];
    return [`${table}: ${before} → ${after} rows${allowed === undefined ? ' (may not change)' : ` (expected ${allowed > 0 ? '+' : ''}${allowed})`}`];
  });
}
