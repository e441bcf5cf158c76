import { afterAll, beforeAll, describe, expect, it } from 'vitest';
type SendAck = { ok: boolean };
import { connected, startTestApp, type TestApp } from '../../testing/test-app.ts';
import { signSiteIdentity, siteVisitorId } from '../../security/site-identity.ts';

/** docs/customers.md §Identity keys (web chat): the site vouches for its signed-in user. */
describe('a web-chat visitor the site signed in', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let secret: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = { authorization: `Bearer ${await t.loginAdmin()}` };
    secret = (await t.app.inject({ method: 'GET', url: '/api/settings/widget-identity', headers: admin })).json<{ secret: string }>().secret;
  });
  afterAll(() => t.close());

  const open = (identity: string) => t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: { identity } });
  const send = (visitorToken: string, body: string) => {
    const socket = t.visitorSocket(visitorToken);
    return connected(socket).then(
      () => new Promise<SendAck>((resolve) => socket.emit('message.send', { clientMessageId: `site-${Math.random().toString(36).slice(2, 12)}`, body } as never, ((ack: SendAck) => (socket.disconnect(), resolve(ack))) as never)),
    );
  };

  it('is stored verified with the E.164 phone and normalised email, and is the same visitor on every device', async () => {
    const token = signSiteIdentity({ userId: 'shop-user-81', name: 'Sari Wulandari', phone: '0812-3456-7801', email: ' Sari@Batik.Example ' }, secret);
    const first = await open(token);
    expect(first.statusCode).toBe(200);
    expect(first.json().visitorId).toBe(siteVisitorId('shop-user-81'));
    const identity = await t.db.identities.findByExternalId('webchat', first.json().visitorId);
    expect(identity).toMatchObject({ verified: true, phone: '+6281234567801', email: 'sari@batik.example', displayName: 'Sari Wulandari' });
    expect(await t.db.customers.findById(identity!.customerId)).toMatchObject({ name: 'Sari Wulandari', phone: '+6281234567801', email: 'sari@batik.example' });

    const ack = await send(first.json().visitorToken, 'Halo, saya mau tanya pesanan');
    expect(ack.ok).toBe(true);
    // Another browser: a new session of the same visitor, whose conversation it already holds.
    const second = await open(token);
    expect(second.json().visitorId).toBe(first.json().visitorId);
    const conversation = await t.app.inject({ method: 'GET', url: '/api/widget/conversation', headers: { authorization: `Bearer ${second.json().visitorToken}` } });
    expect(conversation.json().messages.map((m: { body: string }) => m.body)).toEqual(['Halo, saya mau tanya pesanan']);
    const ticket = (await t.db.tickets.listForCustomer(identity!.customerId))[0]!;
    expect((await t.db.messages.listForTicket(ticket.id))[0]).toMatchObject({ channel: 'webchat' });
  });

  it('refuses a forged, altered or malformed identity with widget.identity_invalid and stores nothing', async () => {
    const good = signSiteIdentity({ userId: 'shop-user-82', phone: '081234567802' }, secret);
    const [payload, signature] = good.split('.') as [string, string];
    const altered = `${Buffer.from(JSON.stringify({ userId: 'shop-user-1', phone: '081234567802' })).toString('base64url')}.${signature}`;
    const forged = signSiteIdentity({ userId: 'shop-user-82' }, 'not-the-secret');
    for (const identity of [altered, forged, `${payload}.zz`, 'garbage', signSiteIdentity({ name: 'no user id' }, secret), signSiteIdentity({ userId: 'shop-user-83', phone: '12' }, secret)]) {
      const refused = await open(identity);
      expect(refused.statusCode, identity).toBe(401);
      expect(refused.json().error.code).toBe('widget.identity_invalid');
    }
    for (const userId of ['shop-user-1', 'shop-user-82', 'shop-user-83']) expect(await t.db.identities.findByExternalId('webchat', siteVisitorId(userId))).toBeNull();
    expect(await t.db.visitorSessions.existsForVisitor(siteVisitorId('shop-user-82'))).toBe(false);
  });

  it('honours an exp claim: a token past it is refused with widget.identity_expired, a bad one as invalid, and neither stores anything', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await open(signSiteIdentity({ userId: 'shop-user-85', exp: now + 300 }, secret))).statusCode).toBe(200);
    const expired = await open(signSiteIdentity({ userId: 'shop-user-86', exp: now - 1 }, secret));
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error).toMatchObject({ code: 'widget.identity_expired', details: { expiredAt: new Date((now - 1) * 1000).toISOString() } });
    for (const exp of ['tomorrow', 1.5, -3]) {
      const refused = await open(signSiteIdentity({ userId: 'shop-user-87', exp }, secret));
      expect(refused.json().error, String(exp)).toMatchObject({ code: 'widget.identity_invalid', details: { field: 'exp' } });
    }
    for (const userId of ['shop-user-86', 'shop-user-87']) expect(await t.db.identities.findByExternalId('webchat', siteVisitorId(userId))).toBeNull();
  });

  it('a rotated secret refuses identities signed with the old one; only an admin sees or rotates it', async () => {
    const before = signSiteIdentity({ userId: 'shop-user-84' }, secret);
    const rotated = await t.app.inject({ method: 'POST', url: '/api/settings/widget-identity/rotate', headers: admin });
    expect(rotated.statusCode).toBe(200);
    const next = rotated.json<{ secret: string }>().secret;
    expect(next).not.toBe(secret);
    expect((await open(before)).json().error.code).toBe('widget.identity_invalid');
    expect((await open(signSiteIdentity({ userId: 'shop-user-84' }, next))).statusCode).toBe(200);
    expect((await t.db.auditLog.list({ limit: 10 })).find((entry) => entry.target === 'settings:widget_identity')).toMatchObject({ action: 'secret.rotated' });
    const agent = { authorization: `Bearer ${await t.login()}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/settings/widget-identity', headers: agent })).statusCode).toBe(403);
    secret = next;
  });
});
