import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { initialConversation, reduceConversation, type ConversationAction } from './conversation.ts';
import { checkDraft } from './draft.ts';
import { createOutbox, newClientMessageId, type OutboxItem } from './outbox.ts';
import type { ParentBridge } from './parent.ts';
import { connectRealtime, type ConnectionState, type Realtime, type VisitorSocket } from './realtime.ts';
import { agentMessageIds, pendingReceipts, unreadCount, type ReceiptStatus } from './receipts.ts';
import { loadConversation, type TokenStore, type WidgetApi } from './session.ts';

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
  now?: () => Date;
  /** Back-off between failed session/history attempts, in ms; the last value repeats. */
  retryDelays?: number[];
  ackTimeoutMs?: number;
}

const RECEIPT_BATCH = 200;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function useChat(deps: ChatDeps) {
  const now = deps.now ?? (() => new Date());
  const retryDelays = deps.retryDelays ?? [1_000, 2_000, 5_000, 10_000, 30_000];
  const conversation = shallowRef(initialConversation());
  const connection = ref<ConnectionState>('connecting');
  const panelOpen = ref(deps.startOpen);
  const pageVisible = ref(deps.doc.visibilityState === 'visible');
  const visible = computed(() => panelOpen.value && pageVisible.value);

  const outbox = createOutbox();
  const seen = new Set<number>();
  const reported = new Map<number, ReceiptStatus>();
  const receiptsInFlight = new Set<string>();
  let token: string | null = null;
  let realtime: Realtime | null = null;
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

  // One send in flight at a time, so the server stores messages in the order they were typed.
  async function flush() {
    if (sending || !realtime?.ready) return;
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
    outbox.remove(item.clientMessageId);
    apply({ type: 'send.failed', clientMessageId: item.clientMessageId, error: result.error });
  }

  async function bootstrap() {
    for (let attempt = 0; !stopped; attempt += 1) {
      try {
        const { session, conversation: history } = await loadConversation(deps.api, deps.tokens);
        token = session.visitorToken;
        apply({ type: 'hydrated', messages: history.messages, lastEventId: history.lastEventId });
        return;
      } catch {
        await delay(retryDelays[Math.min(attempt, retryDelays.length - 1)] ?? 5_000);
      }
    }
  }

  async function start() {
    await bootstrap();
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
      },
      deps.ackTimeoutMs === undefined ? {} : { ackTimeoutMs: deps.ackTimeoutMs },
    );
  }

  // The socket refused our token (rotated secret, another installation): start over as a new visitor.
  // Backs off in case HTTP keeps accepting tokens the socket refuses, so the loop cannot hammer the API.
  async function renewSession() {
    if (renewing) return;
    renewing = true;
    try {
      deps.tokens.clear();
      token = null;
      if (renewals > 0) await delay(Math.min(30_000, 1_000 * 2 ** renewals));
      renewals += 1;
      await bootstrap();
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
    void flush();
    return true;
  }

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
    realtime?.close();
  }
  onScopeDispose(stop);

  return {
    messages: computed(() => conversation.value.messages),
    connection,
    panelOpen,
    visible,
    start,
    stop,
    send,
    retry,
    close: () => deps.bridge.post({ type: 'keluh:close' }),
  };
}
