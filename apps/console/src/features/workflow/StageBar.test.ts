import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createAppI18n } from '../../i18n/index.ts';
import { deliveryCategory, workflowSnapshot } from '../../test/workflow.fixtures.ts';
import StageBar from './StageBar.vue';
import WorkflowDialogs from './WorkflowDialogs.vue';
import { useWorkflowStore } from './workflow.store.ts';
import type { WorkflowSnapshotDto } from './core-types.ts';

function setup(snapshot: WorkflowSnapshotDto, language: 'id' | 'en' = 'id') {
  const pinia = createPinia();
  setActivePinia(pinia);
  const store = useWorkflowStore();
  store.ticketId = snapshot.workflow.ticketId;
  store.snapshot = snapshot;
  const transition = vi.fn(async () => snapshot);
  store.transition = transition;
  const wrapper = mount(
    { components: { StageBar, WorkflowDialogs }, template: '<StageBar :stage="1" /><WorkflowDialogs />' },
    { global: { plugins: [pinia, createAppI18n(language)] }, attachTo: document.body },
  );
  return { wrapper, transition };
}

const inStage2 = (overrides: Partial<WorkflowSnapshotDto> = {}) =>
  workflowSnapshot(1, {
    stage: 2,
    category: deliveryCategory,
    evaluation: { stage: 2, met: ['category_chosen'], missing: ['fact:order_number'], canAdvance: false, next: 3, canGoBackTo: [1] },
    ...overrides,
  });

describe('the stage bar', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('says in the agent’s language what is still missing to move on', () => {
    const { wrapper } = setup(workflowSnapshot(1));
    expect(wrapper.get('[data-testid=stage-missing]').text()).toBe('Balasan pertama belum dikirim');
    wrapper.unmount();
    const second = setup(inStage2(), 'id');
    expect(second.wrapper.get('[data-testid=stage-missing]').text()).toBe('Nomor pesanan belum ada');
  });

  it('advances at once when core says the criteria are met', async () => {
    const { wrapper, transition } = setup(workflowSnapshot(1, { evaluation: { stage: 1, met: ['agent_reply_sent'], missing: [], canAdvance: true, next: 2, canGoBackTo: [] } }));
    expect(wrapper.find('[data-testid=stage-back]').exists()).toBe(false);
    await wrapper.get('[data-testid=stage-advance]').trigger('click');
    expect(transition).toHaveBeenCalledWith(2);
  });

  it('asks for a reason before overriding unmet criteria, and sends it', async () => {
    const { wrapper, transition } = setup(inStage2());
    await wrapper.get('[data-testid=stage-advance]').trigger('click');
    await flushPromises();
    expect(transition).not.toHaveBeenCalled();
    const input = document.querySelector<HTMLTextAreaElement>('[data-testid=reason-input]')!;
    input.value = 'Pelanggan menelepon, nomor pesanan menyusul';
    input.dispatchEvent(new Event('input'));
    await flushPromises();
    document.querySelector<HTMLButtonElement>('[data-testid=reason-confirm]')!.click();
    await flushPromises();
    expect(transition).toHaveBeenCalledWith(3, 'Pelanggan menelepon, nomor pesanan menyusul');
  });

  it('going back always asks for a reason first', async () => {
    const { wrapper, transition } = setup(inStage2());
    await wrapper.get('[data-testid=stage-back]').trigger('click');
    await flushPromises();
    expect(document.querySelector('[data-testid=reason-dialog]')).not.toBeNull();
    const confirm = document.querySelector<HTMLButtonElement>('[data-testid=reason-confirm]')!;
    expect(confirm.disabled).toBe(true);
    expect(transition).not.toHaveBeenCalled();
  });

  it('a ticket marked “not a complaint” shows why, offers no stage move and can be marked a complaint again', async () => {
    const frozen = workflowSnapshot(1, {
      workflow: { ...workflowSnapshot(1).workflow, complaint: false, notComplaintReason: 'Pertanyaan stok, bukan keluhan' },
      evaluation: { stage: 1, met: [], missing: [], canAdvance: false, next: null, canGoBackTo: [] },
    });
    const { wrapper } = setup(frozen, 'en');
    const setComplaint = vi.fn(async () => frozen);
    useWorkflowStore().setComplaint = setComplaint;
    expect(wrapper.get('[data-testid=stage-not-complaint]').text()).toBe('Not a complaint: Pertanyaan stok, bukan keluhan');
    expect(wrapper.find('[data-testid=stage-advance]').exists()).toBe(false);
    await wrapper.get('[data-testid=stage-mark-complaint]').trigger('click');
    expect(setComplaint).toHaveBeenCalledWith(true);
  });

  it('highlights a ticket that has sat in its stage past the threshold', () => {
    vi.useFakeTimers({ now: new Date(Date.UTC(2025, 0, 6, 9, 30)), toFake: ['Date'] });
    const { wrapper } = setup(workflowSnapshot(1, { thresholdMs: 15 * 60_000 }), 'en');
    expect(wrapper.get('[data-testid=stage-bar]').attributes('data-stuck')).toBe('true');
    expect(wrapper.get('[data-testid=stage-time]').text()).toContain('Stuck: past the 15m limit');
  });

  it('shows time in stage while the ticket is within its threshold', () => {
    vi.useFakeTimers({ now: new Date(Date.UTC(2025, 0, 6, 9, 7)), toFake: ['Date'] });
    const { wrapper } = setup(workflowSnapshot(1), 'en');
    expect(wrapper.get('[data-testid=stage-bar]').attributes('data-stuck')).toBeUndefined();
    expect(wrapper.get('[data-testid=stage-time]').text()).toContain('In this stage for 7m');
  });
});
