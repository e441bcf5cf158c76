import { computed, ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import type { AgentEvent, MessageDto, TicketViewDto, UpdateTicketBody } from '@keluh/contracts';
import type { ReplyContent, ReplyPayload } from '../../api/endpoints.ts';
import { ApiError } from '../../api/http.ts';
import { useApi } from '../../api/use-api.ts';
import { useLiveEvents } from '../../realtime/use-live-events.ts';
import { useTicketListStore } from '../inbox/ticket-list.store.ts';
import { applyEventToDetail, applyTicketSnapshotToDetail, upsertById, upsertMessage, type DetailState } from './apply-event.ts';

/** Re-reading is batched: a burst of customer messages clears the unread count once. */
const READ_DELAY_MS = 800;

/** The open ticket: header, customer, identities and timeline, kept current by realtime events. */
export const useTicketDetailStore = defineStore('ticketDetail', () => {
  const api = useApi();
  const list = useTicketListStore();

  const ticketId = ref<number | null>(null);
  const detail = shallowRef<DetailState | null>(null);
  /** The identity the agent picked to reply through; null: the one the customer last wrote from. */
  const replyIdentityId = ref<number | null>(null);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  let request: AbortController | null = null;
  let readTimer: ReturnType<typeof setTimeout> | null = null;

  const position = computed(() => detail.value?.lastEventId ?? null);
  const live = useLiveEvents({
    applyEvents,
    position: () => position.value,
    reload: () => {
      if (ticketId.value !== null) void hydrate(ticketId.value);
    },
  });

  async function hydrate(id: number | null): Promise<void> {
    request?.abort();
    cancelRead();
    ticketId.value = id;
    if (detail.value?.ticket.id !== id) {
      detail.value = null;
      replyIdentityId.value = null;
    }
    error.value = null;
    if (id === null) {
      loading.value = false;
      return;
    }
    const controller = new AbortController();
    request = controller;
    loading.value = true;
    try {
      const result = await api.ticket(id, controller.signal);
      if (request !== controller) return;
      const { ticket, customer, identities, messages, window, lastEventId, notes, transitions, activities, sla } = result;
      detail.value = { ticket, customer, identities, messages, window, lastEventId, notes, transitions, activities, sla };
      live.loaded(result.lastEventId);
      list.applySnapshot(result.ticket);
      void markRead();
    } catch (cause) {
      if (request === controller && !(cause instanceof DOMException && cause.name === 'AbortError')) error.value = cause;
    } finally {
      if (request === controller) {
        loading.value = false;
        request = null;
      }
    }
  }

  function applyEvents(events: readonly AgentEvent[]): void {
    const current = detail.value;
    if (!current) return;
    // Messages moved in or out (a merge, split or undo by anyone): read the ticket again.
    if (events.some((e) => e.type === 'ticket.moved' && e.ticketId === current.ticket.id && e.id > current.lastEventId)) {
      void hydrate(current.ticket.id);
      return;
    }
    let state = current;
    for (const event of events) state = applyEventToDetail(state, event);
    if (state === current) return;
    detail.value = state;
    const customerWrote = events.some(
      (e) => e.type === 'message.created' && e.ticketId === state.ticket.id && e.payload.message.direction === 'in',
    );
    // The agent is looking at this conversation, so what the customer just wrote counts as read.
    if (customerWrote && document.visibilityState === 'visible') scheduleRead();
  }

  /** `force`: the agent saw the `reply.collision` warning and sends anyway. */
  function send(body: string, options: { force?: boolean } = {}): Promise<MessageDto> {
    return reply({ body }, options.force === true);
  }

  function sendTemplate(template: { name: string; language: string; parameters: string[] }): Promise<MessageDto> {
    return reply({ template }, false);
  }

  async function reply(content: ReplyContent, force: boolean): Promise<MessageDto> {
    const id = ticketId.value;
    if (id === null) throw new Error('No ticket is open');
    // The newest message on screen: another agent's reply after it (moments ago) makes the server warn first.
    const seen = detail.value?.ticket.id === id ? Math.max(0, ...detail.value.messages.map((m) => m.id)) : 0;
    const picked = replyIdentityId.value;
    const payload: ReplyPayload = { ...content, ...(seen > 0 ? { seenMessageId: seen } : {}), ...(force ? { force } : {}), ...(picked !== null ? { identityId: picked } : {}) };
    try {
      const message = await api.reply(id, payload);
      if (detail.value?.ticket.id === id) detail.value = { ...detail.value, messages: upsertMessage(detail.value.messages, message) };
      return message;
    } catch (cause) {
      // The server knows the window better than our countdown (clocks differ): switch the composer now.
      if (cause instanceof ApiError && cause.code === 'channel.window_closed' && detail.value?.ticket.id === id && picked === null) {
        const closedAt = typeof cause.details?.closedAt === 'string' ? cause.details.closedAt : null;
        detail.value = { ...detail.value, window: { channel: detail.value.window.channel, state: 'closed', closedAt } };
      }
      throw cause;
    }
  }

  /** A note lands on the timeline from the answer; its `note.created` event then changes nothing. */
  async function addNote(body: string): Promise<void> {
    const id = ticketId.value;
    if (id === null) throw new Error('No ticket is open');
    const note = await api.addNote(id, body);
    if (detail.value?.ticket.id === id) detail.value = { ...detail.value, notes: upsertById(detail.value.notes, note) };
  }

  /** Shows the change at once and rolls it back if the server refuses it. */
  async function update(changes: UpdateTicketBody): Promise<void> {
    const before = detail.value;
    if (!before) return;
    detail.value = { ...before, ticket: optimistic(before.ticket, changes) };
    try {
      // The version we looked at: if someone changed the ticket since, the server refuses instead of overwriting.
      const ticket = await api.updateTicket(before.ticket.id, { ...changes, version: before.ticket.version });
      applySnapshot(ticket);
    } catch (cause) {
      if (detail.value?.ticket.id === before.ticket.id) detail.value = { ...detail.value, ticket: before.ticket };
      // Show what the other person did, so the agent decides again on the current ticket.
      if (cause instanceof ApiError && cause.code === 'ticket.conflict') void hydrate(before.ticket.id);
      throw cause;
    }
  }

  async function markRead(): Promise<void> {
    const id = ticketId.value;
    if (id === null) return;
    try {
      applySnapshot(await api.markRead(id));
    } catch {
      // Unread counts are a convenience; the next open or event will correct them.
    }
  }

  function applySnapshot(ticket: TicketViewDto): void {
    if (detail.value) detail.value = applyTicketSnapshotToDetail(detail.value, ticket);
    list.applySnapshot(ticket);
  }

  function scheduleRead(): void {
    cancelRead();
    readTimer = setTimeout(() => {
      readTimer = null;
      void markRead();
    }, READ_DELAY_MS);
  }

  function cancelRead(): void {
    if (readTimer) clearTimeout(readTimer);
    readTimer = null;
  }

  function reset(): void {
    request?.abort();
    request = null;
    cancelRead();
    ticketId.value = null;
    detail.value = null;
    replyIdentityId.value = null;
    loading.value = false;
    error.value = null;
  }

  return { ticketId, detail, replyIdentityId, position, loading, error, hydrate, send, sendTemplate, update, addNote, markRead, reset };
});

function optimistic(ticket: TicketViewDto, changes: UpdateTicketBody): TicketViewDto {
  const next = { ...ticket };
  if (changes.status !== undefined) next.status = changes.status;
  if (changes.priority !== undefined) next.priority = changes.priority;
  if (changes.assigneeId !== undefined) next.assigneeId = changes.assigneeId;
  return next;
}
