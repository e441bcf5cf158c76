import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { SlaPolicyDto } from '@keluh/contracts';
import { createAppI18n } from '../../i18n/index.ts';
import SlaPoliciesSection from './SlaPoliciesSection.vue';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const policy: SlaPolicyDto = {
  id: 1, priority: 'high', channel: 'whatsapp', teamId: null, customerType: null, firstResponseSeconds: 1800, nextResponseSeconds: 3600, resolutionSeconds: 28_800,
  businessHours: true, escalation: ['notify_supervisors'], createdAt: '', updatedAt: '',
};

function setup(answer: (body: unknown) => Response) {
  const sent: unknown[] = [];
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init?: RequestInit) => {
    const body: unknown = JSON.parse(String(init?.body ?? '{}'));
    sent.push(body);
    return answer(body);
  }));
  const pinia = createPinia();
  setActivePinia(pinia);
  const wrapper = mount(SlaPoliciesSection, { props: { policies: [policy], editable: true }, global: { plugins: [pinia, createAppI18n('en')] } });
  return { wrapper, sent };
}

describe('the SLA policies table', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads targets in hours and minutes and names the escalation rules', () => {
    const { wrapper } = setup(() => json(201, policy));
    expect(wrapper.get('[data-testid=sla-policy-row]').text()).toContain('30 min');
    expect(wrapper.get('[data-testid=sla-policy-row]').text()).toContain('8 h');
    expect(wrapper.get('[data-testid=sla-policy-row]').text()).toContain('Notify supervisors');
  });

  it('sends a new policy’s hours and minutes as seconds, empty fields as no clock', async () => {
    const { wrapper, sent } = setup(() => json(201, policy));
    await wrapper.get('[data-testid=sla-first-hours]').setValue('1');
    await wrapper.get('[data-testid=sla-first-minutes]').setValue('30');
    await wrapper.get('[data-testid=sla-policy-form]').trigger('submit');
    await flushPromises();
    expect(sent[0]).toEqual({ priority: 'normal', firstResponseSeconds: 5400, nextResponseSeconds: null, resolutionSeconds: null, businessHours: true, escalation: [] });
    expect(wrapper.emitted('changed')).toHaveLength(1);
  });

  it('shows the server’s refusal of a zero target in the agent’s words, with its code', async () => {
    const { wrapper } = setup(() => json(400, { error: { code: 'sla.invalid_target', message: 'firstResponseSeconds must be positive' } }));
    await wrapper.get('[data-testid=sla-first-minutes]').setValue('0');
    await wrapper.get('[data-testid=sla-policy-form]').trigger('submit');
    await flushPromises();
    const error = wrapper.get('[data-testid=sla-policy-error]');
    expect(error.attributes('data-code')).toBe('sla.invalid_target');
    expect(error.text()).toBe('A target must be more than 0, or left empty for no clock.');
    expect(wrapper.emitted('changed')).toBeUndefined();
  });
});
