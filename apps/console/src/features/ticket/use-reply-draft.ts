import { computed, onMounted, onUnmounted, ref, shallowRef, watch, type Ref } from 'vue';
import { ApiError, CLIENT_ERROR_CODES } from '../../api/http.ts';
import { useErrorMessage, type ShownError } from '../../i18n/use-error-message.ts';
import { useComposerStore } from './composer.store.ts';
import { replyCollisionOf, type ReplyCollisionView } from './reply-collision.ts';
import { useTicketDetailStore } from './ticket-detail.store.ts';

/**
 * The reply being written for one ticket: kept in the composer store (so it survives a reload), sent
 * now when online, queued when offline or when the request is lost on the way, and sent once back.
 */
export function useReplyDraft(ticketId: Ref<number>) {
  const composer = useComposerStore();
  const store = useTicketDetailStore();
  const describe = useErrorMessage();
  const sending = ref(false);
  const failure = ref<ShownError | null>(null);
  /** Another agent answered moments ago: held back until the agent cancels or sends anyway. */
  const collision = shallowRef<ReplyCollisionView | null>(null);

  const draft = computed({ get: () => composer.draftOf(ticketId.value), set: (value: string) => composer.setDraft(ticketId.value, value) });
  const pending = computed(() => composer.pendingOf(ticketId.value).length);

  async function send(body: string, options: { force?: boolean } = {}): Promise<boolean> {
    const id = ticketId.value;
    failure.value = null;
    collision.value = null;
    if (composer.offline) {
      composer.queue(id, body);
      return true;
    }
    sending.value = true;
    try {
      await (options.force ? store.send(body, { force: true }) : store.send(body));
      return true;
    } catch (error) {
      // Lost on the way: keep it for when the connection is back instead of making the agent retype it.
      if (error instanceof ApiError && error.code === CLIENT_ERROR_CODES.network) {
        composer.queue(id, body);
        return true;
      }
      collision.value = replyCollisionOf(error, body);
      if (!collision.value) failure.value = describe(error);
      return false;
    } finally {
      sending.value = false;
    }
  }

  async function flush(): Promise<void> {
    if (composer.offline || pending.value === 0) return;
    const refused = await composer.flush(ticketId.value, (body) => store.send(body));
    if (refused) failure.value = describe(refused);
  }

  watch(() => composer.offline, (offline) => !offline && void flush());
  // A queued reply refused while the store sent it (this ticket open or not): say why, once.
  watch(
    () => composer.refusals[ticketId.value],
    (refused) => refused && (failure.value = describe(composer.takeRefusal(ticketId.value))),
    { immediate: true },
  );
  onMounted(() => {
    composer.attach(ticketId.value);
    void flush();
  });
  onUnmounted(() => composer.detach(ticketId.value));

  /** Sends the held-back reply as it was; the draft is the caller's to clear. */
  function sendAnyway(): Promise<boolean> {
    const held = collision.value;
    return held ? send(held.body, { force: true }) : Promise.resolve(false);
  }

  return { draft, pending, sending, failure, collision, send, sendAnyway };
}
