import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { ConsolePage } from '../pages/console.page.ts';
import { DemoShopPage } from '../pages/demo-shop.page.ts';
import { demoAgent } from '../fixtures/demo-users.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Hooks that only tests may use: they must live in the specs (fixtures/socket-line.ts), never in what ships. */
const TEST_HOOKS = ['__keluh', 'dropSocket'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Every built file with the path the server serves it at (static.plugin.ts). */
function servedFiles(): { path: string; file: string }[] {
  const consoleDist = join(root, 'apps/console/dist');
  const widgetDist = join(root, 'apps/widget/dist');
  return [
    ...filesUnder(consoleDist).map((file) => ({ path: `/${relative(consoleDist, file)}`, file })),
    ...filesUnder(join(widgetDist, 'app')).map((file) => ({ path: `/widget/${relative(join(widgetDist, 'app'), file)}`, file })),
    { path: '/widget.js', file: join(widgetDist, 'widget.js') },
  ];
}

test('the console and widget files the server ships carry no test hook', async ({ request }) => {
  const files = servedFiles().filter(({ path }) => /\.(js|map|html)$/.test(path));
  expect(files.filter(({ path }) => path.endsWith('.js')).length).toBeGreaterThan(3);
  for (const { path, file } of files) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const body = await response.text();
    // What the server answers is the build on disk, so checking it checks what `npm run build` made.
    expect(body, path).toBe(readFileSync(file, 'utf8'));
    for (const hook of TEST_HOOKS) expect(body.includes(hook), `${hook} in ${path}`).toBe(false);
  }
});

test('a signed-in console and an open widget expose nothing on window for tests to drive', async ({ browser }) => {
  const agentContext = await browser.newContext();
  const agent = new ConsolePage(await agentContext.newPage());
  await agent.signIn(demoAgent);
  await agent.page.getByTestId('ticket-row').first().click();
  await expect(agent.page.getByTestId('ticket-pane')).toBeVisible();
  expect(await agent.page.evaluate((hooks) => hooks.filter((hook) => hook in window), TEST_HOOKS)).toEqual([]);

  const shopContext = await browser.newContext();
  const shop = new DemoShopPage(await shopContext.newPage());
  await shop.open();
  const frame = shop.page.frames().find((candidate) => candidate.url().includes('/widget/'));
  expect(frame).toBeDefined();
  expect(await frame!.evaluate((hooks) => hooks.filter((hook) => hook in window), TEST_HOOKS)).toEqual([]);

  await agentContext.close();
  await shopContext.close();
});
