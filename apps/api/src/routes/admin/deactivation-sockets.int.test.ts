import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, startTestApp, type TestApp } from '../../testing/test-app.ts';

describe('deactivating a user and their live connections', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    admin = { authorization: `Bearer ${await t.loginAdmin()}` };
  });
  afterAll(() => t.close());

  it("every socket of the deactivated user is cut at once, on every session, and other people's stay connected", async () => {
    const invited = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: admin, payload: { name: 'Dewi', email: 'dewi.sockets@toko.id', role: 'agent', teamIds: [] } });
    const { user, oneTimePassword } = invited.json();
    const signIn = async () => (await t.app.inject({ method: 'POST', url: '/api/auth/token', payload: { email: 'dewi.sockets@toko.id', password: oneTimePassword } })).json().token as string;
    const phoneToken = await signIn();
    const phone = t.agentSocket(phoneToken);
    const laptop = t.agentSocket(await signIn());
    const colleague = t.agentSocket(await t.login());
    await Promise.all([phone, laptop, colleague].map(connected));
    const cut = [phone, laptop].map((socket) => new Promise<string>((resolve) => socket.once('disconnect', resolve)));

    expect((await t.app.inject({ method: 'POST', url: `/api/admin/users/${user.id}/deactivate`, headers: admin })).statusCode).toBe(200);
    expect(await Promise.all(cut)).toEqual(['io server disconnect', 'io server disconnect']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(colleague.connected).toBe(true);
    // A reconnect with the old token is refused: the session is gone.
    await expect(connected(t.agentSocket(phoneToken))).rejects.toThrow();
  });
});
