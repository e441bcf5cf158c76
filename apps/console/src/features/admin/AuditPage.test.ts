import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { AuditEntryDto } from '@keluh/contracts';
import { createAppI18n } from '../../i18n/index.ts';
import AuditPage from './AuditPage.vue';
import { json, staffMember } from './admin.fixtures.ts';

const entry = (id: number, overrides: Partial<AuditEntryDto> = {}): AuditEntryDto => ({
  id, action: 'user.role_changed', actorUserId: 1, target: `user:${id}`, data: { from: 'agent', to: 'supervisor' }, at: '2026-03-02T08:00:00.000Z', ...overrides,
});

function setup(pages: (url: URL) => { items: AuditEntryDto[]; nextBefore: number | null }) {
  const fetch = vi.fn(async (raw: string) => {
    const url = new URL(raw, 'http://desk.test');
    if (url.pathname === '/api/audit') return json(200, pages(url));
    if (url.pathname === '/api/admin/users') return json(200, { items: [staffMember(1, { name: 'Kepala Toko' })] });
    return json(200, { items: [] });
  });
  vi.stubGlobal('fetch', fetch);
  const pinia = createPinia();
  setActivePinia(pinia);
  mount(AuditPage, { attachTo: document.body, global: { plugins: [pinia, createAppI18n('en')] } });
  const audits = () => fetch.mock.calls.map(([url]) => String(url)).filter((url) => url.startsWith('/api/audit'));
  return { audits };
}

describe('the Audit settings page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('shows who did what, newest first, and loads older entries after the last one shown', async () => {
    const { audits } = setup((url) => (url.searchParams.get('before') === '8' ? { items: [entry(7, { actorUserId: null, action: 'secret.rotated' })], nextBefore: null } : { items: [entry(9), entry(8)], nextBefore: 8 }));
    await flushPromises();
    const rows = () => [...document.querySelectorAll('[data-testid=audit-table] tbody tr')].map((row) => row.textContent);
    expect(rows()).toHaveLength(2);
    expect(rows()[0]).toContain('Kepala Toko');
    expect(rows()[0]).toContain('Role changed');
    document.querySelector<HTMLElement>('[data-testid=audit-more]')!.click();
    await flushPromises();
    expect(audits().at(-1)).toBe('/api/audit?limit=50&before=8');
    expect(rows()).toHaveLength(3);
    expect(rows()[2]).toContain('System');
    expect(rows()[2]).toContain('Secret rotated');
    expect(document.querySelector('[data-testid=audit-more]')).toBeNull();
  });

  it('filtering by an action asks the server for that action only, from the newest again', async () => {
    const { audits } = setup(() => ({ items: [entry(3)], nextBefore: null }));
    await flushPromises();
    const select = document.querySelector<HTMLSelectElement>('[data-testid=audit-action]')!;
    select.value = 'secret.rotated';
    select.dispatchEvent(new Event('change'));
    await flushPromises();
    expect(audits().at(-1)).toBe('/api/audit?limit=50&action=secret.rotated');
  });
});
