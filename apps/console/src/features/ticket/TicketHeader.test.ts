import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createAppI18n } from '../../i18n/index.ts';
import { ticket } from '../../test/fixtures.ts';
import { useCommandsStore } from '../commands/commands.store.ts';
import { useSessionStore } from '../auth/session.store.ts';
import TicketHeader from './TicketHeader.vue';
import { useTicketDetailStore } from './ticket-detail.store.ts';
import { useUsersStore } from './users.store.ts';

function setup() {
  const pinia = createPinia();
  setActivePinia(pinia);
  const store = useTicketDetailStore();
  const update = vi.fn(async () => undefined);
  store.update = update;
  const users = useUsersStore();
  users.hydrate = vi.fn(async () => undefined);
  users.items = [{ id: 7, name: 'Dewi' }, { id: 8, name: 'Bayu' }] as never;
  useSessionStore().user = { id: 7, name: 'Dewi', role: 'agent' } as never;
  const wrapper = mount(TicketHeader, { props: { ticket: ticket(1, { assigneeId: 8, assignee: { id: 8, name: 'Bayu' } }) }, global: { plugins: [pinia, createAppI18n('en')] }, attachTo: document.body });
  return { wrapper, update };
}

describe('the ticket header’s menus', () => {
  let unmount = () => undefined as void;
  afterEach(() => unmount());

  it('names each menu by its label and current value', () => {
    const { wrapper } = setup();
    unmount = () => wrapper.unmount();
    expect(wrapper.get('[data-testid=ticket-status-select]').attributes('aria-label')).toBe('Status: Open');
    expect(wrapper.get('[data-testid=ticket-assignee-select]').attributes('aria-label')).toBe('Assignee: Bayu');
  });

  it('changes the status from the keyboard: open the menu, move, Enter', async () => {
    const { wrapper, update } = setup();
    unmount = () => wrapper.unmount();
    const trigger = wrapper.get('[data-testid=ticket-status-select]');
    (trigger.element as HTMLElement).focus();
    await trigger.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    const pending = document.querySelector<HTMLElement>('[data-testid=ticket-status-select-option][data-value=pending]')!;
    pending.focus();
    pending.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await flushPromises();
    expect(update).toHaveBeenCalledWith({ status: 'pending' });
  });

  it('offers the same changes as palette commands, leaving out what would change nothing', () => {
    const { wrapper } = setup();
    unmount = () => wrapper.unmount();
    const ids = useCommandsStore().all.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['ticket.assign.me', 'ticket.unassign', 'ticket.status.pending', 'ticket.priority.high']));
    expect(ids).not.toContain('ticket.status.open');
    expect(ids).not.toContain('ticket.assign.8');
  });
});
