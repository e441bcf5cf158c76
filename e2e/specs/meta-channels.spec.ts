import { expect, test } from '@playwright/test';
import { createMetaSim, ig, wa, type MetaSim } from '@keluh/meta-sim';
import { ConsolePage } from '../pages/console.page.ts';
import { demoAgent } from '../fixtures/demo-users.ts';
import { E2E_META_SIM_PORT, e2eMetaChannels } from '../fixtures/meta-channels.ts';
import { parcelPng } from '../fixtures/png.ts';

let sim: MetaSim;

test.beforeAll(async ({ baseURL }) => {
  sim = createMetaSim({
    port: E2E_META_SIM_PORT,
    knobs: {
      whatsapp: {
        appSecret: e2eMetaChannels.whatsapp.appSecret,
        accessToken: e2eMetaChannels.whatsapp.accessToken,
        webhookUrl: `${baseURL}/webhooks/whatsapp`,
        // A visible pace: the agent watches the ticks move from sent to delivered to read.
        statuses: { delaysMs: { sent: 200, delivered: 600, read: 1200 } },
      },
      instagram: {
        appSecret: e2eMetaChannels.instagram.appSecret,
        accessToken: e2eMetaChannels.instagram.accessToken,
        webhookUrl: `${baseURL}/webhooks/instagram`,
        profiles: { '1122334455667788': { name: 'Dewi Anggraini', username: 'dewi.angg' } },
      },
    },
  });
  await sim.start();
});

test.afterAll(async () => {
  await sim.stop();
});

test('WhatsApp and Instagram complaints arrive live, and the agent sees their replies delivered and read', async ({ page }) => {
  const agent = new ConsolePage(page);
  await agent.signIn(demoAgent);

  // Meta delivers a WhatsApp photo of a damaged parcel, and an Instagram DM.
  const photo = sim.media.describe(sim.media.add(parcelPng(), 'image/png'));
  await sim.webhooks.whatsapp.inbound({ name: 'Rina Wulandari', waId: '6281234567890' }, wa.image(photo, { caption: 'Paketnya datang penyok, isinya rusak' }));
  await sim.webhooks.instagram.inbound('1122334455667788', ig.text('Kopi di café kalian basi 😞 minta refund'));

  const waRow = agent.ticketRow('Rina Wulandari');
  const igRow = agent.page.getByTestId('ticket-row').filter({ hasText: 'minta refund' });
  await expect(waRow).toBeVisible();
  await expect(igRow).toBeVisible();

  // The photo was downloaded from the Graph API and renders in the timeline.
  await waRow.click();
  const image = agent.page.locator('[data-testid="attachment"][data-kind="image"][data-state="stored"] img');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(96);

  const waReply = 'Mohon maaf, Kak Rina. Kami kirim pengganti hari ini.';
  await agent.reply(waReply);
  await expect(agent.timelineMessages().filter({ hasText: waReply })).toHaveAttribute('data-status', 'read', { timeout: 10_000 });
  expect(sim.state.sent.find((sent) => sent.channel === 'whatsapp')).toMatchObject({ text: waReply, recipient: '6281234567890' });

  // Instagram has no delivery receipts: the reply is sent, then read once the customer sees it.
  await igRow.click();
  const igReply = 'Maaf ya Kak, refund kami proses sekarang.';
  await agent.reply(igReply);
  await expect(agent.timelineMessages().filter({ hasText: igReply })).toHaveAttribute('data-status', 'sent');
  const sent = sim.state.sent.find((entry) => entry.channel === 'instagram');
  expect(sent).toMatchObject({ text: igReply, recipient: '1122334455667788' });
  await sim.webhooks.instagram.inbound('1122334455667788', ig.seen(sent!.id));
  await expect(agent.timelineMessages().filter({ hasText: igReply })).toHaveAttribute('data-status', 'read');
});
