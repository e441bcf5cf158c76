import { watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useApi } from '../api/use-api.ts';
import { useSessionStore } from '../features/auth/session.store.ts';
import { useTicketListStore } from '../features/inbox/ticket-list.store.ts';
import { useChannelsStore } from '../features/settings/channels.store.ts';
import { useTicketDetailStore } from '../features/ticket/ticket-detail.store.ts';
import { useTicketMovesStore } from '../features/ticket/ticket-moves.store.ts';
import { useTemplatesStore } from '../features/ticket/templates.store.ts';
import { useUsersStore } from '../features/ticket/users.store.ts';
import { usePhrasesStore } from '../features/phrases/phrases.store.ts';
import { useCasesStore } from '../features/workflow/cases.store.ts';
import { usePanelStore } from '../features/workflow/panel.store.ts';
import { useWorkflowConfigStore } from '../features/workflow/workflow-config.store.ts';
import { useWorkflowStore } from '../features/workflow/workflow.store.ts';
import { useRealtimeStore } from '../realtime/realtime.store.ts';

/**
 * Signing in starts realtime; losing the session (sign-out or any 401) clears every store and returns
 * to the login page, remembering where the agent was.
 */
export function useSessionLifecycle(): void {
  const session = useSessionStore();
  const api = useApi();
  const realtime = useRealtimeStore();
  const list = useTicketListStore();
  const detail = useTicketDetailStore();
  const moves = useTicketMovesStore();
  const users = useUsersStore();
  const channels = useChannelsStore();
  const templates = useTemplatesStore();
  const workflow = useWorkflowStore();
  const phrases = usePhrasesStore();
  const cases = useCasesStore();
  const panel = usePanelStore();
  const workflowConfig = useWorkflowConfigStore();
  const router = useRouter();
  const route = useRoute();

  watch(
    () => session.isAuthenticated,
    (signedIn) => {
      if (signedIn) {
        realtime.hydrate({ check: () => api.me(), ended: () => session.reset() });
        void users.hydrate();
        // Loaded for every staff member: the rail warns when a channel needs reconnecting.
        void channels.hydrate();
        return;
      }
      realtime.reset();
      detail.reset();
      moves.reset();
      list.reset();
      users.reset();
      channels.reset();
      templates.reset();
      workflow.reset();
      phrases.reset();
      cases.reset();
      panel.reset();
      workflowConfig.reset();
      if (session.hydrated && !route.meta.public) {
        void router.replace({ name: 'login', query: { redirect: route.fullPath } });
      }
    },
    { immediate: true },
  );
}
