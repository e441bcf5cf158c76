import { computed, ref, shallowRef, watch } from 'vue';
import { defineStore } from 'pinia';
import { useOnline } from '@vueuse/core';
import { ApiError, CLIENT_ERROR_CODES } from '../../api/http.ts';
import { useApi } from '../../api/use-api.ts';
import { useRealtimeStore } from '../../realtime/realtime.store.ts';
import { loadDrafts, saveDrafts, type TicketDrafts } from './draft-storage.ts';

/**
 * The composer's text per ticket, kept across reloads, and the replies typed while offline, sent in
 * order once the connection is back. Other features put text in (a phrase, a suggested question) and
 * ask for the focus through here, so none of them reaches into the composer.
 */
export const useComposerStore = defineStore('composer', () => {
  const api = useApi();
  const realtime = useRealtimeStore();
  const browserOnline = useOnline();
  const drafts = ref<Record<string, TicketDrafts>>(loadDrafts());
  /** Bumped to ask the mounted composer for the focus (`r`, the palette, an insert). */
  const focusRequests = ref(0);
  const flushing = new Set<number>();
  /** A queued reply the server refused on resend, kept for its ticket's composer to show. */
  const refusals = shallowRef<Record<number, unknown>>({});
  /** Tickets whose composer is on screen: they send their own queue through the ticket store. */
  const attached = new Set<number>();

  const offline = computed(() => !browserOnline.value || realtime.state === 'reconnecting');

  const entry = (ticketId: number): TicketDrafts => drafts.value[ticketId] ?? { draft: '', pending: [], savedAt: Date.now() };
  function write(ticketId: number, next: Partial<TicketDrafts>): void {
    drafts.value = { ...drafts.value, [ticketId]: { ...entry(ticketId), ...next, savedAt: Date.now() } };
    saveDrafts(drafts.value);
  }

  const draftOf = (ticketId: number) => entry(ticketId).draft;
  const pendingOf = (ticketId: number) => entry(ticketId).pending;
  const setDraft = (ticketId: number, draft: string) => write(ticketId, { draft });

  /** Inserts at the end of the draft, on its own paragraph when there is text already. */
  function insert(ticketId: number, text: string): void {
    const current = draftOf(ticketId).replace(/\s+$/, '');
    setDraft(ticketId, current === '' ? text : `${current}\n\n${text}`);
    focus();
  }

  const focus = () => void (focusRequests.value += 1);

  function queue(ticketId: number, body: string): void {
    write(ticketId, { pending: [...pendingOf(ticketId), body] });
  }

  /**
   * Sends what waited, oldest first. A lost connection stops the round and keeps the rest; a refusal
   * (the window closed meanwhile …) puts that text back in the draft for the agent to decide.
   */
  async function flush(ticketId: number, send: (body: string) => Promise<unknown>): Promise<unknown> {
    // One round per ticket at a time: a reconnect during a round must not send the same reply twice.
    if (flushing.has(ticketId)) return null;
    flushing.add(ticketId);
    try {
      return await flushRound(ticketId, send);
    } finally {
      flushing.delete(ticketId);
    }
  }

  async function flushRound(ticketId: number, send: (body: string) => Promise<unknown>): Promise<unknown> {
    while (pendingOf(ticketId).length > 0) {
      const [body, ...rest] = pendingOf(ticketId) as [string, ...string[]];
      try {
        await send(body);
        write(ticketId, { pending: rest });
      } catch (error) {
        if (error instanceof ApiError && error.code === CLIENT_ERROR_CODES.network) return null;
        const draft = draftOf(ticketId);
        write(ticketId, { pending: rest, draft: draft === '' ? body : `${body}\n\n${draft}` });
        return error;
      }
    }
    return null;
  }

  /**
   * Back online: every ticket's waiting replies go, not only the open one's (the agent may have moved on
   * to another ticket meanwhile). The open composer sends its own through the ticket store instead.
   */
  async function flushAll(): Promise<void> {
    for (const id of Object.keys(drafts.value).map(Number)) {
      if (offline.value) return;
      if (pendingOf(id).length === 0 || attached.has(id)) continue;
      const refused = await flush(id, (body) => api.reply(id, { body }));
      if (refused) refusals.value = { ...refusals.value, [id]: refused };
    }
  }
  watch(offline, (now) => !now && void flushAll());

  const attach = (ticketId: number) => void attached.add(ticketId);
  const detach = (ticketId: number) => void attached.delete(ticketId);

  function takeRefusal(ticketId: number): unknown {
    const refused = refusals.value[ticketId] ?? null;
    if (refused) {
      const { [ticketId]: _taken, ...rest } = refusals.value;
      refusals.value = rest;
    }
    return refused;
  }

  function reset(): void {
    drafts.value = {};
    refusals.value = {};
    saveDrafts({});
  }

  return { drafts, offline, focusRequests, draftOf, pendingOf, setDraft, insert, focus, queue, flush, flushAll, attach, detach, refusals, takeRefusal, reset };
});
