import { ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import type { AgentEvent, CreatePromiseBody, TransitionBody, UpdateWorkflowBody } from '@keluh/contracts';
import { ApiError } from '../../api/http.ts';
import { useApi } from '../../api/use-api.ts';
import { useLiveEvents } from '../../realtime/use-live-events.ts';
import { useSessionStore } from '../auth/session.store.ts';
import { useTicketDetailStore } from '../ticket/ticket-detail.store.ts';
import { applyEventToWorkflow, newer, ownReplyCompletes, staleEvaluation } from './apply-event.ts';
import { completedByUs } from './move-on.ts';
import type { WorkflowSnapshotDto, WorkflowStage } from './core-types.ts';

/** The open ticket's workflow snapshot, replaced by `workflow.updated` events and by our own answers. */
export const useWorkflowStore = defineStore('workflow', () => {
  const api = useApi();
  const detail = useTicketDetailStore();
  const session = useSessionStore();

  const ticketId = ref<number | null>(null);
  const snapshot = shallowRef<WorkflowSnapshotDto | null>(null);
  const loading = ref(false);
  const busy = ref(false);
  const error = shallowRef<unknown>(null);
  let request: AbortController | null = null;

  // No log position of its own: the snapshot's updatedAt guards against replays and races instead.
  useLiveEvents({
    applyEvents,
    reload: () => {
      if (ticketId.value !== null) void hydrate(ticketId.value);
    },
  });

  async function hydrate(id: number | null): Promise<void> {
    request?.abort();
    ticketId.value = id;
    if (snapshot.value?.workflow.ticketId !== id) snapshot.value = null;
    error.value = null;
    if (id === null) return void (loading.value = false);
    const controller = new AbortController();
    request = controller;
    loading.value = true;
    try {
      const loaded = await api.workflow(id, controller.signal);
      if (request === controller) accept(loaded);
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
    let state = snapshot.value;
    if (!state) return;
    const stale = events.some((event) => staleEvaluation(state!, event));
    const before = state.evaluation;
    const ourReply = events.some((event) => ownReplyCompletes(state!, event, session.user?.id ?? null));
    for (const event of events) state = applyEventToWorkflow(state, event);
    if (state !== snapshot.value) snapshot.value = state;
    if (stale && ticketId.value !== null) {
      const id = ticketId.value;
      // Our own first reply is stage 1's exit: once the fresh evaluation agrees, the ticket moves on.
      if (ourReply) void moveOnIfComplete(id, before, true);
      else void hydrate(id);
    }
  }

  /**
   * Moves on when our own change just completed the stage (docs/workflow.md §Console): the agent who did
   * the last thing a stage needs should not also have to say "next". Only the console that made the change
   * does it, and without the ticket's version — the server re-checks the criteria under the ticket's lock,
   * so a stale copy here cannot push a ticket past what it needs. Going back (with a reason) stays manual.
   */
  async function moveOnIfComplete(id: number, before: WorkflowSnapshotDto['evaluation'] | undefined, reread = false): Promise<void> {
    try {
      // Read afresh ourselves rather than through hydrate(): a live event may start another hydrate that
      // aborts ours, and the move would then be judged on the evaluation from before the change.
      if (reread) accept(await api.workflow(id));
      const after = snapshot.value;
      if (ticketId.value !== id || !after || !completedByUs(before, after)) return;
      accept(await api.transition(id, { to: after.evaluation.next! }));
    } catch {
      // Someone moved it first, or it changed meanwhile: the stage bar still offers the move.
    }
  }

  /** A change of ours, then the move on if it completed the stage. */
  async function changeAndMoveOn<T>(call: (id: number) => Promise<T>, apply: (result: T) => void, reread = false): Promise<T> {
    const id = ticketId.value;
    const before = snapshot.value?.evaluation;
    const result = await change(call, apply);
    if (id !== null) await moveOnIfComplete(id, before, reread);
    return result;
  }

  function accept(incoming: WorkflowSnapshotDto): void {
    if (incoming.workflow.ticketId === ticketId.value && newer(incoming, snapshot.value)) snapshot.value = incoming;
  }

  /** Runs one change on the open ticket; a conflict reloads, so the agent decides again on what is current. */
  async function change<T>(call: (id: number) => Promise<T>, apply: (result: T) => void): Promise<T> {
    const id = ticketId.value;
    if (id === null) throw new Error('No ticket is open');
    busy.value = true;
    try {
      const result = await call(id);
      if (ticketId.value === id) apply(result);
      return result;
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'ticket.conflict') {
        void hydrate(id);
        void detail.hydrate(id);
      }
      throw cause;
    } finally {
      busy.value = false;
    }
  }

  const version = () => detail.detail?.ticket.version;
  const transition = (to: WorkflowStage, reason?: string) => {
    const body: TransitionBody = { to, ...(reason ? { reason } : {}), ...(version() ? { version: version() } : {}) };
    return change((id) => api.transition(id, body), accept);
  };
  const update = (body: UpdateWorkflowBody) => changeAndMoveOn((id) => api.updateWorkflow(id, body), accept);
  const confirmFact = (key: string, value: string, sourceMessageId?: number) =>
    changeAndMoveOn((id) => api.setFact(id, key, { value, ...(sourceMessageId ? { sourceMessageId } : {}) }), accept);
  const removeFact = (key: string) => change((id) => api.removeFact(id, key), accept);
  const setComplaint = (complaint: boolean, reason?: string) =>
    change((id) => api.setComplaint(id, { complaint, ...(reason ? { reason } : {}) }), accept);
  // A promise or a review changes the stage's criteria too: read the evaluation again after our own.
  // A promise answers with itself, not the snapshot: the evaluation is read again before judging the move.
  const makePromise = (body: CreatePromiseBody) =>
    changeAndMoveOn(
      (id) => api.makePromise(id, body),
      (promise) => snapshot.value && (snapshot.value = { ...snapshot.value, promise }),
      true,
    );
  const settlePromise = (promiseId: number, state: 'kept' | 'broken' | 'cancelled') =>
    change(() => api.settlePromise(promiseId, state), (promise) => snapshot.value && (snapshot.value = { ...snapshot.value, promise }));
  const requestReview = () =>
    change((id) => api.requestReview(id), (review) => snapshot.value && ((snapshot.value = { ...snapshot.value, review }), void hydrate(review.ticketId)));

  function reset(): void {
    request?.abort();
    request = null;
    ticketId.value = null;
    snapshot.value = null;
    loading.value = false;
    busy.value = false;
    error.value = null;
  }

  return { ticketId, snapshot, loading, busy, error, hydrate, reset, transition, update, confirmFact, removeFact, setComplaint, makePromise, settlePromise, requestReview };
});
