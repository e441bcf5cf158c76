import { expect, test } from '@playwright/test';
import { ConsolePage } from '../pages/console.page.ts';
import { demoAgent } from '../fixtures/demo-users.ts';

test('an agent moves through the console from the keyboard alone, and a reply written offline is kept and sent', async ({ page, context }) => {
  const agent = new ConsolePage(page);
  await agent.signIn(demoAgent);

  // j opens the first ticket; r puts the cursor in the reply; Escape leaves it again.
  await page.keyboard.press('j');
  await expect(page).toHaveURL(/\/inbox\/\w+\/\d+/);
  const composer = page.getByTestId('composer-input');
  await expect(composer).toBeVisible();
  await page.keyboard.press('r');
  await expect(composer).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(composer).not.toBeFocused();

  // ? shows the shortcut sheet; the palette (Ctrl+K) switches the language by name.
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcut-sheet')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('command-palette')).toBeVisible();
  await page.keyboard.type('bahasa');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('command-palette')).toBeHidden();
  await expect(page.getByTestId('lang-switch')).toHaveAttribute('data-lang', 'en');

  // A draft survives a reload.
  await page.keyboard.press('r');
  await page.keyboard.type('Draft kept across a reload');
  await page.reload();
  await expect(composer).toHaveValue('Draft kept across a reload');
  await composer.fill('');

  // Offline: the banner says so, the reply waits, and it is sent once the connection is back.
  await context.setOffline(true);
  await agent.dropSocket();
  await expect(page.getByTestId('composer-offline')).toBeVisible();
  const reply = `Sent after the connection came back ${Date.now()}`;
  await agent.reply(reply);
  await expect(page.getByTestId('composer-pending')).toBeVisible();
  await context.setOffline(false);
  await expect(agent.connection).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
  await expect(agent.timelineMessages().filter({ hasText: reply })).toHaveCount(1);
  await expect(page.getByTestId('composer-pending')).toBeHidden();
});
