import { expect, test } from '@playwright/test';
import { ConsolePage } from '../pages/console.page.ts';
import { demoAgent, demoSupervisor } from '../fixtures/demo-users.ts';

interface PresenceItem {
  userId: number;
  status: string;
  connections: number;
}

test('an agent sets themselves away from the rail, a supervisor sees it at once, and it stays after a reload', async ({ browser }) => {
  const agentContext = await browser.newContext();
  const agent = new ConsolePage(await agentContext.newPage());
  await agent.signIn(demoAgent);
  const supervisorContext = await browser.newContext();
  const supervisor = new ConsolePage(await supervisorContext.newPage());
  await supervisor.signIn(demoSupervisor);
  const me = (await (await agent.page.request.get('/api/auth/me')).json()) as { user: { id: number } };
  const statusSeenBySupervisor = async () => {
    const response = await supervisor.page.request.get('/api/presence');
    const items = ((await response.json()) as { items: PresenceItem[] }).items;
    return items.find((item) => item.userId === me.user.id)?.status ?? 'absent';
  };

  const toggle = agent.page.getByTestId('presence-toggle');
  await expect(toggle).toHaveAttribute('data-status', 'online');
  await expect.poll(statusSeenBySupervisor).toBe('online');

  await agent.page.getByTestId('presence-choice').click();
  await agent.page.getByTestId('presence-choice-option').filter({ hasText: 'Tidak di tempat' }).click();
  await expect(toggle).toHaveAttribute('data-status', 'away');
  await expect.poll(statusSeenBySupervisor).toBe('away');
  await agent.page.screenshot({ path: 'test-results/e2e/presence-toggle-away.png' });

  // The choice is stored on the user: a reload (a new socket) comes back away, not online.
  await agent.page.reload();
  await expect(agent.connection).toHaveAttribute('data-state', 'connected');
  await expect(toggle).toHaveAttribute('data-status', 'away');
  await expect(agent.page.getByTestId('presence-choice')).toHaveAccessibleName('Status saya: Tidak di tempat');

  await agent.page.getByTestId('presence-choice').click();
  await agent.page.getByTestId('presence-choice-option').filter({ hasText: 'Online' }).click();
  await expect(toggle).toHaveAttribute('data-status', 'online');
  await expect.poll(statusSeenBySupervisor).toBe('online');
  await agentContext.close();
  await supervisorContext.close();
});
