import { expect, test } from '@playwright/test';
import { wa, type MetaSim } from '@keluh/meta-sim';
import { ConsolePage } from '../pages/console.page.ts';
import { DemoShopPage } from '../pages/demo-shop.page.ts';
import { demoAgent } from '../fixtures/demo-users.ts';
import { startE2eMetaSim } from '../fixtures/meta-sim.ts';

/*
 * docs/customers.md §Threading: one customer, one ticket across channels. Dimas (the demo seed's shop
 * customer, known on WhatsApp by the same number) writes on WhatsApp, then on the shop's chat signed in;
 * the agent answers from that ticket on WhatsApp through the composer's channel picker.
 */
const DIMAS_WA = '6281234567899';
let sim: MetaSim;

test.beforeAll(async ({ baseURL }) => {
  sim = await startE2eMetaSim(baseURL);
});

test.afterAll(async () => {
  await sim.stop();
});

test('an agent replies on WhatsApp from a ticket that holds a web-chat message, and WhatsApp receives it', async ({ page, browser }) => {
  const delivered = await sim.webhooks.whatsapp.inbound({ name: 'Dimas Saputra', waId: DIMAS_WA }, wa.text('Pesanan batik saya belum datang, sudah seminggu'));
  expect(delivered.delivered).toBe(true);

  // The shop's server signs Dimas in; the widget chats as that verified visitor.
  const customer = await browser.newContext();
  const shop = new DemoShopPage(await customer.newPage());
  await shop.page.goto('/demo/signed-in');
  await shop.page.locator('#keluh-launcher').click();
  await expect(shop.widget.getByTestId('widget-status')).toHaveAttribute('data-state', 'connected');
  await shop.write('Ini Dimas lagi, saya tanya dari website toko juga');
  await expect(shop.messages('in').filter({ hasText: 'dari website toko' })).toBeVisible();

  const agent = new ConsolePage(page);
  await agent.signIn(demoAgent);
  await agent.ticketRow('Dimas Saputra').click();
  const channels = agent.page.getByTestId('message-channel');
  await expect(channels).toHaveCount(2);
  await expect(channels.nth(0)).toHaveAttribute('data-channel', 'whatsapp');
  await expect(channels.nth(1)).toHaveAttribute('data-channel', 'webchat');

  // The customer last wrote on the web chat: that is where a reply would go, unless the agent picks WhatsApp.
  const picker = agent.page.getByTestId('reply-channel-picker');
  await expect(picker).toHaveAttribute('data-channel', 'webchat');
  await picker.click();
  const whatsapp = agent.page.locator('[data-testid="reply-channel-option"][data-channel="whatsapp"]');
  await expect(whatsapp).toHaveAttribute('data-window', 'open');
  await agent.page.screenshot({ path: 'test-results/e2e/reply-channel-picker.png' });
  await whatsapp.click();
  await expect(picker).toHaveAttribute('data-channel', 'whatsapp');

  const text = 'Mohon maaf, Kak Dimas. Kami kabari lewat WhatsApp begitu paketnya dikirim ulang.';
  await agent.reply(text);
  await expect.poll(() => sim.state.sent.filter((sent) => sent.channel === 'whatsapp' && sent.recipient === DIMAS_WA).map((sent) => sent.text)).toContain(text);
  const sentReply = agent.timelineMessages().filter({ hasText: 'Kami kabari lewat WhatsApp' });
  await expect(sentReply.getByTestId('message-channel')).toHaveAttribute('data-channel', 'whatsapp');
  await agent.page.screenshot({ path: 'test-results/e2e/reply-channel-sent.png' });
  await customer.close();
});

test('the agent splits the shop chat off into its own ticket, and undoes it', async ({ page }) => {
  const agent = new ConsolePage(page);
  await agent.signIn(demoAgent);
  await agent.ticketRow('Dimas Saputra').click();
  await expect(agent.timelineMessages()).toHaveCount(3);

  await agent.page.getByTestId('split-start').click();
  const chat = agent.timelineMessages().filter({ hasText: 'dari website toko' });
  await chat.getByTestId('message-select').check();
  await agent.page.screenshot({ path: 'test-results/e2e/ticket-split-select.png' });
  await agent.page.getByTestId('split-confirm').click();
  await expect(agent.page.getByTestId('move-notice')).toBeVisible();
  await expect(agent.timelineMessages()).toHaveCount(2);
  await expect(agent.timelineMessages().filter({ hasText: 'dari website toko' })).toHaveCount(0);
  await agent.page.screenshot({ path: 'test-results/e2e/ticket-split-done.png' });

  await agent.page.getByTestId('move-undo').click();
  await expect(agent.timelineMessages()).toHaveCount(3);
  await expect(agent.timelineMessages().filter({ hasText: 'dari website toko' })).toHaveCount(1);
});
