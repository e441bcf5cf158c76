import { expect, test } from '@playwright/test';
import { wa, type MetaSim } from '@keluh/meta-sim';
import { expectNoAxeViolations } from '../fixtures/axe.ts';
import { demoAgent } from '../fixtures/demo-users.ts';
import { startE2eMetaSim } from '../fixtures/meta-sim.ts';
import { ConsolePage } from '../pages/console.page.ts';

/** Issue 9's accessibility check: the screens an agent works in, WCAG 2 A/AA, no violation. */
let sim: MetaSim;

test.beforeAll(async ({ baseURL }) => {
  sim = await startE2eMetaSim(baseURL);
});

test.afterAll(async () => {
  await sim.stop();
});

test('the login page has no WCAG 2 A or AA violation', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('login-email')).toBeVisible();
  await expectNoAxeViolations(page, 'the login page');
});

test('the inbox, every stage panel, the command palette and the shortcut sheet have no WCAG 2 A or AA violation', async ({ page }) => {
  const agent = new ConsolePage(page);
  await agent.signIn(demoAgent);
  await expectNoAxeViolations(page, 'the inbox');

  // An angry complaint, so stage 1 shows its emotion card and the list its raised priority.
  const customer = { name: 'Lestari Handayani', waId: '6281299990010' };
  await sim.webhooks.whatsapp.inbound(customer, wa.text('Paket saya belum sampai!!! Udah 3 hari nggak ada kabar, parah banget. Tolong segera, pesanan #INV-20977, resi JP1234500000'));
  await agent.ticketRow(customer.name).click();
  await expect(page.getByTestId('emotion-card')).toHaveAttribute('data-level', 'angry');

  for (const stage of [1, 2, 3, 4, 5]) {
    await page.getByTestId(`panel-tab-${stage}`).click();
    await expect(page.getByTestId(`panel-tab-${stage}`)).toHaveAttribute('data-state', 'active');
    // Wait for what the panel loads (phrases, categories, similar cases) so axe sees it filled in.
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    // Filled in as an agent would, so axe also sees the checklist with its proposals and the promise form.
    if (stage === 2) {
      await page.getByTestId('category-select').selectOption('delivery');
      await expect(page.getByTestId('fact-proposal').first()).toBeVisible();
    }
    if (stage === 3) await page.getByTestId('root-cause-select').selectOption('courier_delay');
    if (stage === 4) await expect(page.getByTestId('promise-due')).not.toHaveValue('');
    await expectNoAxeViolations(page, `the ticket with stage panel ${stage} open`);
  }

  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('command-palette')).toBeVisible();
  await expectNoAxeViolations(page, 'the command palette');
  await page.keyboard.press('Escape');

  await page.locator('body').press('?');
  await expect(page.getByTestId('shortcut-sheet')).toBeVisible();
  await expectNoAxeViolations(page, 'the shortcut sheet');
});
