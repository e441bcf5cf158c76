import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ChatComposer from './ChatComposer.vue';

describe('the composer', () => {
  it('sends on Enter and clears, but adds a line on Shift+Enter', async () => {
    const wrapper = mount(ChatComposer);
    const input = wrapper.get('[data-testid=widget-input]');
    await input.setValue('Halo');
    await input.trigger('keydown', { key: 'Enter', shiftKey: true });
    expect(wrapper.emitted('send')).toBeUndefined();
    await input.trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('send')).toEqual([['Halo']]);
    expect((input.element as HTMLTextAreaElement).value).toBe('');
  });

  it('keeps the send button disabled for blank text', async () => {
    const wrapper = mount(ChatComposer);
    await wrapper.get('[data-testid=widget-input]').setValue('   ');
    expect(wrapper.get('[data-testid=widget-send]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid=widget-input]').trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('send')).toBeUndefined();
  });

  it('shows the count and refuses to send past 4,096 characters', async () => {
    const wrapper = mount(ChatComposer);
    const input = wrapper.get('[data-testid=widget-input]');
    await input.setValue('x'.repeat(4100));
    expect(wrapper.text()).toContain('4100/4096');
    expect(wrapper.get('[data-testid=widget-send]').attributes('disabled')).toBeDefined();
    await input.trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('send')).toBeUndefined();
  });
});
