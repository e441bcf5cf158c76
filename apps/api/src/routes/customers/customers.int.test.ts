import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { inboundTicket, teamMember, type TeamMember } from '../../testing/team-fixture.ts';

describe('the customer profile over HTTP', () => {
  let t: TestApp;
  let agent: Record<string, string>;
  let admin: Record<string, string>;
  let outsider: TeamMember;

  beforeAll(async () => {
    t = await startTestApp();
    agent = { authorization: `Bearer ${await t.login()}` };
    admin = { authorization: `Bearer ${await t.loginAdmin()}` };
    outsider = await teamMember(t, 'Penjualan', 'agent', 'maya@keluh.test');
    for (const [key, type, choices] of [
      ['tier', 'choice', ['gold', 'silver']],
      ['member_since', 'date', []],
      ['orders', 'number', []],
      ['vip', 'boolean', []],
    ] as const) {
      const response = await t.app.inject({ method: 'POST', url: '/api/customer-attributes', headers: admin, payload: { key, label: key, type, choices: [...choices] } });
      expect(response.statusCode, key).toBe(201);
    }
  });
  afterAll(() => t.close());

  const customerOf = async (ticketId: number) => (await t.db.tickets.findById(ticketId))!.customerId;
  const patch = (id: number, payload: Record<string, unknown>, headers = agent) => t.app.inject({ method: 'PATCH', url: `/api/customers/${id}`, headers, payload });
  const profile = (id: number, headers = agent) => t.app.inject({ method: 'GET', url: `/api/customers/${id}/profile`, headers });

  it('shows identities with their verified mark, every ticket with its channels, notes newest first and the typed attributes', async () => {
    const customerId = await customerOf(await inboundTicket(t, 'profile-sari'));
    expect((await patch(customerId, { attributes: { tier: 'gold', member_since: '2024-05-01', orders: 12, vip: true } })).statusCode).toBe(200);
    for (const body of ['Reseller di Medan', 'Lebih suka ditelepon sore']) {
      expect((await t.app.inject({ method: 'POST', url: `/api/customers/${customerId}/notes`, headers: agent, payload: { body } })).statusCode).toBe(201);
    }
    const shown = (await profile(customerId)).json();
    expect(shown.customer).toMatchObject({ id: customerId, name: 'Rina' });
    expect(shown.identities).toEqual([expect.objectContaining({ channel: 'webchat', externalId: 'profile-sari', verified: false })]);
    expect(shown.tickets).toEqual([expect.objectContaining({ customerId, channels: ['webchat'] })]);
    expect(shown.notes.map((note: { body: string; authorName: string }) => [note.body, note.authorName])).toEqual([
      ['Lebih suka ditelepon sore', 'Test Agent'],
      ['Reseller di Medan', 'Test Agent'],
    ]);
    expect(Object.fromEntries(shown.attributes.map((a: { def: { key: string }; value: unknown }) => [a.def.key, a.value]))).toEqual({ tier: 'gold', member_since: '2024-05-01', orders: 12, vip: true });
    expect(shown.csat).toEqual([]);
  });

  it("an agent's characteristic stands, is recorded in the audit log, and no suggestion replaces it", async () => {
    const ticketId = await inboundTicket(t, 'profile-budi', 'Kak ada diskon gak buat pembelian kedua?');
    const customerId = await customerOf(ticketId);
    expect(await t.db.customers.findById(customerId)).toMatchObject({ characteristic: 'thrifty', characteristicSource: 'suggested', characteristicReason: { rule: 'price_talk', cues: ['diskon'] } });
    const response = await patch(customerId, { type: 'intermediary', characteristic: 'loyal' });
    expect(response.json()).toMatchObject({ type: 'intermediary', characteristic: 'loyal', characteristicSource: 'agent', characteristicReason: null });
    await inboundTicket(t, 'profile-budi', 'Promo ongkir masih ada?');
    expect(await t.db.customers.findById(customerId)).toMatchObject({ characteristic: 'loyal', characteristicSource: 'agent' });
    const [entry] = await t.db.auditLog.list({ action: 'customer.profile_changed', limit: 5 });
    expect(entry).toMatchObject({ target: `customer:${customerId}`, data: { type: { from: 'external', to: 'intermediary' }, characteristic: { from: 'thrifty', to: 'loyal' } } });
  });

  it.each([
    ['an attribute nobody defined', { type: 'internal', attributes: { shoe_size: 42 } }, 400, 'customer.attribute_unknown'],
    ['a number typed as text', { type: 'internal', attributes: { orders: '12' } }, 400, 'customer.attribute_invalid'],
    ['a choice not offered', { type: 'internal', attributes: { tier: 'platinum' } }, 400, 'customer.attribute_invalid'],
    ['an impossible date', { type: 'internal', attributes: { member_since: '2024-02-30' } }, 400, 'customer.attribute_invalid'],
    ['a characteristic that does not exist', { characteristic: 'angry' }, 400, 'validation.failed'],
  ])('%s is refused with a code, and nothing of the change is stored', async (_label, payload, status, code) => {
    const customerId = await customerOf(await inboundTicket(t, `profile-bad-${code}-${Math.random()}`));
    const before = { customer: await t.db.customers.findById(customerId), attributes: await t.db.customerProfiles.listAttributes(customerId) };
    const response = await patch(customerId, payload);
    expect([response.statusCode, response.json().error.code]).toEqual([status, code]);
    expect(await t.db.customers.findById(customerId)).toEqual(before.customer);
    expect(await t.db.customerProfiles.listAttributes(customerId)).toEqual(before.attributes);
  });

  it("a customer none of whose tickets the user may see does not exist for them, on every customer route", async () => {
    const customerId = await customerOf(await inboundTicket(t, 'profile-hidden'));
    const before = await t.db.customers.findById(customerId);
    const calls = [
      profile(customerId, outsider.headers),
      patch(customerId, { type: 'internal' }, outsider.headers),
      t.app.inject({ method: 'POST', url: `/api/customers/${customerId}/notes`, headers: outsider.headers, payload: { body: 'x' } }),
      profile(999_999),
    ];
    for (const response of await Promise.all(calls)) expect([response.statusCode, response.json().error.code]).toEqual([404, 'customer.not_found']);
    expect(await t.db.customers.findById(customerId)).toEqual(before);
    expect(await t.db.customerProfiles.listNotes(customerId)).toEqual([]);
  });
});

