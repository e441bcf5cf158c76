import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { defineComponent, h, ref } from 'vue';
import { useListKeys } from './use-list-keys.ts';

function setup(selected: number | null) {
  const open = vi.fn();
  const ids = ref([11, 12, 13]);
  const Host = defineComponent({
    setup() {
      useListKeys(ids, ref(selected), open);
      return () => h('div', [h('input', { 'data-testid': 'search' }), ...ids.value.map((id) => h('a', { href: `#${id}`, 'data-testid': 'ticket-row', 'data-ticket-id': id }, String(id)))]);
    },
  });
  const wrapper = mount(Host, { attachTo: document.body });
  return { wrapper, open };
}

const press = (key: string, target: EventTarget = document.activeElement ?? document.body) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
const focusedId = () => (document.activeElement as HTMLElement | null)?.dataset.ticketId;

describe('moving through the ticket list from the keyboard', () => {
  let unmount: () => void = () => undefined;
  afterEach(() => unmount());

  it('j and k open the next and the previous ticket', () => {
    const { wrapper, open } = setup(12);
    unmount = () => wrapper.unmount();
    press('j');
    expect(open).toHaveBeenLastCalledWith(13);
    press('k');
    expect(open).toHaveBeenLastCalledWith(11);
  });

  it('arrows move the focus from the open ticket along the rows, so Enter opens the one in focus', () => {
    const { wrapper, open } = setup(12);
    unmount = () => wrapper.unmount();
    press('ArrowDown');
    expect(focusedId()).toBe('13');
    press('ArrowUp');
    press('ArrowUp');
    expect(focusedId()).toBe('11');
    expect(open).not.toHaveBeenCalled();
  });

  it('never moves while the agent types in a field', () => {
    const { wrapper, open } = setup(null);
    unmount = () => wrapper.unmount();
    const search = wrapper.get('[data-testid=search]').element as HTMLInputElement;
    search.focus();
    press('j', search);
    press('ArrowDown', search);
    expect(open).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(search);
  });
});
