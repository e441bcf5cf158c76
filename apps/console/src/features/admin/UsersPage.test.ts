import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createAppI18n } from '../../i18n/index.ts';
import UsersPage from './UsersPage.vue';
import { json, requestLog, staffMember, team } from './admin.fixtures.ts';

type Route = (url: URL, init?: RequestInit) => Response;

function setup(route: Route, locale: 'en' | 'id' = 'en') {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => route(new URL(url, 'http://desk.test'), init));
  vi.stubGlobal('fetch', fetch);
  const pinia = createPinia();
  setActivePinia(pinia);
  const wrapper = mount(UsersPage, { attachTo: document.body, global: { plugins: [pinia, createAppI18n(locale)] } });
  const find = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
  return { fetch, wrapper, find };
}

async function type(element: HTMLElement | null, value: string): Promise<void> {
  const field = element as HTMLInputElement;
  field.value = value;
  field.dispatchEvent(new Event('input'));
  await flushPromises();
}

const billing = team(1, { name: 'Tagihan', memberIds: [2] });
const sari = staffMember(2, { name: 'Sari', email: 'sari@toko.id', teamIds: [1], capacities: [{ userId: 2, channel: 'whatsapp', maxOpen: 4 }] });
const gone = staffMember(3, { name: 'Joko', email: 'joko@toko.id', deactivatedAt: '2026-02-01T00:00:00.000Z' });

const server = (extra: Route = () => json(404, { error: { code: 'route.not_found' } })): Route => (url, init) => {
  if (url.pathname === '/api/admin/users' && (init?.method ?? 'GET') === 'GET') return json(200, { items: [sari, gone] });
  if (url.pathname === '/api/teams') return json(200, { items: [billing] });
  return extra(url, init);
};

describe('the Users settings page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('lists each person with role, teams, capacity per channel and whether they are active', async () => {
    setup(server());
    await flushPromises();
    const row = document.querySelector('[data-testid="user-row-sari@toko.id"]')!;
    expect(row.textContent).toContain('Sari');
    expect(row.querySelector('[data-testid="teams-sari@toko.id"]')!.textContent).toContain('Tagihan');
    expect(row.querySelector('[data-testid="capacity-sari@toko.id"] [data-capacity=whatsapp]')!.textContent!.trim()).toBe('4');
    expect(row.querySelector('[data-testid="status-sari@toko.id"]')!.textContent).toBe('Active');
    expect(document.querySelector('[data-testid="status-joko@toko.id"]')!.textContent).toBe('Deactivated');
    // A deactivated account offers nothing more to change.
    expect(document.querySelector('[data-testid="edit-joko@toko.id"]')).toBeNull();
  });

  it('an invitation shows the one-time password once, and closing the dialog forgets it', async () => {
    const invited = staffMember(9, { name: 'Dewi', email: 'dewi@toko.id', teamIds: [1] });
    const { fetch, find } = setup(server((url, init) => (url.pathname === '/api/admin/users' && init?.method === 'POST' ? json(201, { user: invited, oneTimePassword: 'Xy7-one-time-pass' }) : json(404, {}))));
    await flushPromises();
    find('invite-open')!.click();
    await flushPromises();
    await type(find('invite-name'), 'Dewi');
    await type(find('invite-email'), 'dewi@toko.id');
    (find('invite-team-1') as HTMLInputElement).click();
    find('invite-submit')!.closest('form')!.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(requestLog(fetch).find((r) => r.call === 'POST /api/admin/users')!.body).toEqual({ name: 'Dewi', email: 'dewi@toko.id', role: 'agent', teamIds: [1], language: 'id' });
    expect(find('one-time-password')!.textContent).toBe('Xy7-one-time-pass');
    expect(document.querySelector('[data-testid="user-row-dewi@toko.id"]')).not.toBeNull();
    find('invite-done')!.click();
    await flushPromises();
    find('invite-open')!.click();
    await flushPromises();
    expect(find('one-time-password')).toBeNull();
    expect(document.body.textContent).not.toContain('Xy7-one-time-pass');
  });

  it('a taken email is explained in Bahasa Indonesia and the dialog stays open to fix it', async () => {
    const { find } = setup(server(() => json(409, { error: { code: 'user.email_taken', message: 'taken' } })), 'id');
    await flushPromises();
    find('invite-open')!.click();
    await flushPromises();
    await type(find('invite-name'), 'Sari');
    await type(find('invite-email'), 'sari@toko.id');
    find('invite-submit')!.closest('form')!.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(find('invite-error')!.textContent).toBe('Email ini sudah dipakai akun lain.');
    expect(find('one-time-password')).toBeNull();
  });

  it('teams and per-channel capacity are saved together; an empty box falls back to the team default', async () => {
    const { fetch, find } = setup(
      server((url, init) => {
        if (url.pathname === '/api/admin/users/2/teams') return json(200, { teamIds: [] });
        if (url.pathname === '/api/admin/users/2/capacities') return json(200, { capacities: JSON.parse(String(init!.body)).capacities.map((c: object) => ({ userId: 2, ...c })) });
        return json(404, {});
      }),
    );
    await flushPromises();
    find('edit-sari@toko.id')!.click();
    await flushPromises();
    (find('edit-team-1') as HTMLInputElement).click();
    await type(find('capacity-whatsapp'), '');
    await type(find('capacity-instagram'), '7');
    find('user-edit-save')!.closest('form')!.dispatchEvent(new Event('submit'));
    await flushPromises();
    const log = requestLog(fetch);
    expect(log.find((r) => r.call === 'PUT /api/admin/users/2/teams')!.body).toEqual({ teamIds: [] });
    expect(log.find((r) => r.call === 'PUT /api/admin/users/2/capacities')!.body).toEqual({ capacities: [{ channel: 'instagram', maxOpen: 7 }] });
  });

  it('a capacity past 50 is refused with its message, and the teams are left as they were', async () => {
    const { fetch, find } = setup(server((url) => (url.pathname === '/api/admin/users/2/capacities' ? json(400, { error: { code: 'user.invalid_capacity', message: 'no' } }) : json(404, {}))));
    await flushPromises();
    find('edit-sari@toko.id')!.click();
    await flushPromises();
    (find('edit-team-1') as HTMLInputElement).click();
    await type(find('capacity-whatsapp'), '51');
    find('user-edit-save')!.closest('form')!.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(find('user-edit-error')!.textContent).toBe('A capacity is 0 to 50 open tickets.');
    expect(requestLog(fetch).some((r) => r.call === 'PUT /api/admin/users/2/teams')).toBe(false);
  });

  it('deactivating asks first, and only the confirmation sends it', async () => {
    const { fetch, find } = setup(server((url) => (url.pathname === '/api/admin/users/2/deactivate' ? json(200, sari) : json(404, {}))));
    await flushPromises();
    find('edit-sari@toko.id')!.click();
    await flushPromises();
    find('deactivate')!.click();
    await flushPromises();
    expect(find('deactivate-confirm')!.textContent).toContain('Deactivate Sari?');
    expect(requestLog(fetch).some((r) => r.call.includes('deactivate'))).toBe(false);
    find('deactivate-yes')!.click();
    await flushPromises();
    expect(requestLog(fetch).some((r) => r.call === 'POST /api/admin/users/2/deactivate')).toBe(true);
  });
});
