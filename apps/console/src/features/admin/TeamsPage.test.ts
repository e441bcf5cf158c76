import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createAppI18n } from '../../i18n/index.ts';
import TeamsPage from './TeamsPage.vue';
import { json, requestLog, staffMember, team } from './admin.fixtures.ts';

function setup(route: (url: URL, init?: RequestInit) => Response) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => route(new URL(url, 'http://desk.test'), init));
  vi.stubGlobal('fetch', fetch);
  const pinia = createPinia();
  setActivePinia(pinia);
  mount(TeamsPage, { attachTo: document.body, global: { plugins: [pinia, createAppI18n('en')] } });
  const find = <T extends HTMLElement = HTMLElement>(testid: string) => document.querySelector<T>(`[data-testid="${testid}"]`);
  return { fetch, find };
}

const makassar = team(4, { name: 'Makassar', timeZone: 'Asia/Makassar', memberIds: [2] });
const sari = staffMember(2, { name: 'Sari', email: 'sari@toko.id', teamIds: [4] });
const budi = staffMember(5, { name: 'Budi', email: 'budi@toko.id' });

describe('the Teams settings page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('offers WIB, WITA and WIT before every other zone', async () => {
    const { find } = setup((url) => (url.pathname === '/api/teams' ? json(200, { items: [makassar] }) : json(200, { items: [sari, budi] })));
    await flushPromises();
    find('team-Makassar')!.click();
    await flushPromises();
    const zones = [...find<HTMLSelectElement>('team-zone')!.options].map((option) => option.value);
    expect(zones.slice(0, 3)).toEqual(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']);
    expect(find<HTMLSelectElement>('team-zone')!.value).toBe('Asia/Makassar');
    expect(find<HTMLInputElement>('member-sari@toko.id')!.checked).toBe(true);
  });

  it('saving a team sends its settings, then its members, and says it is saved', async () => {
    const { fetch, find } = setup((url, init) => {
      if (url.pathname === '/api/teams') return json(200, { items: [makassar] });
      if (url.pathname === '/api/admin/users') return json(200, { items: [sari, budi] });
      if (url.pathname === '/api/admin/teams/4') return json(200, { ...makassar, ...JSON.parse(String(init!.body)) });
      if (url.pathname === '/api/admin/teams/4/members') return json(200, { ...makassar, memberIds: JSON.parse(String(init!.body)).userIds });
      return json(404, {});
    });
    await flushPromises();
    find('team-Makassar')!.click();
    await flushPromises();
    const mode = find<HTMLSelectElement>('team-mode')!;
    mode.value = 'balanced';
    mode.dispatchEvent(new Event('change'));
    find<HTMLInputElement>('member-budi@toko.id')!.click();
    find('team-form')!.dispatchEvent(new Event('submit'));
    await flushPromises();
    const log = requestLog(fetch);
    expect(log.find((r) => r.call === 'PATCH /api/admin/teams/4')!.body).toEqual({ name: 'Makassar', timeZone: 'Asia/Makassar', assignmentMode: 'balanced', defaultCapacity: 5 });
    expect(log.find((r) => r.call === 'PUT /api/admin/teams/4/members')!.body).toEqual({ userIds: [2, 5] });
    expect(find('team-saved')).not.toBeNull();
  });

  it('a taken name is shown as the server coded it, and nothing is marked saved', async () => {
    const { find } = setup((url) => {
      if (url.pathname === '/api/teams') return json(200, { items: [makassar] });
      if (url.pathname === '/api/admin/users') return json(200, { items: [] });
      return json(409, { error: { code: 'team.name_taken', message: 'taken' } });
    });
    await flushPromises();
    find('team-new')!.click();
    await flushPromises();
    const name = find<HTMLInputElement>('team-name')!;
    name.value = 'Makassar';
    name.dispatchEvent(new Event('input'));
    find('team-form')!.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(find('team-error')!.textContent).toBe('Another team already has this name.');
    expect(find('team-saved')).toBeNull();
  });
});
