import { expect, test } from '@playwright/test';
import { wa, type MetaSim } from '@keluh/meta-sim';
import { expectNoAxeViolations } from '../fixtures/axe.ts';
import { demoAgent as budi, demoSupervisor } from '../fixtures/demo-users.ts';
import { startE2eMetaSim } from '../fixtures/meta-sim.ts';
import { BoardPage } from '../pages/board.page.ts';
import { ConsolePage } from '../pages/console.page.ts';

let sim: MetaSim;

test.beforeAll(async ({ baseURL }) => {
  sim = await startE2eMetaSim(baseURL);
});

test.afterAll(async () => {
  await sim.stop();
});

test('a WhatsApp customer appears on the board live, and a reassign there moves the ticket into the agent\'s inbox at once', async ({ browser }) => {
  const supervisorContext = await browser.newContext();
  const agentContext = await browser.newContext();
  const board = new BoardPage(await supervisorContext.newPage());
  const agent = new ConsolePage(await agentContext.newPage());
  await board.signInAndOpen(demoSupervisor);
  await agent.signIn(budi);
  await agent.page.getByTestId('nav-mine').click();
  await board.markDocument();
  const budiLoad = await board.agent(budi.name).getByTestId('board-agent-load').innerText();

  const customer = { name: 'Wahyu Hidayat', waId: '6281366610001' };
  await sim.webhooks.whatsapp.inbound(customer, wa.text('Saldo saya terpotong dua kali, tolong dicek'));

  // Pushed over the socket: the row arrives unassigned and its wait clock runs from the customer's message.
  const row = board.row(customer.name);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('board-reassign')).toContainText(/Belum ditugaskan|Unassigned/);
  const firstWait = await row.getByTestId('board-wait').innerText();
  await expect(row.getByTestId('board-wait')).not.toHaveText(firstWait, { timeout: 5_000 });

  await board.reassign(customer.name, budi.name);
  await expect(row.getByTestId('board-reassign')).toContainText(budi.name);
  await expect(board.agent(budi.name).getByTestId('board-agent-load')).not.toHaveText(budiLoad);

  // Budi never reloads: his "mine" list gains the ticket from the socket.
  await expect(agent.ticketRow(customer.name)).toBeVisible();
  expect(await board.documentMark()).toBe('loaded once');
  await supervisorContext.close();
  await agentContext.close();
});

test('the board and the wallboard have no WCAG 2 A or AA violation', async ({ page }) => {
  const board = new BoardPage(page);
  await board.signInAndOpen(demoSupervisor);
  await expect(page.getByTestId('board-queue-row').first()).toBeVisible();
  await expectNoAxeViolations(page, 'the board');
  await page.getByTestId('board-wall-link').click();
  await expect(page.getByTestId('board-page')).toHaveAttribute('data-wall', 'true');
  await expectNoAxeViolations(page, 'the wallboard');
});
