import { expect, test } from '@playwright/test';
import { ConsolePage } from '../pages/console.page.ts';
import { DemoShopPage } from '../pages/demo-shop.page.ts';
import { demoAgent } from '../fixtures/demo-users.ts';

test('a shop customer and an agent talk through the widget, and a dropped agent connection misses nothing', async ({ browser }) => {
  const agentContext = await browser.newContext();
  const customerContext = await browser.newContext();
  const agent = new ConsolePage(await agentContext.newPage());
  const shop = new DemoShopPage(await customerContext.newPage());

  await agent.signIn(demoAgent);
  await shop.open();

  // The customer writes; the agent's inbox shows the new ticket within a second, without a reload.
  const complaint = `Kemeja batik pesanan saya robek di jahitan ${Date.now()}`;
  await shop.write(complaint);
  await expect(shop.messages('in').filter({ hasText: complaint })).toHaveAttribute('data-status', 'sent');
  await expect(agent.ticketRow(complaint)).toBeVisible({ timeout: 1_000 });

  // The agent opens it and replies; the customer sees the reply live.
  await agent.ticketRow(complaint).click();
  await expect(agent.timelineMessages().filter({ hasText: complaint })).toBeVisible();
  const reply = 'Mohon maaf atas ketidaknyamanannya, Kak. Kami kirim pengganti hari ini.';
  await agent.reply(reply);
  await expect(shop.messages('out').filter({ hasText: reply })).toBeVisible();
  await expect(agent.timelineMessages().filter({ hasText: reply })).toHaveAttribute('data-status', /sent|delivered|read/);

  // The agent's connection drops; while it is down the customer sends three more messages.
  await agent.page.evaluate(() => ((window as unknown as { __reloadMarker: number }).__reloadMarker = 42));
  await agentContext.setOffline(true);
  await agent.dropSocket();
  await expect(agent.connection).toHaveAttribute('data-state', 'reconnecting');
  const missed = ['Satu: ukurannya juga salah', 'Dua: saya pesan M', 'Tiga: tolong dibantu ya'];
  for (const text of missed) {
    await shop.write(text);
    await expect(shop.messages('in').filter({ hasText: text })).toHaveAttribute('data-status', 'sent');
  }
  await expect(agent.timelineMessages().filter({ hasText: missed[0]! })).toHaveCount(0);

  // The connection comes back: all three appear once, in order, and the page was never reloaded.
  await agentContext.setOffline(false);
  await expect(agent.connection).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
  for (const text of missed) await expect(agent.timelineMessages().filter({ hasText: text })).toHaveCount(1);
  const bodies = await agent.timelineMessages().allInnerTexts();
  const positions = missed.map((text) => bodies.findIndex((body) => body.includes(text)));
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  expect(await agent.page.evaluate(() => (window as unknown as { __reloadMarker?: number }).__reloadMarker)).toBe(42);

  await agentContext.close();
  await customerContext.close();
});
