import { expect, test } from '@playwright/test';
import { createMetaSim, wa, type MetaSim } from '@keluh/meta-sim';
import { ConsolePage } from '../pages/console.page.ts';
import { demoAdmin, demoAgent } from '../fixtures/demo-users.ts';
import { E2E_META_SIM_PORT, e2eMetaChannels } from '../fixtures/meta-channels.ts';
import { staffToken } from '../fixtures/past-case.ts';

/**
 * Issue 10's SLA slice in the browser: a WhatsApp customer's first-response clock in the ticket header
 * turns amber at 80 % and red at its due time with no reload, and Settings → SLA shows the policy, the
 * shipped 2026 holidays and refuses a holiday overlapping another. (The weekly hours editor needs a team;
 * the demo seed has none until the scope slice's default team lands.)
 */
let sim: MetaSim;
let policyId: number;
let admin: Record<string, string>;
const customer = { name: 'Wulan Anggraini', waId: '6281399990731' };

test.beforeAll(async ({ baseURL, request }) => {
  sim = createMetaSim({
    port: E2E_META_SIM_PORT,
    knobs: {
      whatsapp: { appSecret: e2eMetaChannels.whatsapp.appSecret, accessToken: e2eMetaChannels.whatsapp.accessToken, webhookUrl: `${baseURL}/webhooks/whatsapp` },
      instagram: { appSecret: e2eMetaChannels.instagram.appSecret, accessToken: e2eMetaChannels.instagram.accessToken, webhookUrl: `${baseURL}/webhooks/instagram` },
    },
  });
  await sim.start();
  admin = await staffToken(request, demoAdmin);
  const made = await request.post('/api/sla/policies', { headers: admin, data: { priority: 'low', channel: 'whatsapp', firstResponseSeconds: 15, resolutionSeconds: 86_400, businessHours: false } });
  expect(made.status()).toBe(201);
  policyId = ((await made.json()) as { id: number }).id;
});

test.afterAll(async ({ request }) => {
  // The server is shared with the other specs: their tickets run no clock of ours.
  await request.delete(`/api/sla/policies/${policyId}`, { headers: admin });
  await sim.stop();
});

test.describe.configure({ timeout: 90_000 });

test('the first-response badge counts down and turns amber, then red, without a reload', async ({ page, request }) => {
  const console = new ConsolePage(page);
  await console.signIn(demoAgent);
  await sim.webhooks.whatsapp.inbound(customer, wa.text('Halo kak, mau tanya pesanan saya kapan dikirim ya'));
  const row = console.ticketRow(customer.name);
  await expect(row).toBeVisible();
  await row.click();
  // The policy is for low-priority WhatsApp tickets: set this one low, as a supervisor would.
  await page.getByTestId('ticket-priority-select').click();
  await page.getByRole('menuitemradio', { name: 'Rendah' }).click();
  const badge = page.getByTestId('sla-badge');
  await expect(badge).toHaveAttribute('data-light', 'green');
  await expect(badge).toContainText('Respons pertama');
  await page.getByTestId('ticket-customer-name').screenshot({ path: test.info().outputPath('sla-badge-green.png') });
  await expect(badge).toHaveAttribute('data-light', 'amber', { timeout: 20_000 });
  await page.locator('header').filter({ has: badge }).screenshot({ path: test.info().outputPath('sla-badge-amber.png') });
  await expect(badge).toHaveAttribute('data-light', 'red', { timeout: 20_000 });
  await expect(badge).toContainText('lewat');
  await page.locator('header').filter({ has: badge }).screenshot({ path: test.info().outputPath('sla-badge-red.png') });
  // The breach was found by the job runner and pushed: the server's clock says so too.
  const tickets = (await (await request.get('/api/tickets?limit=100', { headers: admin })).json()) as { items: { id: number; customer: { name: string } }[] };
  const ticket = tickets.items.find((item) => item.customer.name === customer.name)!;
  await expect.poll(async () => ((await (await request.get(`/api/tickets/${ticket.id}/sla`, { headers: admin })).json()) as { items: { metric: string; state: string }[] }).items.find((clock) => clock.metric === 'first_response')?.state).toBe('breached');
});

test('an admin sees the policies and the 2026 holidays, and a holiday overlapping Idul Fitri is refused', async ({ page }) => {
  const console = new ConsolePage(page);
  await console.signIn(demoAdmin);
  await page.getByTestId('nav-settings-sla').click();
  await expect(page.getByTestId('settings-sla')).toBeVisible();
  await expect(page.getByTestId('sla-policy-row').filter({ hasText: 'WhatsApp' })).toContainText('15 dtk');
  await expect(page.getByTestId('sla-holiday-row')).toHaveCount(23);
  const names = () => page.getByTestId('sla-holidays').locator('input[type=text]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  await expect.poll(names).toContain('Idul Fitri 1447 H');
  await page.screenshot({ path: test.info().outputPath('sla-settings.png'), fullPage: true });
  // A holiday sharing a day with Idul Fitri: refused with its code, and the list stays as it was.
  await page.getByTestId('sla-holiday-add').click();
  const added = page.getByTestId('sla-holiday-row').last();
  await added.getByLabel(/Dari|From/).fill('2026-03-22');
  await added.getByLabel(/Sampai|Until/).fill('2026-03-23');
  await added.getByLabel(/Nama|Name/).fill('Libur kantor');
  await page.getByTestId('sla-holidays-save').click();
  await expect(page.getByTestId('sla-holidays-error')).toHaveAttribute('data-code', 'sla.holiday_overlap');
  await page.getByTestId('sla-holidays-error').scrollIntoViewIfNeeded();
  await page.getByTestId('sla-holidays').screenshot({ path: test.info().outputPath('sla-holidays-error.png') });
  await page.reload();
  await expect(page.getByTestId('sla-holiday-row')).toHaveCount(23);
});
