import { expect, test } from '@playwright/test';
import { ig, wa, type MetaSim } from '@keluh/meta-sim';
import { demoAdmin, demoSupervisor } from '../fixtures/demo-users.ts';
import { startE2eMetaSim } from '../fixtures/meta-sim.ts';
import { staffToken } from '../fixtures/past-case.ts';
import { BoardPage } from '../pages/board.page.ts';

/**
 * The README's pictures of the board and the wallboard, from the real console with live traffic. It
 * writes into docs/, so it runs only when asked:
 * `README_SCREENSHOTS=1 npx playwright test -c e2e/playwright.config.ts board-screenshots`.
 */
test.skip(!process.env.README_SCREENSHOTS, 'writes docs/screenshots; run with README_SCREENSHOTS=1');
test.use({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });

let sim: MetaSim;

test.beforeAll(async ({ baseURL }) => {
  sim = await startE2eMetaSim(baseURL);
});

test.afterAll(async () => {
  await sim.stop();
});

test('the README shows the supervisor board and the wallboard with live traffic', async ({ page, request }) => {
  // With the SLA slice merged the rows carry countdowns; without it they read "no SLA".
  await request.post('/api/sla/policies', { headers: await staffToken(request, demoAdmin), data: { priority: 'normal', firstResponseSeconds: 600, businessHours: false } });
  const customers = [
    ['Ratna Sari', '6281377770101', 'Paket saya belum sampai, sudah 4 hari'],
    ['Joko Susilo', '6281377770102', 'Tagihan saya dobel bulan ini'],
    ['Lina Marlina', '6281377770103', 'Barang yang datang salah warna'],
  ] as const;
  for (const [name, waId, text] of customers) await sim.webhooks.whatsapp.inbound({ name, waId }, wa.text(text));
  await sim.webhooks.instagram.inbound('1122334455660001', ig.text('Kenapa refund saya belum masuk?'));

  const board = new BoardPage(page);
  await board.signInAndOpen(demoSupervisor);
  await expect(board.row('Lina Marlina')).toBeVisible();
  await page.waitForTimeout(3_000);
  await page.mouse.move(0, 799);
  await page.screenshot({ path: 'docs/screenshots/board.png' });

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByTestId('board-wall-link').click();
  await expect(page.getByTestId('board-page')).toHaveAttribute('data-wall', 'true');
  await expect(board.row('Lina Marlina')).toBeVisible();
  await page.mouse.move(0, 1079);
  await page.screenshot({ path: 'docs/screenshots/board-wallboard.png' });
});
