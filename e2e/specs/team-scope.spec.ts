import { expect, test, type APIRequestContext } from '@playwright/test';
import { wa, type MetaSim } from '@keluh/meta-sim';
import { demoAdmin, demoAgent, demoAgent2 } from '../fixtures/demo-users.ts';
import { startE2eMetaSim } from '../fixtures/meta-sim.ts';
import { ConsolePage } from '../pages/console.page.ts';

/** Issue 10's team scope in the browser: the demo puts agent1 in Umum and agent2 in Penjualan. */
let sim: MetaSim;

test.beforeAll(async ({ baseURL }) => {
  sim = await startE2eMetaSim(baseURL);
});

test.afterAll(async () => {
  await sim.stop();
});

/** The id of the demo ticket of a customer, as the admin (who sees every team) lists it. */
async function demoTicketId(request: APIRequestContext, customerName: string): Promise<number> {
  const { token } = (await (await request.post('/api/auth/token', { data: demoAdmin })).json()) as { token: string };
  const page = (await (await request.get('/api/tickets?limit=100', { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { id: number; customer: { name: string } }[] };
  return page.items.find((item) => item.customer.name === customerName)!.id;
}

test("an agent opening another team's ticket is told it is not available, and never sees it listed", async ({ page, request }) => {
  const salesTicket = await demoTicketId(request, 'James Walker');
  const agent = new ConsolePage(page);
  await agent.signIn(demoAgent);
  await expect(agent.ticketRow('Dewi Lestari')).toBeVisible();
  await expect(agent.ticketRow('James Walker')).toHaveCount(0);

  await page.goto(`/inbox/all/${salesTicket}`);
  const alert = page.getByTestId('ticket-pane').getByRole('alert');
  await expect(alert).toContainText('Tiket tidak tersedia');
  await expect(alert).toContainText('di luar tim Anda');
  await page.screenshot({ path: test.info().outputPath('ticket-outside-team.png') });
});

test("a new WhatsApp complaint reaches the default team's agent live and never the other team's", async ({ browser }) => {
  const [one, two] = [await browser.newPage(), await browser.newPage()];
  const agent1 = new ConsolePage(one);
  const agent2 = new ConsolePage(two);
  await agent1.signIn(demoAgent);
  // agent2's own conversations are pending or resolved, so their open tab starts empty.
  await two.goto('/');
  await two.getByTestId('login-email').fill(demoAgent2.email);
  await two.getByTestId('login-password').fill(demoAgent2.password);
  await two.getByTestId('login-submit').click();
  await expect(agent2.connection).toHaveAttribute('data-state', 'connected');

  const customer = { name: 'Scope Lestari', waId: '6281299990710' };
  await sim.webhooks.whatsapp.inbound(customer, wa.text('Pesanan saya belum datang, tolong dicek'));
  await expect(agent1.ticketRow(customer.name)).toBeVisible();
  // Both consoles got the same push moment; a reload also asks the server's list, which filters by team.
  await expect(agent2.ticketRow(customer.name)).toHaveCount(0);
  await two.reload();
  await two.getByTestId('status-tab-all').click();
  await expect(agent2.ticketRow('James Walker')).toBeVisible();
  await expect(agent2.ticketRow(customer.name)).toHaveCount(0);
  await two.screenshot({ path: test.info().outputPath('agent2-inbox.png') });
});
