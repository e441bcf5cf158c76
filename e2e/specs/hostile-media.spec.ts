import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { wa, type MetaSim } from '@keluh/meta-sim';
import { ConsolePage } from '../pages/console.page.ts';
import { demoAgent } from '../fixtures/demo-users.ts';
import { startE2eMetaSim } from '../fixtures/meta-sim.ts';
import { parcelPng } from '../fixtures/png.ts';

/**
 * What a script in a customer's "photo" would do if it ever ran in the console's origin: take the
 * agent's token and mark the page. The spec listens for the marker request and looks for the marks.
 */
const MARKER = '/__hostile-media-ran';
const payload = (from: string) =>
  `document.title='XSS:${from}';try{localStorage.setItem('hostile-media','${from}')}catch(e){};` +
  `fetch('${MARKER}?from=${from}&token='+encodeURIComponent(JSON.stringify(localStorage)))`;
const HTML_PAGE = `<!doctype html><html><head><title>Struk pembayaran</title></head><body><h1>Struk</h1><script>${payload('html')}</script></body></html>`;
const SVG_IMAGE = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#b45309"/><script>${payload('svg')}</script></svg>`;

let sim: MetaSim;

test.beforeAll(async ({ baseURL }) => {
  sim = await startE2eMetaSim(baseURL);
});

test.afterAll(async () => {
  await sim.stop();
});

/** Every request any page of the context makes to the marker, and every title any page ever had. */
function watch(context: BrowserContext) {
  const markers: string[] = [];
  const titles: string[] = [];
  const track = (page: Page) => {
    page.on('request', (request) => {
      if (request.url().includes(MARKER)) markers.push(request.url());
    });
    page.on('load', () => void page.title().then((title) => titles.push(title)).catch(() => undefined));
  };
  context.pages().forEach(track);
  context.on('page', track);
  return { markers, titles };
}

test('an HTML page and an SVG sent as WhatsApp photos reach the agent as downloads, and no script of theirs runs in the console', async ({ page, context, baseURL }) => {
  const seen = watch(context);
  const agent = new ConsolePage(page);
  await agent.signIn(demoAgent);

  // The sender claims the types that would run: a web page and an SVG image.
  const html = sim.media.describe(sim.media.add(HTML_PAGE, 'text/html'));
  const svg = sim.media.describe(sim.media.add(SVG_IMAGE, 'image/svg+xml'));
  await sim.webhooks.whatsapp.inbound({ name: 'Pengirim Iseng', waId: '6281299990001' }, [
    wa.image(html, { caption: 'Ini struk pembayarannya' }),
    wa.image(svg, { caption: 'Foto resi' }),
  ]);

  await agent.ticketRow('Pengirim Iseng').click();
  const attachments = page.locator('[data-testid="attachment"][data-kind="image"]');
  await expect(attachments).toHaveCount(2);
  await expect(attachments.and(page.locator('[data-state="stored"]'))).toHaveCount(2);
  // Neither is drawn as a picture: their bytes are not one, so each is a file to download.
  await expect(attachments.locator('img')).toHaveCount(0);
  const files = attachments.getByTestId('attachment-file');
  await expect(files).toHaveCount(2);

  for (const file of await files.all()) {
    const url = new URL((await file.getAttribute('href'))!, baseURL).href;

    // What the server says about it, asked from the signed-in console.
    const headers = await page.evaluate(async (href) => {
      const all: Record<string, string> = {};
      (await fetch(href)).headers.forEach((value, name) => (all[name] = value));
      return all;
    }, url);
    expect(headers).toMatchObject({ 'content-type': 'application/octet-stream', 'content-disposition': 'attachment', 'x-content-type-options': 'nosniff' });
    expect(headers['content-security-policy']).toMatch(/sandbox/);

    // The agent clicks it: a download, not a page.
    const [download] = await Promise.all([page.waitForEvent('download'), file.click()]);
    expect(await download.failure()).toBeNull();

    // Opened straight in a tab of the console's origin, and framed inside the console itself.
    const tab = await context.newPage();
    const tabDownload = tab.waitForEvent('download', { timeout: 5_000 }).catch(() => null);
    await tab.goto(url).catch(() => undefined);
    expect(await tabDownload).not.toBeNull();
    await tab.close();
    await page.evaluate((href) => {
      const frame = document.createElement('iframe');
      frame.src = href;
      frame.dataset.hostile = 'frame';
      document.body.append(frame);
    }, url);
  }

  // Give any script that did get a chance time to phone home.
  await page.waitForTimeout(1_500);
  expect(seen.markers).toEqual([]);
  expect(seen.titles.filter((title) => title.startsWith('XSS'))).toEqual([]);
  expect(await page.title()).not.toMatch(/^XSS/);
  expect(await page.evaluate(() => localStorage.getItem('hostile-media'))).toBeNull();
  // And had one run, there was nothing to steal: the session lives in an httpOnly cookie no script can read.
  const readable = await page.evaluate(() => ({ cookie: document.cookie, local: JSON.stringify(localStorage), session: JSON.stringify(sessionStorage) }));
  expect(readable.cookie).not.toContain('keluh_session');
  expect(`${readable.local}${readable.session}`).not.toMatch(/token/i);
  expect((await context.cookies()).find((cookie) => cookie.name === 'keluh_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  // The console is still signed in and working.
  await expect(agent.connection).toHaveAttribute('data-state', 'connected');
});

test('a real photo still opens full size in a tab, as an image', async ({ page, context, baseURL }) => {
  const agent = new ConsolePage(page);
  await agent.signIn(demoAgent);
  const photo = sim.media.describe(sim.media.add(parcelPng(), 'image/jpeg'));
  await sim.webhooks.whatsapp.inbound({ name: 'Pelanggan Jujur', waId: '6281299990002' }, wa.image(photo, { caption: 'Kardusnya penyok' }));
  await agent.ticketRow('Pelanggan Jujur').click();
  const image = page.locator('[data-testid="attachment"][data-state="stored"] img');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(96);

  const url = new URL((await image.getAttribute('src'))!, baseURL).href;
  const tab = await context.newPage();
  const response = await tab.goto(url);
  // Sniffed as what it is (a PNG), whatever the sender claimed, and shown inline, sandboxed.
  expect(response?.headers()).toMatchObject({ 'content-type': 'image/png', 'content-disposition': 'inline' });
  await expect.poll(() => tab.evaluate(() => document.images[0]?.naturalWidth ?? 0)).toBe(96);
  await tab.close();
});
