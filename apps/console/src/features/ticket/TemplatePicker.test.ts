import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createAppI18n } from '../../i18n/index.ts';
import TemplatePicker from './TemplatePicker.vue';
import { useTemplatesStore } from './templates.store.ts';

function setup() {
  const pinia = createPinia();
  setActivePinia(pinia);
  const templates = useTemplatesStore();
  templates.items = [
    { name: 'followup', language: 'id', body: 'Halo {{1}}' },
    { name: 'followup', language: 'en', body: 'Hi {{1}}' },
  ];
  templates.loaded = true;
  templates.hydrate = vi.fn(async () => undefined);
  return mount(TemplatePicker, { props: { language: 'id', sending: false }, global: { plugins: [pinia, createAppI18n('en')] }, attachTo: document.body });
}

const selected = (wrapper: ReturnType<typeof setup>) => wrapper.get('[data-testid=template-option][aria-selected=true]').attributes('data-language');

describe('choosing a WhatsApp template', () => {
  it('switches to the template clicked, and keeps it chosen when it is clicked again', async () => {
    const wrapper = setup();
    expect(selected(wrapper)).toBe('id');
    const [first, second] = wrapper.findAll('[data-testid=template-option]');
    await second!.trigger('click');
    await flushPromises();
    expect(selected(wrapper)).toBe('en');
    await second!.trigger('click');
    await flushPromises();
    expect(selected(wrapper)).toBe('en');
    expect(first!.attributes('role')).toBe('option');
    expect(wrapper.get('[role=listbox]').attributes('aria-label')).toBe('Templates');
    wrapper.unmount();
  });
});
