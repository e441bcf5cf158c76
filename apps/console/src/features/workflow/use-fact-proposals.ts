import { computed } from 'vue';
import { useTicketDetailStore } from '../ticket/ticket-detail.store.ts';
import { extractFacts, proposalsFor } from './core-rules.ts';
import { useWorkflowStore } from './workflow.store.ts';

/**
 * Facts found in the customer's messages that the category asks for and nobody confirmed yet: computed
 * here with core's extractor over the messages the console already has, so ingest pays nothing for it.
 */
export function useFactProposals() {
  const detail = useTicketDetailStore();
  const workflow = useWorkflowStore();
  const found = computed(() => extractFacts(detail.detail?.messages ?? []));
  return computed(() => {
    const snapshot = workflow.snapshot;
    return snapshot ? proposalsFor(snapshot.category, snapshot.facts, found.value) : [];
  });
}
