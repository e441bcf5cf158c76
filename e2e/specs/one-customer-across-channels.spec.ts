import { createHmac } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { ig, wa, type MetaSim } from '@keluh/meta-sim';
import { ConsolePage } from '../pages/console.page.ts';
import { DemoShopPage } from '../pages/demo-shop.page.ts';
import { demoAdmin, demoAgent } from '../fixtures/demo-users.ts';
import { startE2eMetaSim } from '../fixtures/meta-sim.ts';
import { staffToken } from '../fixtures/past-case.ts';

/*
 * Issue 11's whole promise, as the customer lives it (docs/customers.md): Rani starts on the shop's chat
 * signed in with her number written 0812…, then writes on WhatsApp from +62812…; the agent sees one
 * ticket holding both channels and the story so far, and answers on WhatsApp. An Instagram DM of hers is
 * only suggested; the agent confirms it, and undoes the merge from her profile page.
 */
// Her own numbers and ids: the specs share one server and database.
const RANI = { userId: 'e2e-shop-rani', name: 'Rani Wijaya', phone: '0812-7788-0011' };
const RANI_WA = '6281277880011';
const RANI_IGSID = '9988776655440011';
let sim: MetaSim;

/** What the shop's own server does for its signed-in customer: sign her with the widget identity secret. */
function signedIdentity(claims: Record<string, string>, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('hex')}`;
}

test.beforeAll(async ({ baseURL }) => {
  sim = await startE2eMetaSim(baseURL, { [RANI_IGSID]: { name: null, username: 'rani.wijaya', profile_pic: null } });
});

test.afterAll(async () => {
  await sim.stop();
});

test('a verified shop customer moves to WhatsApp and Instagram: one ticket, a reply on WhatsApp, a confirmed suggestion and its undo from the profile', async ({ page, browser, request, baseURL }) => {
  const admin = await staffToken(request, demoAdmin);
  const { secret } = (await (await request.get('/api/settings/widget-identity', { headers: admin })).json()) as { secret: string };

  // The shop's page, rendered for Rani by "its server": the demo page with her signed identity in the tag.
  const customer = await browser.newContext();
  const shopPage = await customer.newPage();
  const demo = await (await request.get('/demo')).text();
  await shopPage.route(`${baseURL}/demo/rani`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: demo.replace('<script src="/widget.js"', `<script src="/widget.js" data-identity="${signedIdentity(RANI, secret)}"`) }),
  );
  const shop = new DemoShopPage(shopPage);
  await shopPage.goto('/demo/rani');
  await shopPage.locator('#keluh-launcher').click();
  await expect(shop.widget.getByTestId('widget-status')).toHaveAttribute('data-state', 'connected');
  await shop.write('Halo, pesanan sepatu saya nomor INV-7788 belum dikirim');
  await expect(shop.messages('in').filter({ hasText: 'INV-7788' })).toBeVisible();

  // WhatsApp from the same number written +62…: a verified match, so it joins her ticket by itself.
  expect((await sim.webhooks.whatsapp.inbound({ name: 'Rani W', waId: RANI_WA }, wa.text('Saya Rani, yang tadi chat di website soal sepatu'))).delivered).toBe(true);

  const agent = new ConsolePage(page);
  await agent.signIn(demoAgent);
  await agent.ticketRow('Rani Wijaya').click();
  await expect(agent.timelineMessages().filter({ hasText: 'yang tadi chat di website' })).toBeVisible();
  const channels = agent.page.getByTestId('message-channel');
  // Timeline order is by the channels' own times, and Meta's are whole seconds: check which, not in what order.
  await expect(channels).toHaveCount(2);
  expect((await channels.evaluateAll((labels) => labels.map((label) => label.getAttribute('data-channel')))).sort()).toEqual(['webchat', 'whatsapp']);
  const story = agent.page.getByTestId('story-card');
  await expect(story).toContainText('yang tadi chat di website');
  await expect(story).toContainText('INV-7788');
  await agent.page.screenshot({ path: 'test-results/e2e/one-customer-ticket.png' });

  // She last wrote on WhatsApp: the picker offers it first, and the reply leaves through it.
  await expect(agent.page.getByTestId('reply-channel-picker')).toHaveAttribute('data-channel', 'whatsapp');
  const text = 'Mohon maaf, Kak Rani. Sepatunya kami kirim hari ini, nomor resi menyusul lewat WhatsApp.';
  await agent.reply(text);
  await expect.poll(() => sim.state.sent.filter((sent) => sent.channel === 'whatsapp' && sent.recipient === RANI_WA).map((sent) => sent.text)).toContain(text);

  // Instagram knows nothing of her number: the number she types is only a suggestion.
  await sim.webhooks.instagram.inbound(RANI_IGSID, ig.text('Ini Rani juga, nomor WA saya 0812 7788 0011. Resinya mana ya?'));
  const igRow = agent.page.getByTestId('ticket-row').filter({ hasText: 'Resinya mana ya' });
  await expect(igRow).toContainText('@rani.wijaya', { timeout: 15_000 });
  await igRow.click();
  const banner = agent.page.getByTestId('suggestion-banner');
  await expect(banner.getByTestId('suggestion')).toContainText('Rani Wijaya');
  await banner.getByTestId('suggestion-confirm').click();
  await expect(banner.getByTestId('suggestion-notice')).toBeVisible();

  await agent.ticketRow('Rani Wijaya').click();
  await expect(agent.timelineMessages().filter({ hasText: 'Resinya mana ya' })).toBeVisible();
  await agent.page.getByTestId('ticket-customer-profile').getByTestId('open-profile').click();
  const profile = agent.page.getByTestId('customer-profile');
  await expect(profile.getByTestId('profile-identities').locator('li[data-channel=instagram]')).toBeVisible();
  const history = profile.getByTestId('profile-merge-history');
  const instagramMerge = history.getByTestId('merge-entry').filter({ hasText: '@rani.wijaya' });
  await expect(instagramMerge).toHaveAttribute('data-undone', 'false');
  await agent.page.screenshot({ path: 'test-results/e2e/one-customer-profile.png' });
  await instagramMerge.getByTestId('merge-undo').click();
  await expect(instagramMerge).toHaveAttribute('data-undone', 'true');
  await expect(profile.getByTestId('profile-identities').locator('li[data-channel=instagram]')).toHaveCount(0);
  await expect(profile.getByTestId('profile-identities').locator('li[data-channel=whatsapp]')).toBeVisible();
  await customer.close();
});
