import { expect, test } from '@playwright/test';
import { ConsolePage } from '../pages/console.page.ts';
import { DemoShopPage } from '../pages/demo-shop.page.ts';
import { demoAgent } from '../fixtures/demo-users.ts';

// The server runs with WIDGET_MESSAGE_RATE=5/6s (playwright.config.ts).
test('a customer who writes too fast sees the wait, and the held message is delivered by itself once it is over', async ({ browser }) => {
  const customerContext = await browser.newContext();
  const agentContext = await browser.newContext();
  const shop = new DemoShopPage(await customerContext.newPage());
  const agent = new ConsolePage(await agentContext.newPage());
  await shop.open();

  const run = Date.now();
  const burst = Array.from({ length: 6 }, (_, n) => `Pesanan ${run} nomor ${n + 1} belum sampai`);
  for (const text of burst) await shop.write(text);
  for (const text of burst.slice(0, 5)) await expect(shop.messages('in').filter({ hasText: text })).toHaveAttribute('data-status', 'sent');

  // The sixth is held, not failed: marked waiting, with the coded wait counted down in Indonesian (data-lang="id").
  const held = shop.messages('in').filter({ hasText: burst[5]! });
  await expect(held).toHaveAttribute('data-status', 'waiting');
  await expect(held.getByTestId('widget-retry')).toHaveCount(0);
  const notice = shop.widget.getByTestId('widget-throttled');
  await expect(notice).toContainText('Anda mengirim terlalu cepat');
  const seconds = Number(await notice.getAttribute('data-seconds'));
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(6);

  // When the window has passed it goes out on its own, once, and the notice is gone.
  await expect(held).toHaveAttribute('data-status', 'sent', { timeout: 10_000 });
  await expect(notice).toHaveCount(0);
  await expect(shop.messages('in').filter({ hasText: burst[5]! })).toHaveCount(1);

  // The agent has all six, in the order they were typed.
  await agent.signIn(demoAgent);
  await agent.ticketRow(String(run)).click();
  for (const text of burst) await expect(agent.timelineMessages().filter({ hasText: text })).toHaveCount(1);
  const bodies = await agent.timelineMessages().allInnerTexts();
  const positions = burst.map((text) => bodies.findIndex((body) => body.includes(text)));
  expect(positions).toEqual([...positions].sort((a, b) => a - b));

  await customerContext.close();
  await agentContext.close();
});
