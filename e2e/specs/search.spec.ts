import { expect, test } from '@playwright/test';
import { wa, type MetaSim } from '@keluh/meta-sim';
import { demoAgent, demoAgent2 } from '../fixtures/demo-users.ts';
import { startE2eMetaSim } from '../fixtures/meta-sim.ts';
import { ConsolePage } from '../pages/console.page.ts';

/** Issue 11's search box: `/` anywhere outside a field, results grouped by kind, arrows and Enter. */
let sim: MetaSim;

test.beforeAll(async ({ baseURL }) => {
  sim = await startE2eMetaSim(baseURL);
});

test.afterAll(async () => {
  await sim.stop();
});

// Numbers of their own: the specs share one server and database.
const customer = { name: 'Kirana Pertiwi', waId: '6281299990840' };

test('an agent presses / and finds a customer’s message by another form of its word, then opens the ticket with Enter', async ({ page }) => {
  await sim.webhooks.whatsapp.inbound(customer, wa.text('Paketnya pecah waktu diterima, kardusnya penyok'));
  const agent = new ConsolePage(page);
  await agent.signIn(demoAgent);
  await expect(agent.ticketRow(customer.name)).toBeVisible();

  await page.keyboard.press('/');
  const box = page.getByTestId('search-box');
  await expect(box).toBeVisible();
  await page.keyboard.type('paket pecah');
  const messages = box.locator('[data-testid=search-group][data-kind=message]');
  await expect(messages.getByTestId('search-hit')).toHaveCount(1);
  await expect(messages.locator('mark')).toHaveText(['Paketnya', 'pecah']);
  await expect(messages).toContainText('Pesan');
  await page.screenshot({ path: test.info().outputPath('search-messages.png') });

  // The customer's name by its start, in its own group, above the messages.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('kirana per');
  const customers = box.locator('[data-testid=search-group][data-kind=customer]');
  await expect(customers.getByTestId('search-hit')).toContainText(customer.name);
  await page.keyboard.type('t');
  await expect(customers.getByTestId('search-hit').first()).toHaveAttribute('data-highlighted', '');
  await page.screenshot({ path: test.info().outputPath('search-box.png') });

  await page.keyboard.press('Enter');
  await expect(box).toBeHidden();
  await expect(page).toHaveURL(/\/inbox\/all\/\d+$/);
  await expect(page.getByTestId('ticket-customer-name')).toHaveText(customer.name);
});

test('an agent of another team finds nothing of the ticket', async ({ page }) => {
  // agent2's own conversations are pending or resolved, so their open tab starts empty (no ticket row to wait for).
  await page.goto('/');
  await page.getByTestId('login-email').fill(demoAgent2.email);
  await page.getByTestId('login-password').fill(demoAgent2.password);
  await page.getByTestId('login-submit').click();
  await expect(new ConsolePage(page).connection).toHaveAttribute('data-state', 'connected');
  await page.keyboard.press('/');
  const box = page.getByTestId('search-box');
  await page.keyboard.type('pecah');
  await expect(box.getByTestId('search-empty')).toContainText('Tidak ada hasil untuk “pecah”');
  await page.keyboard.press('Escape');
  await expect(box).toBeHidden();
});
