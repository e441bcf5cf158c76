import { expect, test } from '@playwright/test';
import { createMetaSim, ig, wa, type MetaSim } from '@keluh/meta-sim';
import { ConsolePage } from '../pages/console.page.ts';
import { demoAgent } from '../fixtures/demo-users.ts';
import { E2E_META_SIM_PORT, e2eMetaChannels } from '../fixtures/meta-channels.ts';

// Numbers of this spec only: the specs share one server and database.
const WA_ID = '6281277770001';
const IGSID = '9988776655443301';
let sim: MetaSim;

test.beforeAll(async ({ baseURL }) => {
  sim = createMetaSim({
    port: E2E_META_SIM_PORT,
    knobs: {
      whatsapp: { appSecret: e2eMetaChannels.whatsapp.appSecret, accessToken: e2eMetaChannels.whatsapp.accessToken, webhookUrl: `${baseURL}/webhooks/whatsapp` },
      instagram: {
        appSecret: e2eMetaChannels.instagram.appSecret,
        accessToken: e2eMetaChannels.instagram.accessToken,
        webhookUrl: `${baseURL}/webhooks/instagram`,
        profiles: { [IGSID]: { name: null, username: 'sari.pratiwi', profile_pic: null } },
      },
    },
  });
  await sim.start();
});

test.afterAll(async () => {
  await sim.stop();
});

test('a number typed on Instagram is suggested, the agent confirms the merge and undoes it from the merge history', async ({ page }) => {
  const agent = new ConsolePage(page);
  await agent.signIn(demoAgent);

  await sim.webhooks.whatsapp.inbound({ name: 'Sari Pratiwi', waId: WA_ID }, wa.text('Paket saya belum sampai juga'));
  await sim.webhooks.instagram.inbound(IGSID, ig.text('Halo, ini Sari. Nomor WA saya 0812-7777-0001, soal paket tadi pagi'));

  // The Instagram customer is named from the profile's @handle, never the numeric id.
  const igRow = agent.page.getByTestId('ticket-row').filter({ hasText: 'soal paket tadi pagi' });
  await expect(igRow).toBeVisible();
  await expect(igRow).toContainText('@sari.pratiwi', { timeout: 15_000 });
  await igRow.click();

  const banner = agent.page.getByTestId('suggestion-banner');
  await expect(banner.getByTestId('suggestion')).toContainText('Sari Pratiwi');
  await page.screenshot({ path: 'test-results/customer-merge-suggestion.png' });

  await banner.getByTestId('suggestion-confirm').click();
  await expect(banner.getByTestId('suggestion-notice')).toBeVisible();

  // One ticket per issue: the WhatsApp ticket now holds the Instagram message too, and its row previews it
  // (the Instagram ticket is closed into it, off the open list).
  const waRow = agent.ticketRow('Sari Pratiwi');
  await expect(waRow).toHaveCount(1);
  await expect(waRow).toContainText('soal paket tadi pagi');
  await waRow.click();
  await expect(agent.timelineMessages().filter({ hasText: 'soal paket tadi pagi' })).toBeVisible();
  await agent.page.getByTestId('panel-tab-customer').click();
  const history = agent.page.getByTestId('merge-history');
  await expect(history.getByTestId('merge-entry')).toContainText('@sari.pratiwi');
  await page.screenshot({ path: 'test-results/customer-merge-history.png' });

  await history.getByTestId('merge-undo').click();
  await expect(history.getByTestId('merge-entry')).toHaveAttribute('data-undone', 'true');
  await expect(agent.timelineMessages().filter({ hasText: 'soal paket tadi pagi' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/customer-merge-undone.png' });
});
