import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { WorkflowStage } from './core-types.ts';

/** A move that needs a reason, asked for once whether it came from the stage bar or the palette. */
export type ReasonRequest = { kind: 'back'; to?: WorkflowStage } | { kind: 'override' } | { kind: 'notComplaint' };

export const useWorkflowDialogsStore = defineStore('workflowDialogs', () => {
  const request = ref<ReasonRequest | null>(null);
  const ask = (next: ReasonRequest) => void (request.value = next);
  const close = () => void (request.value = null);
  const reset = close;
  return { request, ask, close, reset };
});
