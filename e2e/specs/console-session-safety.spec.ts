import { expect, test } from '@playwright/test';
import { ConsolePage } from '../pages/console.page.ts';
import { DemoShopPage } from '../pages/demo-shop.page.ts';
import { demoAgent } from '../fixtures/demo-users.ts';
import { watchCsp } from '../fixtures/csp-watch.ts';

test('after sign-in no page script can read the session, and no console page breaks its CSP', async ({ page, context }) => {
  const violations = await watchCsp(page);
  const agent = new ConsolePage(page);
  await agent.signIn(demoAgent);

  const session = (await context.cookies()).find((cookie) => cookie.name === 'keluh_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  const readable = await page.evaluate(() => ({
    cookie: document.cookie,
    local: Object.keys(localStorage).map((key) => `${key}=${localStorage.getItem(key)}`),
    session: Object.keys(sessionStorage).map((key) => `${key}=${sessionStorage.getItem(key)}`),
  }));
  expect(readable.cookie).not.toContain('keluh_session');
  for (const value of [readable.cookie, ...readable.local, ...readable.session]) expect(value).not.toContain(session!.value);

  // The console's pages: a ticket with its timeline (media included), the channel settings, a deep link reload.
  await page.getByTestId('ticket-row').first().click();
  await expect(page.getByTestId('ticket-pane')).toBeVisible();
  await page.getByTestId('nav-channels').click();
  await expect(page).toHaveURL(/\/settings\/channels/);
  await page.reload();
  await expect(agent.connection).toHaveAttribute('data-state', 'connected');
  expect(await violations()).toEqual([]);

  // Signing out ends the session on the server: the cookie no longer opens the API.
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('login-email')).toBeVisible();
  const me = await page.request.get('/api/auth/me', { headers: { cookie: `keluh_session=${session!.value}` } });
  expect(me.status()).toBe(401);
});

test('the API reference and the demo shop with its widget run under their policies without violations', async ({ browser }) => {
  const context = await browser.newContext();
  const docs = await context.newPage();
  const docsViolations = await watchCsp(docs);
  await docs.goto('/docs');
  await expect(docs.locator('.swagger-ui .info .title')).toContainText('Keluh');
  expect(await docsViolations()).toEqual([]);

  const shopPage = await context.newPage();
  const shopViolations = await watchCsp(shopPage);
  const shop = new DemoShopPage(shopPage);
  await shop.open();
  expect(await shopViolations()).toEqual([]);
  await context.close();
});

test('a locked sign-in shows the wait, counting down, in the agent’s language', async ({ page }) => {
  await page.goto('/login');
  // An address nobody has: locking it harms no one else using this server.
  await page.getByTestId('login-email').fill(`nobody-${Date.now()}@keluh.test`);
  await page.getByTestId('login-password').fill('a-wrong-guess');
  const error = page.getByTestId('login-error');
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await page.getByTestId('login-submit').click();
    await expect(error).toHaveAttribute('data-code', attempt < 5 ? 'auth.invalid_credentials' : 'auth.locked');
  }
  await expect(error).toContainText(/Coba lagi dalam \d+ detik/);
  await expect(page.getByTestId('login-submit')).toBeDisabled();
});