describe('admins define the custom attributes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('an admin defines, renames and removes one; an agent may only read them', async () => {
    const admin = { authorization: `Bearer ${await t.loginAdmin()}` };
    const agent = { authorization: `Bearer ${await t.login()}` };
    const create = (headers: Record<string, string>, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/customer-attributes', headers, payload });
    expect((await create(agent, { key: 'city', label: 'Kota', type: 'text' })).json().error.code).toBe('auth.forbidden');
    expect((await create(admin, { key: 'city', label: 'Kota', type: 'text' })).statusCode).toBe(201);
    expect((await create(admin, { key: 'city', label: 'City', type: 'text' })).json().error.code).toBe('customer.attribute_exists');
    expect((await create(admin, { key: 'tier', label: 'Tier', type: 'choice' })).json().error.code).toBe('validation.failed');
    expect((await create(admin, { key: 'Bad Key', label: 'x', type: 'text' })).json().error.code).toBe('validation.failed');
    expect((await t.app.inject({ method: 'PATCH', url: '/api/customer-attributes/city', headers: admin, payload: { label: 'Kota asal' } })).json()).toMatchObject({ key: 'city', label: 'Kota asal' });
    expect((await t.app.inject({ method: 'GET', url: '/api/customer-attributes', headers: agent })).json().items.map((d: { label: string }) => d.label)).toEqual(['Kota asal']);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/customer-attributes/city', headers: admin })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/customer-attributes/city', headers: admin })).json().error.code).toBe('customer.attribute_unknown');
  });

  it('a choice attribute can gain choices but not lose one a customer may hold', async () => {
    const admin = { authorization: `Bearer ${await t.loginAdmin()}` };
    await t.app.inject({ method: 'POST', url: '/api/customer-attributes', headers: admin, payload: { key: 'segment', label: 'Segmen', type: 'choice', choices: ['retail', 'grosir'] } });
    const change = (choices: string[]) => t.app.inject({ method: 'PATCH', url: '/api/customer-attributes/segment', headers: admin, payload: { choices } });
    expect((await change(['retail', 'grosir', 'online'])).json().choices).toEqual(['retail', 'grosir', 'online']);
    expect((await change(['retail'])).json().error.code).toBe('validation.failed');
    expect((await t.db.customerProfiles.findDefs(['segment']))[0]?.choices).toEqual(['retail', 'grosir', 'online']);
  });
});
