import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { initialConversation, reduceConversation, type ConversationAction } from './conversation.ts';
import { checkDraft } from './draft.ts';
import { createOutbox, newClientMessageId, type OutboxItem } from './outbox.ts';
import type { ParentBridge } from './parent.ts';
import type { WidgetConversationDto } from '@keluh/contracts';
import { connectRealtime, type ConnectionState, type Realtime, type VisitorSocket } from './realtime.ts';
import { createReviewAnswerer } from './review-answer.ts';
import { agentMessageIds, pendingReceipts, unreadCount, type ReceiptStatus } from './receipts.ts';
import { HttpError, openSession, type TokenStore, type WidgetApi } from './session.ts';

/*
 * Wires session, history, socket, outbox and receipts to the view. The pure parts live in their own
 * modules; this file only decides when each runs.
 */

export interface ChatDeps {
  api: WidgetApi;
  tokens: TokenStore;
  openSocket(getToken: () => string | null): VisitorSocket;
  bridge: ParentBridge;
  doc: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
  startOpen: boolean;
  /** The embedding site's signed user (docs/customers.md): opens their verified conversation. */
  siteIdentity?: string | null;
  now?: () => Date;
  /** Back-off between failed session/history attempts, in ms; the last value repeats. */
  retryDelays?: number[];
  ackTimeoutMs?: number;
}

const RECEIPT_BATCH = 200;
export const RATE_LIMITED = 'rate_limited';
/** When a refusal does not say how long to wait. */
const DEFAULT_HOLD_MS = 5_000;
const cardsOf = (history: WidgetConversationDto) => ({ ...(history.promises && { promises: history.promises }), ...(history.reviews && { reviews: history.reviews }) });
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const retryAfterMs = (details: Record<string, unknown> | undefined): number => {
  const wait = details?.retryAfterMs;
  return typeof wait === 'number' && wait > 0 ? wait : DEFAULT_HOLD_MS;
};

