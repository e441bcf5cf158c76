import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { createMetaSim, wa, type MetaSim } from '@keluh/meta-sim';
import { demoAgent, demoSupervisor } from '../fixtures/demo-users.ts';
import { watchCsp } from '../fixtures/csp-watch.ts';
import { E2E_META_SIM_PORT, e2eMetaChannels } from '../fixtures/meta-channels.ts';
import { staffToken, ticketOf } from '../fixtures/past-case.ts';
import { ConsolePage } from '../pages/console.page.ts';

/**
 * A supervisor opens Reports: the first-response chart draws from the rollups (a WhatsApp complaint and the
 * agent's reply sent just before), the totals sit under it, and "Download CSV" saves the same rows.
 */
let sim: MetaSim;
// Numbers of this spec's own: the specs share one server and database.
const customer = { name: 'Laras Pratiwi', waId: '6281277100041' };

test.beforeAll(async ({ baseURL, request }) => {
  sim = createMetaSim({
    port: E2E_META_SIM_PORT,
    knobs: {
      whatsapp: { appSecret: e2eMetaChannels.whatsapp.appSecret, accessToken: e2eMetaChannels.whatsapp.accessToken, webhookUrl: `${baseURL}/webhooks/whatsapp` },
      instagram: { appSecret: e2eMetaChannels.instagram.appSecret, accessToken: e2eMetaChannels.instagram.accessToken, webhookUrl: `${baseURL}/webhooks/instagram` },
    },
  });
  await sim.start();
  const headers = await staffToken(request, demoAgent);
  await sim.webhooks.whatsapp.inbound(customer, wa.text('Pesanan saya datang rusak, mohon dibantu'));
  const ticket = await ticketOf(request, headers, customer.name);
  const reply = await request.post(`/api/tickets/${ticket.id}/messages`, { headers, data: { body: 'Mohon maaf, kami bantu sekarang juga.' } });
  expect(reply.status()).toBe(201);
});

test.afterAll(async () => {
  await sim.stop();
});

test('a supervisor sees the first-response chart, reads the totals and downloads them as CSV', async ({ page }) => {
  const violations = await watchCsp(page);
  await new ConsolePage(page).signIn(demoSupervisor);
  await page.getByTestId('nav-reports').click();

  await expect(page.getByTestId('report-title')).toBeVisible();
  const canvas = page.getByTestId('report-chart').locator('canvas').first();
  await expect(canvas).toBeVisible();
  const box = await canvas.boundingBox();
  expect(box!.width).toBeGreaterThan(400);
  expect(box!.height).toBeGreaterThan(200);
  const whatsapp = page.getByTestId('report-row').and(page.locator('[data-group=whatsapp]'));
  await expect(whatsapp).toBeVisible();
  expect(Number(await whatsapp.locator('[data-column=count]').textContent())).toBeGreaterThanOrEqual(1);

  await page.mouse.move(0, 799);
  await page.screenshot({ path: 'docs/screenshots/reports.png' });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download').click()]);
  expect(download.suggestedFilename()).toMatch(/^keluh-first-response-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe('day,channel,count,median,p90,average');
  expect(lines.some((line) => /^\d{4}-\d{2}-\d{2},whatsapp,\d+,/.test(line))).toBe(true);
  expect(await violations()).toEqual([]);
});
