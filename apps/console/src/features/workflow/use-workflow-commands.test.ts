import { describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { defineComponent } from 'vue';
import { mount } from '@vue/test-utils';
import { createAppI18n } from '../../i18n/index.ts';
import { workflowSnapshot } from '../../test/workflow.fixtures.ts';
import { useCommandsStore } from '../commands/commands.store.ts';
import { useWorkflowCommands } from './use-workflow-commands.ts';
import { useWorkflowStore } from './workflow.store.ts';
import type { WorkflowSnapshotDto } from './core-types.ts';

/** The commands the workflow registers for a snapshot, as the palette would list them. */
function commandsFor(snapshot: WorkflowSnapshotDto): string[] {
  const pinia = createPinia();
  setActivePinia(pinia);
  useWorkflowStore().snapshot = snapshot;
  const Feature = defineComponent({ setup: () => (useWorkflowCommands(), () => null) });
  mount(Feature, { global: { plugins: [pinia, createAppI18n('en')] } });
  return useCommandsStore().all.map((command) => command.label);
}

describe('the workflow commands in the palette', () => {
  it('offer the advance core allows, and going back only where core says it can', () => {
    const stage2 = workflowSnapshot(1, { stage: 2, evaluation: { stage: 2, met: [], missing: ['category_chosen'], canAdvance: false, next: 3, canGoBackTo: [1] } });
    expect(commandsFor(stage2)).toEqual(['Advance to stage 3: Map the problem', 'Go back a stage…', 'Mark as not a complaint…']);
  });

  it('offer no advance at the last stage and no going back from the first', () => {
    expect(commandsFor(workflowSnapshot(1, { stage: 1, evaluation: { stage: 1, met: [], missing: [], canAdvance: true, next: 2, canGoBackTo: [] } }))).not.toContain('Go back a stage…');
    expect(commandsFor(workflowSnapshot(1, { stage: 5, evaluation: { stage: 5, met: [], missing: [], canAdvance: false, next: null, canGoBackTo: [1, 2, 3, 4] } })).some((label) => label.startsWith('Advance'))).toBe(false);
  });

  it('offer only marking it a complaint again while a ticket is marked not one', () => {
    const frozen = workflowSnapshot(1, { workflow: { ...workflowSnapshot(1).workflow, complaint: false, notComplaintReason: 'Tanya stok' }, evaluation: { stage: 1, met: [], missing: [], canAdvance: false, next: null, canGoBackTo: [] } });
    expect(commandsFor(frozen)).toEqual(['Mark as a complaint']);
  });
});