export function useChat(deps: ChatDeps) {
  const now = deps.now ?? (() => new Date());
  const retryDelays = deps.retryDelays ?? [1_000, 2_000, 5_000, 10_000, 30_000];
  const conversation = shallowRef(initialConversation());
  const connection = ref<ConnectionState>('connecting');
  const panelOpen = ref(deps.startOpen);
  const pageVisible = ref(deps.doc.visibilityState === 'visible');
  const visible = computed(() => panelOpen.value && pageVisible.value);
  /** While the server asks us to slow down: when sending may resume (ms since the epoch), else null. */
  const throttledUntil = ref<number | null>(null);

  const outbox = createOutbox();
  const seen = new Set<number>();
  const reported = new Map<number, ReceiptStatus>();
  const receiptsInFlight = new Set<string>();
  let token: string | null = null;
  let visitorId: string | null = null;
  let realtime: Realtime | null = null;
  let holdTimer: ReturnType<typeof setTimeout> | undefined;
  let sending = false;
  let renewing = false;
  let renewals = 0;
  let stopped = false;
  let lastUnread = -1;
  let announced = false;

  const apply = (action: ConversationAction) => {
    conversation.value = reduceConversation(conversation.value, action);
    afterChange();
  };

  function afterChange() {
    const messages = conversation.value.messages;
    if (visible.value) for (const id of agentMessageIds(messages)) seen.add(id);
    sendReceipts();
    const unread = visible.value ? 0 : unreadCount(messages, seen);
    if (unread !== lastUnread) {
      lastUnread = unread;
      deps.bridge.post({ type: 'keluh:unread', count: unread });
    }
    if (!announced && messages.some((m) => m.id !== null)) {
      announced = true;
      deps.bridge.post({ type: 'keluh:active' });
    }
  }

  function sendReceipts() {
    const connection = realtime;
    if (!connection?.ready) return;
    const pending = pendingReceipts(conversation.value.messages, seen, reported);
    for (const status of ['delivered', 'read'] as const) {
      const ids = pending[status].filter((id) => !receiptsInFlight.has(`${id}:${status}`));
      for (let start = 0; start < ids.length; start += RECEIPT_BATCH) {
        const batch = ids.slice(start, start + RECEIPT_BATCH);
        batch.forEach((id) => receiptsInFlight.add(`${id}:${status}`));
        void connection.receipt({ messageIds: batch, status }).then((ok) => {
          batch.forEach((id) => receiptsInFlight.delete(`${id}:${status}`));
          if (ok) for (const id of batch) if (reported.get(id) !== 'read') reported.set(id, status);
        });
      }
    }
  }

  const held = () => throttledUntil.value !== null;

  /** Pauses all sends until the server's wait is over, then sends what waited, in typed order. */
  function holdSends(ms: number) {
    throttledUntil.value = now().getTime() + ms;
    clearTimeout(holdTimer);
    holdTimer = setTimeout(() => {
      throttledUntil.value = null;
      for (const item of outbox.waiting()) apply({ type: 'send.retried', clientMessageId: item.clientMessageId });
      void flush();
    }, ms);
  }

  // One send in flight at a time, so the server stores messages in the order they were typed.
  async function flush() {
    if (sending || held() || !realtime?.ready) return;
    const next = outbox.waiting()[0];
    if (!next) return;
    sending = true;
    try {
      await dispatch(next, realtime);
    } finally {
      sending = false;
    }
    void flush();
  }

  async function dispatch(item: OutboxItem, connection: Realtime) {
    const attempt = outbox.dispatch(item.clientMessageId);
    const result = await connection.send(item);
    if (result.kind === 'ok') {
      // A success is final whichever attempt it answers.
      outbox.remove(item.clientMessageId);
      apply({ type: 'send.acked', clientMessageId: item.clientMessageId, message: result.message });
      return;
    }
    if (!outbox.isCurrent(item.clientMessageId, attempt)) return;
    if (result.kind === 'lost') {
      outbox.release(item.clientMessageId);
      return;
    }
    if (result.error.code === RATE_LIMITED) {
      // Nothing was stored: keep it queued under the same id and send it by itself after the wait.
      outbox.release(item.clientMessageId);
      for (const waiting of outbox.waiting()) apply({ type: 'send.throttled', clientMessageId: waiting.clientMessageId });
      holdSends(retryAfterMs(result.error.details));
      return;
    }
    outbox.remove(item.clientMessageId);
    apply({ type: 'send.failed', clientMessageId: item.clientMessageId, error: result.error });
  }

  /**
   * Gets a session: the stored one refreshed (same visitor, conversation kept), or a new visitor whose
   * (empty) history replaces what is shown. Retries with back-off, or after the wait a 429 names.
   */
  async function establish() {
    for (let attempt = 0; !stopped; attempt += 1) {
      try {
        const session = await openSession(deps.api, deps.tokens, { siteIdentity: deps.siteIdentity ?? null });
        if (session.visitorId !== visitorId) {
          const history = await deps.api.conversation(session.visitorToken);
          visitorId = session.visitorId;
          apply({ type: 'hydrated', messages: history.messages, lastEventId: history.lastEventId, ...cardsOf(history) });
        }
        token = session.visitorToken;
        return;
      } catch (error) {
        let wait = retryDelays[Math.min(attempt, retryDelays.length - 1)] ?? 5_000;
        if (error instanceof HttpError && error.code === RATE_LIMITED) {
          wait = Math.max(wait, error.retryAfterMs ?? DEFAULT_HOLD_MS);
          holdSends(wait);
        }
        await delay(wait);
      }
    }
  }

  async function start() {
    await establish();
    if (stopped) return;
    realtime = connectRealtime(
      deps.openSocket(() => token),
      {
        lastEventId: () => conversation.value.lastEventId,
        onEvents: (events) => apply({ type: 'events', events }),
        onState: (state) => (connection.value = state),
        onReady: () => {
          renewals = 0;
          void flush();
          afterChange();
        },
        onDisconnect: () => outbox.releaseAll(),
        onAuthRejected: () => void renewSession(),
        onStale: () => void reloadHistory(),
      },
      deps.ackTimeoutMs === undefined ? {} : { ackTimeoutMs: deps.ackTimeoutMs },
    );
  }

  /**
   * The server could not replay from our position: the history snapshot replaces what is shown (bubbles
   * still waiting for an ack survive it), and the socket replays whatever streamed past the snapshot.
   */
  async function reloadHistory() {
    for (let attempt = 0; !stopped; attempt += 1) {
      const current = token;
      if (current === null) return; // a renewal is under way; it loads the history itself if the visitor changed
      try {
        const history = await deps.api.conversation(current);
        if (token !== current) return;
        apply({ type: 'hydrated', messages: history.messages, lastEventId: history.lastEventId, ...cardsOf(history) });
        realtime?.catchUp(history.lastEventId);
        return;
      } catch {
        await delay(retryDelays[Math.min(attempt, retryDelays.length - 1)] ?? 5_000);
      }
    }
  }

  // The socket refused our access token. Expired (the usual case): the refresh gives a new one for the
  // same visitor and the socket resumes from the last event. Revoked or unknown: we start over as a
  // new visitor. Backs off in case HTTP keeps accepting what the socket refuses, so nothing loops hot.
  async function renewSession() {
    if (renewing) return;
    renewing = true;
    try {
      token = null;
      if (renewals > 0) await delay(Math.min(30_000, 1_000 * 2 ** renewals));
      renewals += 1;
      await establish();
      if (!stopped) realtime?.reconnect();
    } finally {
      renewing = false;
    }
  }

  function send(text: string): boolean {
    const draft = checkDraft(text);
    if (!draft.ok) return false;
    const clientMessageId = newClientMessageId();
    apply({ type: 'send.started', clientMessageId, body: draft.body, at: now().toISOString() });
    outbox.add({ clientMessageId, body: draft.body });
    if (held()) apply({ type: 'send.throttled', clientMessageId });
    void flush();
    return true;
  }

  const answerReview = createReviewAnswerer(
    () => realtime,
    (review) => apply({ type: 'review.answered', review }),
  );

  function retry(clientMessageId: string) {
    const message = conversation.value.messages.find((m) => m.clientMessageId === clientMessageId && m.status === 'error');
    if (!message) return;
    apply({ type: 'send.retried', clientMessageId });
    outbox.add({ clientMessageId, body: message.body });
    void flush();
  }

  const onVisibility = () => (pageVisible.value = deps.doc.visibilityState === 'visible');
  deps.doc.addEventListener('visibilitychange', onVisibility);
  const stopPanel = deps.bridge.onPanel((open) => (panelOpen.value = open));
  watch(visible, () => afterChange());

  function stop() {
    stopped = true;
    deps.doc.removeEventListener('visibilitychange', onVisibility);
    stopPanel();
    clearTimeout(holdTimer);
    realtime?.close();
  }
  onScopeDispose(stop);

  return {
    messages: computed(() => conversation.value.messages),
    cards: computed(() => conversation.value.cards),
    answerReview,
    connection,
    throttledUntil,
    panelOpen,
    visible,
    start,
    stop,
    send,
    retry,
    close: () => deps.bridge.post({ type: 'keluh:close' }),
  };
}
