import { expect, test } from '@playwright/test';
import { ConsolePage } from '../pages/console.page.ts';
import { DemoShopPage } from '../pages/demo-shop.page.ts';
import { demoAgent, demoSupervisor } from '../fixtures/demo-users.ts';
import { expectNoAxeViolations } from '../fixtures/axe.ts';

test('two people on one ticket see each other viewing and typing, and a reply crossing the other’s warns first', async ({ browser }, testInfo) => {
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  const [budiContext, sariContext, customerContext] = contexts;
  const budi = new ConsolePage(await budiContext!.newPage());
  const sari = new ConsolePage(await sariContext!.newPage());
  const shop = new DemoShopPage(await customerContext!.newPage());

  // A customer of this spec alone: a fresh widget visitor with a complaint no other spec writes.
  await shop.open();
  const complaint = `Sepatu pesanan saya datang beda ukuran ${Date.now()}`;
  await shop.write(complaint);
  await expect(shop.messages('in').filter({ hasText: complaint })).toHaveAttribute('data-status', 'sent');

  await budi.signIn(demoAgent);
  await sari.signIn(demoSupervisor);
  for (const person of [budi, sari]) {
    await person.ticketRow(complaint).click();
    await expect(person.timelineMessages().filter({ hasText: complaint })).toBeVisible();
  }

  // Each sees the other, never themselves (the console speaks Bahasa Indonesia by default).
  await expect(budi.page.getByTestId('viewers-viewing')).toHaveText(`${demoSupervisor.name} juga melihat`);
  await expect(sari.page.getByTestId('viewers-viewing')).toHaveText(`${demoAgent.name} juga melihat`);

  // Sari starts typing: Budi sees it while she types, and it stops once she pauses.
  await sari.page.getByTestId('composer-input').pressSequentially('Mohon maaf', { delay: 40 });
  await expect(budi.page.getByTestId('viewers-typing')).toHaveText(`${demoSupervisor.name} sedang mengetik…`);
  await budi.page.screenshot({ path: testInfo.outputPath('collision-typing.png') });
  await expectNoAxeViolations(budi.page, 'the ticket view with another agent typing', '[data-testid=composer]');
  await expect(budi.page.getByTestId('viewers-typing')).toHaveCount(0, { timeout: 8_000 });

  // Budi's line is slow: Sari's reply is sent, but it has not reached his screen when he presses send.
  budi.holdSocket();
  const sariReply = 'Mohon maaf, Kak. Kami tukar dengan ukuran yang benar hari ini juga.';
  await sari.page.getByTestId('composer-input').fill(sariReply);
  await sari.page.getByTestId('composer-input').press('Enter');
  await expect(sari.timelineMessages().filter({ hasText: sariReply })).toBeVisible();
  await expect(budi.timelineMessages().filter({ hasText: sariReply })).toHaveCount(0);

  const budiReply = 'Halo Kak, saya bantu cek pesanannya ya.';
  await budi.reply(budiReply);
  const warning = budi.page.getByTestId('reply-collision');
  await expect(warning).toBeVisible();
  await expect(warning.getByTestId('reply-collision-when')).toHaveText(new RegExp(`^${demoSupervisor.name} membalas (barusan|\\d+ detik lalu):$`));
  await expect(warning.getByTestId('reply-collision-message')).toHaveText(sariReply);
  await budi.page.screenshot({ path: testInfo.outputPath('collision-warning.png') });
  await expectNoAxeViolations(budi.page, 'the reply collision warning', '[data-testid=reply-collision]');
  // Nothing went out yet: the customer has Sari's answer only.
  await expect(shop.messages('out').filter({ hasText: sariReply })).toBeVisible();
  await expect(shop.messages('out').filter({ hasText: budiReply })).toHaveCount(0);

  // The line catches up, and Budi decides to send his anyway.
  budi.releaseSocket();
  await expect(budi.timelineMessages().filter({ hasText: sariReply })).toBeVisible();
  await warning.getByTestId('reply-collision-send').click();
  await expect(warning).toHaveCount(0);
  await expect(budi.timelineMessages().filter({ hasText: budiReply })).toHaveCount(1);
  await expect(shop.messages('out').filter({ hasText: budiReply })).toBeVisible();

  // Sari leaves the ticket: Budi is alone on it.
  await sari.page.goto('/inbox/all');
  await expect(budi.page.getByTestId('viewers-viewing')).toHaveCount(0);

  await Promise.all(contexts.map((context) => context!.close()));
});
