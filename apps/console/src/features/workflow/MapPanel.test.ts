import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { ResolutionRecordDto } from '@keluh/contracts';
import { createAppI18n } from '../../i18n/index.ts';
import { workflowSnapshot } from '../../test/workflow.fixtures.ts';
import { useCasesStore } from './cases.store.ts';
import MapPanel from './MapPanel.vue';
import { useWorkflowConfigStore } from './workflow-config.store.ts';
import { useWorkflowStore } from './workflow.store.ts';

const record = (id: number, overrides: Partial<ResolutionRecordDto> = {}): ResolutionRecordDto => ({
  id, ticketId: 100 + id, customerId: 1, channel: 'whatsapp', subject: `Paket telat ${id}`, category: 'delivery', facts: {}, rootCause: 'courier_delay',
  rootCauseNote: null, solution: 'Kurir kirim ulang keesokan harinya', customerText: '', timeToFixMs: 26 * 3_600_000, promiseKept: true, rating: 4, resolvedAt: '', ...overrides,
});

function setup(linkedCaseId: number | null = null) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const workflow = useWorkflowStore();
  workflow.ticketId = 1;
  workflow.snapshot = workflowSnapshot(1, { stage: 3, workflow: { ...workflowSnapshot(1).workflow, stage: 3, linkedCaseId } });
  const update = vi.fn(async () => workflow.snapshot!);
  workflow.update = update;
  const cases = useCasesStore();
  const hydrateSimilar = vi.fn(async (id: number) => {
    cases.ticketId = id;
    cases.similar = [{ record: record(9), score: 2.1 }, { record: record(4, { rating: null, solution: null }), score: 1.2 }];
  });
  cases.hydrateSimilar = hydrateSimilar;
  const config = useWorkflowConfigStore();
  config.hydrate = vi.fn(async () => undefined);
  const wrapper = mount(MapPanel, { global: { plugins: [pinia, createAppI18n('en')] } });
  return { wrapper, update, hydrateSimilar };
}

describe('mapping the problem against past cases', () => {
  it('lists similar past cases with what fixed them, how long it took and their rating', async () => {
    const { wrapper, hydrateSimilar } = setup();
    await flushPromises();
    expect(hydrateSimilar).toHaveBeenCalledWith(1);
    const [first, second] = wrapper.findAll('[data-testid=similar-case]');
    expect(first!.text()).toContain('Kurir kirim ulang keesokan harinya');
    expect(first!.text()).toContain('Took 1d');
    expect(first!.text()).toContain('Rated 4/5');
    expect(second!.text()).toContain('Not rated');
  });

  it('links the case that applies, and marks it linked', async () => {
    const { wrapper, update } = setup();
    await flushPromises();
    await wrapper.findAll('[data-testid=case-link]')[0]!.trigger('click');
    expect(update).toHaveBeenCalledWith({ linkedCaseId: 9 });
    const linked = setup(9);
    await flushPromises();
    expect(linked.wrapper.get('[data-case-id="9"]').text()).toContain('Linked');
  });
});
