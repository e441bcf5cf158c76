import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe.ts';
import { demoAdmin } from '../fixtures/demo-users.ts';

/*
 * An admin sets up a team, invites someone into it, promotes them, and finds all of it in the audit log.
 * The email is this spec's own, so another spec's users never collide with it.
 */
const newcomer = { name: 'Rina Kartika', email: 'rina.admin-spec@keluh.test' };
const team = 'Tim Makassar (admin spec)';

test('an admin creates a team, invites a user into it with a one-time password, sets their role, and the audit log shows each step', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await page.getByTestId('login-email').fill(demoAdmin.email);
  await page.getByTestId('login-password').fill(demoAdmin.password);
  await page.getByTestId('login-submit').click();

  await page.getByTestId('nav-settings-teams').click();
  await page.getByTestId('team-new').click();
  await page.getByTestId('team-name').fill(team);
  await expect(page.getByTestId('team-zone').locator('option').first()).toHaveAttribute('value', 'Asia/Jakarta');
  await page.getByTestId('team-zone').selectOption('Asia/Makassar');
  await page.getByTestId('team-mode').selectOption('balanced');
  await page.getByTestId('team-save').click();
  await expect(page.getByTestId('team-saved')).toBeVisible();
  await expect(page.getByTestId(`team-${team}`)).toContainText('Asia/Makassar');
  await expectNoAxeViolations(page, 'the Teams page');

  await page.getByTestId('nav-settings-users').click();
  await page.getByTestId('invite-open').click();
  await page.getByTestId('invite-name').fill(newcomer.name);
  await page.getByTestId('invite-email').fill(newcomer.email);
  await page.getByTestId('invite-dialog').getByText(team).click();
  await page.getByTestId('invite-submit').click();
  const password = (await page.getByTestId('one-time-password').textContent())!.trim();
  expect(password.length).toBeGreaterThanOrEqual(16);
  await expectNoAxeViolations(page, 'the one-time password dialog');
  await page.getByTestId('copy-password').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);
  await page.getByTestId('invite-done').click();

  const row = page.getByTestId(`user-row-${newcomer.email}`);
  await expect(row).toContainText(team);
  await row.getByTestId(`role-${newcomer.email}`).click();
  await page.getByRole('menuitemradio', { name: 'Supervisor' }).click();
  await expect(row.getByTestId(`role-${newcomer.email}`)).toHaveAttribute('data-value', 'supervisor');
  await page.reload();
  await expect(page.getByTestId(`role-${newcomer.email}`)).toHaveAttribute('data-value', 'supervisor');
  await page.screenshot({ path: 'test-results/e2e/admin-users-page.png', fullPage: true });
  await expectNoAxeViolations(page, 'the Users page');

  await page.getByTestId(`edit-${newcomer.email}`).click();
  await page.getByTestId('capacity-whatsapp').fill('4');
  await page.screenshot({ path: 'test-results/e2e/admin-user-edit.png' });
  await page.getByTestId('user-edit-save').click();
  await expect(page.getByTestId(`capacity-${newcomer.email}`).locator('[data-capacity=whatsapp]')).toHaveText('4');

  await page.getByTestId('nav-settings-audit').click();
  const newest = page.getByTestId('audit-table').locator('tbody tr');
  // Newest first: the capacity, the (unchanged) teams save records nothing, the role, the invitation, the team.
  await expect(newest.nth(0)).toHaveAttribute('data-testid', 'audit-user.capacity_changed');
  await expect(newest.nth(1)).toHaveAttribute('data-testid', 'audit-user.role_changed');
  await expect(newest.nth(2)).toHaveAttribute('data-testid', 'audit-user.invited');
  await expect(newest.nth(2)).toContainText(newcomer.email);
  await expect(newest.nth(3)).toHaveAttribute('data-testid', 'audit-team.created');
  await page.screenshot({ path: 'test-results/e2e/admin-audit.png' });
  await expectNoAxeViolations(page, 'the Audit page');
  await expect(page.getByTestId('audit-table')).not.toContainText(password);
  await page.getByTestId('audit-action').selectOption('user.invited');
  await expect(newest).toHaveCount(1);
  await expect(newest.first()).toContainText(newcomer.email);

  // The invited person signs in with the one-time password.
  await page.getByTestId('sign-out').click();
  await page.getByTestId('login-email').fill(newcomer.email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('current-user')).toHaveText(newcomer.name);
});

test('an admin sets the reopen window under Teams, and reads and replaces the signed-visitor key under Channels', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('login-email').fill(demoAdmin.email);
  await page.getByTestId('login-password').fill(demoAdmin.password);
  await page.getByTestId('login-submit').click();

  await page.getByTestId('nav-settings-teams').click();
  const days = page.getByTestId('reopen-days');
  await expect(days).toHaveValue('3');
  await days.fill('400');
  await expect(page.getByTestId('reopen-window').getByRole('alert')).toContainText('0 sampai 365');
  await expect(page.getByTestId('reopen-save')).toBeDisabled();
  await days.fill('5');
  await page.getByTestId('reopen-save').click();
  await expect(page.getByTestId('reopen-saved')).toContainText('5 hari');
  await page.getByTestId('reopen-window').screenshot({ path: 'test-results/e2e/admin-reopen-window.png' });
  await page.reload();
  await expect(page.getByTestId('reopen-days')).toHaveValue('5');
  // The specs share one server: the default comes back for the others.
  await page.getByTestId('reopen-days').fill('3');
  await page.getByTestId('reopen-save').click();
  await expect(page.getByTestId('reopen-saved')).toContainText('3 hari');

  await page.getByTestId('nav-channels').click();
  await page.getByTestId('widget-identity-reveal').click();
  const secret = page.getByTestId('widget-identity-secret');
  const before = (await secret.textContent())!.trim();
  expect(before.length).toBeGreaterThanOrEqual(32);
  await page.getByTestId('widget-identity-rotate').click();
  await page.getByTestId('widget-identity-rotate-confirm').click();
  await expect(secret).not.toHaveText(before);
  await page.getByTestId('widget-identity').screenshot({ path: 'test-results/e2e/admin-widget-identity.png' });
  await expectNoAxeViolations(page, 'the Channels page with the widget key');

  await page.getByTestId('nav-settings-audit').click();
  const newest = page.getByTestId('audit-table').locator('tbody tr');
  await expect(newest.nth(0)).toHaveAttribute('data-testid', 'audit-secret.rotated');
  await expect(newest.nth(1)).toHaveAttribute('data-testid', 'audit-settings.changed');
  await expect(page.getByTestId('audit-table')).not.toContainText(before);
});
