import { expect, test, type Page } from '@playwright/test';
import { createMetaSim, wa, type MetaSim } from '@keluh/meta-sim';
import { demoAgent } from '../fixtures/demo-users.ts';
import { E2E_META_SIM_PORT, e2eMetaChannels } from '../fixtures/meta-channels.ts';
import { seedResolvedDeliveryCase, staffToken } from '../fixtures/past-case.ts';
import { ConsolePage } from '../pages/console.page.ts';

/**
 * The README's pictures of the five stages, taken from the real console at 1280×800 (the width the
 * console is designed for, where the right panel shows). It writes into docs/, so it runs only when asked:
 * `README_SCREENSHOTS=1 npx playwright test -c e2e/playwright.config.ts readme-screenshots`.
 */
test.skip(!process.env.README_SCREENSHOTS, 'writes docs/screenshots; run with README_SCREENSHOTS=1');
// An Indonesian agent's browser: the date picker and the clock read as theirs, not en-US. Chromium draws a
// date input in its own interface language, which only --lang sets (the page's locale does not reach it).
test.use({
  locale: 'id-ID',
  timezoneId: 'Asia/Jakarta',
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--lang=id-ID'],
  },
});

let sim: MetaSim;

test.beforeAll(async ({ baseURL, request }) => {
  sim = createMetaSim({
    port: E2E_META_SIM_PORT,
    knobs: {
      whatsapp: { appSecret: e2eMetaChannels.whatsapp.appSecret, accessToken: e2eMetaChannels.whatsapp.accessToken, webhookUrl: `${baseURL}/webhooks/whatsapp` },
      instagram: { appSecret: e2eMetaChannels.instagram.appSecret, accessToken: e2eMetaChannels.instagram.accessToken, webhookUrl: `${baseURL}/webhooks/instagram` },
    },
  });
  await sim.start();
  await seedResolvedDeliveryCase(request, sim, await staffToken(request, demoAgent));
});

test.afterAll(async () => {
  await sim.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: `docs/screenshots/${name}.png` });

test('the README shows each stage panel and the command palette as an agent sees them', async ({ page }) => {
  const agent = new ConsolePage(page);
  await agent.signIn(demoAgent);
  const customer = { name: 'Putri Maharani', waId: '6281299990020' };
  await sim.webhooks.whatsapp.inbound(customer, wa.text('Paket saya belum sampai!!! Udah 3 hari nggak ada kabar, parah banget. Tolong segera, pesanan #INV-20931, resi JP1234567890'));
  await agent.ticketRow(customer.name).click();
  // The pointer would leave a hover highlight in the pictures.
  await page.mouse.move(0, 799);

  await expect(page.getByTestId('emotion-card')).toHaveAttribute('data-level', 'angry');
  await expect(page.getByTestId('phrase-option').first()).toBeVisible();
  await shot(page, 'stage-1-empathy');

  await page.keyboard.press('p');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('composer-input')).toHaveValue(/maaf/);
  await page.keyboard.press('Enter');
  // The first reply completes stage 1, and the ticket moves on by itself.
  await expect(page.getByTestId('stage-bar')).toHaveAttribute('data-stage', '2');
  await page.getByTestId('category-select').selectOption('delivery');
  await expect(page.getByTestId('fact-proposal')).toHaveCount(2);
  await page.mouse.move(0, 799);
  await shot(page, 'stage-2-details');

  // The palette where it helps most: what this stage can do next, one Enter away.
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('palette-item').first()).toHaveAttribute('data-command', 'workflow.advance');
  await shot(page, 'command-palette');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('command-palette')).toBeHidden();

  await page.getByTestId('fact-proposal').first().click();
  await page.getByTestId('fact-proposal').first().click();
  await expect(page.getByTestId('stage-bar')).toHaveAttribute('data-stage', '3');
  // The note first: the root cause completes stage 3, and the panel would move on with it.
  await page.getByTestId('root-cause-note').fill('Paket tertahan di hub kurir Cakung sejak Sabtu.');
  await page.getByTestId('root-cause-note').blur();
  await expect(page.getByTestId('similar-case').first()).toBeVisible();
  await page.mouse.move(0, 799);
  await shot(page, 'stage-3-map');

  await page.getByTestId('root-cause-select').selectOption('courier_delay');
  await expect(page.getByTestId('stage-bar')).toHaveAttribute('data-stage', '4');
  await page.getByTestId('solution-text').fill('Kami eskalasi ke kurir hari ini dan kirim ulang dengan ekspres bila paket tidak bergerak besok.');
  await page.getByTestId('promise-text').fill('Kabar posisi paket dari kurir');
  await expect(page.getByTestId('promise-basis')).toBeVisible();
  await page.mouse.move(0, 799);
  await shot(page, 'stage-4-solution');

  await page.getByTestId('promise-make').click();
  await expect(page.getByTestId('promise-card')).toBeVisible();
  await page.getByTestId('solution-save').click();
  await expect(page.getByTestId('stage-bar')).toHaveAttribute('data-stage', '5');
  await page.getByTestId('review-request').click();
  await expect.poll(() => sim.state.sent.findLast((sent) => sent.recipient === customer.waId && sent.choices?.form === 'list')).toBeDefined();
  const list = sim.state.sent.findLast((sent) => sent.recipient === customer.waId && sent.choices?.form === 'list')!;
  await sim.customers.whatsapp.tapOption(list.id, list.choices!.options.find((option) => option.id.endsWith(':5'))!.id);
  await expect.poll(() => sim.state.sent.some((sent) => sent.recipient === customer.waId && sent.choices?.form === 'button')).toBe(true);
  await sim.webhooks.whatsapp.inbound(customer, wa.text('Makasih ya kak, cepat banget ditanganinya 🙏'));
  const consent = sim.state.sent.findLast((sent) => sent.recipient === customer.waId && sent.choices?.form === 'button')!;
  await sim.customers.whatsapp.tapOption(consent.id, consent.choices!.options.find((option) => option.id.endsWith(':yes'))!.id);
  await expect(page.getByTestId('review-testimonial')).toHaveAttribute('data-state', 'pending');
  await page.mouse.move(0, 799);
  await shot(page, 'stage-5-review');
});
