import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createAppI18n } from '../../i18n/index.ts';
import { message, ticket } from '../../test/fixtures.ts';
import { deliveryCategory, workflowSnapshot } from '../../test/workflow.fixtures.ts';
import { useComposerStore } from '../ticket/composer.store.ts';
import { useTicketDetailStore } from '../ticket/ticket-detail.store.ts';
import { useCommandsStore } from '../commands/commands.store.ts';
import DetailsPanel from './DetailsPanel.vue';
import { useWorkflowConfigStore } from './workflow-config.store.ts';
import { useWorkflowStore } from './workflow.store.ts';
import { usePanelCommands } from './use-panel-commands.ts';
import { defineComponent, h } from 'vue';

function setup(body: string, facts: ReturnType<typeof workflowSnapshot>['facts'] = []) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const detail = useTicketDetailStore();
  detail.detail = {
    ticket: ticket(1), customer: { id: 1, name: 'Rina', type: 'external', characteristic: 'new', language: 'id', email: null, phone: null, createdAt: '', updatedAt: '' },
    identities: [], messages: [message(31, 1, { body })], window: { channel: 'whatsapp', state: 'open', closesAt: null }, lastEventId: 1, notes: [], transitions: [], activities: [],
  } as never;
  const workflow = useWorkflowStore();
  workflow.ticketId = 1;
  workflow.snapshot = workflowSnapshot(1, { stage: 2, category: deliveryCategory, facts, workflow: { ...workflowSnapshot(1).workflow, stage: 2, category: 'delivery' } });
  const confirmFact = vi.fn(async () => workflow.snapshot!);
  workflow.confirmFact = confirmFact;
  const config = useWorkflowConfigStore();
  config.hydrate = vi.fn(async () => undefined);
  // The panel's commands register beside it, as the right panel does.
  const Host = defineComponent({ setup: () => (usePanelCommands(), () => h(DetailsPanel)) });
  const wrapper = mount(Host, { global: { plugins: [pinia, createAppI18n('en')] } });
  return { wrapper, confirmFact };
}

describe('gathering the details of a complaint', () => {
  beforeEach(() => localStorage.clear());

  it('proposes the order number found in the customer’s message, and confirms it with its source', async () => {
    const { wrapper, confirmFact } = setup('Pesanan #INV-20931 belum sampai, sudah bayar Rp 45.000');
    const row = wrapper.get('[data-testid=fact-row][data-key=order_number]');
    expect(row.attributes('data-state')).toBe('proposed');
    expect(row.get('[data-testid=fact-proposal]').text()).toContain('INV-20931');
    await row.get('[data-testid=fact-proposal]').trigger('click');
    expect(confirmFact).toHaveBeenCalledWith('order_number', 'INV-20931', 31);
  });

  it('offers each proposal as a palette command too', () => {
    setup('Pesanan #INV-20931 belum sampai, sudah bayar Rp 45.000');
    const labels = useCommandsStore().all.map((c) => c.label);
    expect(labels).toContain('Confirm Order number: INV-20931');
    expect(labels).toContain('Confirm Amount: 45000');
  });

  it('shows a confirmed fact instead of proposing it again', () => {
    const { wrapper } = setup('Pesanan #INV-20931', [{ ticketId: 1, key: 'order_number', value: 'INV-20931', source: 'detected', sourceMessageId: 31, confirmedBy: 7, confirmedAt: '' }]);
    const row = wrapper.get('[data-testid=fact-row][data-key=order_number]');
    expect(row.attributes('data-state')).toBe('confirmed');
    expect(row.get('[data-testid=fact-value]').text()).toBe('INV-20931');
  });

  it('saves a fact the agent typed on Enter', async () => {
    const { wrapper, confirmFact } = setup('Paketnya rusak');
    const input = wrapper.get('[data-testid=fact-row][data-key=what_failed] [data-testid=fact-input]');
    await input.setValue('Kemasan sobek');
    await input.trigger('keydown', { key: 'Enter' });
    expect(confirmFact).toHaveBeenCalledWith('what_failed', 'Kemasan sobek');
  });

  it('puts a suggested question for a missing required fact into the reply, in the customer’s language', async () => {
    const { wrapper } = setup('Paketnya belum datang');
    const questions = wrapper.findAll('[data-testid=question-insert]').map((q) => q.text());
    expect(questions).toEqual(['Boleh minta nomor pesanannya?', 'Apa yang terjadi?']);
    await wrapper.get('[data-testid=question-insert]').trigger('click');
    await flushPromises();
    expect(useComposerStore().draftOf(1)).toBe('Boleh minta nomor pesanannya?');
  });
});
