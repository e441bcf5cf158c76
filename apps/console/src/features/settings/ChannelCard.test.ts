import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { ChannelViewDto } from '@keluh/contracts';
import { ApiError } from '../../api/http.ts';
import { createAppI18n } from '../../i18n/index.ts';
import ChannelCard from './ChannelCard.vue';
import { useChannelsStore } from './channels.store.ts';

const whatsapp: ChannelViewDto = {
  kind: 'whatsapp',
  settings: { appSecret: '••••cret', verifyToken: '••••oken', accessToken: '••••9f2a', phoneNumberId: '118220045566779', graphBaseUrl: 'https://graph.facebook.com', graphVersion: 'v23.0' },
  status: 'reconnect_needed',
  statusReason: 'The WhatsApp access token is expired or invalid; reconnect the channel.',
  webhookUrl: 'https://desk.example/webhooks/whatsapp',
  updatedAt: '2025-01-06T09:00:00.000Z',
};

function setup(view: ChannelViewDto | null, editable = true) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const store = useChannelsStore();
  const save = vi.fn(async (_kind: string, settings: Record<string, string>) => ({ ...whatsapp, status: 'active' as const, statusReason: null, settings: { ...whatsapp.settings, ...settings, accessToken: '••••w-42' } }));
  store.save = save as never;
  const wrapper = mount(ChannelCard, { props: { kind: 'whatsapp', view, editable }, global: { plugins: [pinia, createAppI18n('en')] } });
  return { wrapper, save, field: (name: string) => wrapper.get(`[data-testid=channel-field-${name}]`) };
}

describe('a channel card in the settings', () => {
  it('shows the status with its reason and the webhook URL to paste into Meta', () => {
    const { wrapper } = setup(whatsapp);
    expect(wrapper.get('[data-testid=channel-card]').attributes()).toMatchObject({ 'data-kind': 'whatsapp', 'data-status': 'reconnect_needed' });
    expect(wrapper.get('[data-testid=channel-status]').text()).toBe('Reconnect needed');
    expect(wrapper.get('[data-testid=channel-status-reason]').text()).toContain('expired or invalid');
    expect((wrapper.get('[data-testid=channel-webhook-url]').element as HTMLInputElement).value).toBe('https://desk.example/webhooks/whatsapp');
  });

  it('prefills secrets masked in password fields and sends untouched ones back masked', async () => {
    const { wrapper, save, field } = setup(whatsapp);
    expect(field('accessToken').attributes('type')).toBe('password');
    expect((field('accessToken').element as HTMLInputElement).value).toBe('••••9f2a');
    expect(wrapper.text()).toContain('Saved value ending in 9f2a');
    expect(wrapper.get('[data-testid=channel-save]').attributes('disabled')).toBeDefined();

    await field('accessToken').setValue('EAAG-new-42');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(save).toHaveBeenCalledWith('whatsapp', expect.objectContaining({ appSecret: '••••cret', accessToken: 'EAAG-new-42', phoneNumberId: '118220045566779' }));
    expect(wrapper.find('[data-testid=channel-saved]').exists()).toBe(true);
    expect((field('accessToken').element as HTMLInputElement).value).toBe('••••w-42');
  });

  it('checks the templates JSON before saving', async () => {
    const { wrapper, save, field } = setup(whatsapp);
    await field('templates').setValue('[{"name": "followup", "language": "id"}]');
    await wrapper.get('form').trigger('submit');
    expect(save).not.toHaveBeenCalled();
    const error = wrapper.get('[data-testid=channel-field-error]');
    expect(error.attributes('data-field')).toBe('templates');
    expect(error.text()).toBe('Entry 1: the body is empty.');
  });

  it('shows the server’s validation issues next to their fields', async () => {
    const { wrapper, save, field } = setup(whatsapp);
    save.mockRejectedValueOnce(new ApiError('validation.failed', 400, 'invalid', { issues: [{ path: 'body.graphBaseUrl', message: 'Invalid URL' }] }));
    await field('graphBaseUrl').setValue('https://graph.example');
    await field('accessToken').setValue('EAAG-for-the-new-host');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const error = wrapper.get('[data-testid=channel-field-error]');
    expect(error.attributes('data-field')).toBe('graphBaseUrl');
    expect(error.text()).toBe('Invalid URL');
    expect(wrapper.find('[data-testid=channel-error]').exists()).toBe(false);
  });

  it('asks for the token again before moving the Graph address to another host', async () => {
    const { wrapper, save, field } = setup(whatsapp);
    await field('graphBaseUrl').setValue('https://graph.example.org');
    await wrapper.get('form').trigger('submit');
    expect(save).not.toHaveBeenCalled();
    const error = wrapper.get('[data-testid=channel-field-error]');
    expect(error.attributes('data-field')).toBe('accessToken');
    expect(error.text()).toBe('Enter the access token again: the saved one is not sent to a new Graph address.');
  });

  it('shows a Graph address the server refuses as internal next to the field, in the admin’s language', async () => {
    const { wrapper, save, field } = setup(whatsapp);
    const issue = { path: 'body.graphBaseUrl', message: '127.0.0.1:3900: only https addresses are called' };
    save.mockRejectedValueOnce(new ApiError('outbound.blocked', 400, 'blocked', { field: 'graphBaseUrl', reason: 'scheme', issues: [issue] }));
    await field('graphBaseUrl').setValue('http://127.0.0.1:3900');
    await field('accessToken').setValue('EAAG-sim');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const error = wrapper.get('[data-testid=channel-field-error]');
    expect(error.attributes('data-field')).toBe('graphBaseUrl');
    expect(error.text()).toContain('only calls public https addresses');
    expect(wrapper.find('[data-testid=channel-error]').exists()).toBe(false);
  });

  it('is read-only for staff who are not admins', () => {
    const { wrapper, field } = setup(whatsapp, false);
    expect(field('accessToken').attributes('readonly')).toBeDefined();
    expect(wrapper.find('[data-testid=channel-save]').exists()).toBe(false);
  });

  it('shows a channel that was never connected as such', () => {
    const { wrapper } = setup(null);
    expect(wrapper.get('[data-testid=channel-card]').attributes('data-status')).toBe('not_connected');
    expect(wrapper.find('[data-testid=channel-webhook-url]').exists()).toBe(false);
  });
});
