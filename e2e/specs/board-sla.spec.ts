import { expect, test } from '@playwright/test';
import { wa, type MetaSim } from '@keluh/meta-sim';
import { demoAdmin, demoSupervisor } from '../fixtures/demo-users.ts';
import { startE2eMetaSim } from '../fixtures/meta-sim.ts';
import { staffToken } from '../fixtures/past-case.ts';
import { BoardPage } from '../pages/board.page.ts';

let sim: MetaSim;

test.beforeAll(async ({ baseURL }) => {
  sim = await startE2eMetaSim(baseURL);
});

test.afterAll(async () => {
  await sim.stop();
});

test('the board shows a new WhatsApp ticket\'s wait clock running and its SLA countdown turning amber, then red, without a reload', async ({ page, request }) => {
  const admin = await staffToken(request, demoAdmin);
  const policy = await request.post('/api/sla/policies', { headers: admin, data: { priority: 'normal', firstResponseSeconds: 12, businessHours: false } });
  expect(policy.ok()).toBe(true);
  const policyId = ((await policy.json()) as { id: number }).id;
  // The e2e specs share one database: the 12-second target must not outlive this spec.
  try {
    const board = new BoardPage(page);
    await board.signInAndOpen(demoSupervisor);
    await board.markDocument();
    const customer = { name: 'Siti Rahmawati', waId: '6281366610002' };
    await sim.webhooks.whatsapp.inbound(customer, wa.text('Pesanan saya belum dikirim sejak kemarin'));

    const row = board.row(customer.name);
    const sla = row.getByTestId('board-sla');
    await expect(sla).toHaveAttribute('data-metric', 'first_response');
    await expect(sla).toHaveAttribute('data-light', 'green');
    const firstWait = await row.getByTestId('board-wait').innerText();
    await expect(row.getByTestId('board-wait')).not.toHaveText(firstWait, { timeout: 5_000 });
    // 80 % of 12 s: amber from 9.6 s, red from 12 s, both from the local clock and the pushed clock row.
    await expect(sla).toHaveAttribute('data-light', 'amber', { timeout: 20_000 });
    await expect(sla).toHaveAttribute('data-light', 'red', { timeout: 10_000 });
    await expect(page.getByTestId('tile-breached')).not.toContainText(/^\D*0\D*$/);
    expect(await board.documentMark()).toBe('loaded once');
  } finally {
    await request.delete(`/api/sla/policies/${policyId}`, { headers: admin });
  }
});
