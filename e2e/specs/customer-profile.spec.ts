import { expect, test } from '@playwright/test';
import { ConsolePage } from '../pages/console.page.ts';
import { DemoShopPage } from '../pages/demo-shop.page.ts';
import { demoAdmin, demoAgent } from '../fixtures/demo-users.ts';

test('an English-writing shop customer who asks for a discount is shown as English and thrifty, with the story so far and a profile the agent can shape', async ({ browser, request }) => {
  // An admin defines a typed attribute through the API, as the settings page does.
  const token = (await (await request.post('/api/auth/token', { data: demoAdmin })).json()).token as string;
  const tier = `tier_${Date.now() % 100000}`;
  expect((await request.post('/api/customer-attributes', { headers: { authorization: `Bearer ${token}` }, data: { key: tier, label: 'Member tier', type: 'choice', choices: ['gold', 'silver'] } })).status()).toBe(201);

  const agentContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const customerContext = await browser.newContext();
  const agent = new ConsolePage(await agentContext.newPage());
  const shop = new DemoShopPage(await customerContext.newPage());
  await agent.signIn(demoAgent);
  await shop.open();
  // The demo agent works in Bahasa Indonesia; the customer writes in English.

  const complaint = `Hi, my order has not arrived yet and it has been a week. Is there any discount for the delay? ${Date.now()}`;
  await shop.write(complaint);
  await agent.ticketRow(complaint).click();

  const header = agent.page.getByTestId('ticket-customer-profile');
  await expect(header).toHaveAttribute('data-characteristic', 'thrifty');
  await expect(agent.page.getByTestId('ticket-tone-hint')).toContainText('Memperhatikan nilai');
  const story = agent.page.getByTestId('story-card');
  await expect(story.getByTestId('story-stage')).toContainText('Tahap 1');
  await expect(story.getByTestId('story-last-said').locator('li[data-channel=webchat]')).toContainText('my order has not arrived yet');
  
  await agent.page.screenshot({ path: 'test-results/profile/ticket-story.png' });

  await header.getByTestId('open-profile').click();
  const profile = agent.page.getByTestId('customer-profile');
  await expect(profile.getByTestId('profile-language')).toContainText('Inggris');
  await expect(profile.getByTestId('profile-characteristic-source')).toContainText('membahas harga (discount)');
  await expect(profile.getByTestId('profile-identities').locator('li[data-channel=webchat]')).toBeVisible();
  await expect(profile.getByTestId('profile-tickets').locator('li')).toHaveCount(1);

  await profile.getByTestId('profile-note-input').fill('Asked for a delay discount; prefers English.');
  await profile.getByTestId('profile-note-add').click();
  await expect(profile.getByTestId('profile-notes')).toContainText('prefers English');
  await profile.getByTestId(`attr-${tier}`).selectOption('gold');
  await profile.getByTestId('profile-attributes-save').click();
  await expect(profile.getByText('Tersimpan')).toBeVisible();
  await agent.page.screenshot({ path: 'test-results/profile/customer-profile.png', fullPage: true });

  // The agent's choice stands: the characteristic is now theirs, and the reload shows it.
  await profile.getByTestId('profile-characteristic').click();
  await agent.page.locator('[data-testid=profile-characteristic-option][data-value=loyal]').click();
  await expect(profile.getByTestId('profile-characteristic-source')).toHaveAttribute('data-source', 'agent');
  await agent.page.reload();
  await expect(agent.page.getByTestId('profile-characteristic')).toHaveAttribute('data-value', 'loyal');
  await expect(agent.page.getByTestId(`attr-${tier}`)).toHaveValue('gold');

  await agentContext.close();
  await customerContext.close();
});

test('an admin defines a customer attribute on its settings page, and a key that is not a key is explained', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const admin = new ConsolePage(await context.newPage());
  await admin.signIn(demoAdmin);
  await admin.page.goto('/settings/customer-attributes');
  const page = admin.page.getByTestId('settings-customer-attributes');
  await page.getByTestId('attribute-key').fill('Bad Key');
  await page.getByTestId('attribute-label').fill('Kota');
  await page.getByTestId('attribute-add').click();
  await expect(page.getByTestId('attribute-error')).toHaveAttribute('data-code', 'validation.failed');

  const key = `segment_${Date.now() % 100000}`;
  await page.getByTestId('attribute-key').fill(key);
  await page.getByTestId('attribute-label').fill('Segmen');
  await page.getByTestId('attribute-type').selectOption('choice');
  await page.getByTestId('attribute-choices').fill('retail, grosir');
  await page.getByTestId('attribute-add').click();
  await expect(page.getByTestId('attribute-list')).toContainText('retail, grosir');
  await expect(page.getByTestId('attribute-error')).toHaveCount(0);
  await admin.page.screenshot({ path: 'test-results/profile/customer-attributes.png' });
  await context.close();
});
