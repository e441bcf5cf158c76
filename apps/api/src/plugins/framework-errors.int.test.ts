import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { closeRawHttp, send, sendBytes } from '../testing/raw-http.ts';

/*
 * Refusals made before any route runs (Node's HTTP parser, the router, @fastify/static's file sender):
 * the fuzzer found each answered with a 500 or in some other shape than `{ error: { code } }`.
 * Over a real socket, because app.inject never meets Node's parser.
 */

const errorOf = (text: string) => (JSON.parse(text) as { error: { code: string } }).error;

describe('requests refused before any route runs', () => {
  let t: TestApp;
  let root: string;
  let token: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'keluh-framework-errors-'));
    for (const dir of ['console', 'widget/app', 'widget/demo']) mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, 'console/index.html'), '<html>console</html>');
    writeFileSync(join(root, 'widget/widget.js'), 'console.log("loader")');
    t = await startTestApp({ staticRoots: { console: join(root, 'console'), widget: join(root, 'widget') } });
    token = await t.login();
  });
  afterAll(async () => {
    closeRawHttp();
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each([
    ['a ticket id', 'GET', (long: string) => `/api/tickets/${long}`],
    ['an API channel id in its webhook', 'POST', (long: string) => `/webhooks/api/${long}`],
    ['a media digest', 'GET', (long: string) => `/api/media/${long}`],
  ])('answers %s longer than the router takes (100 characters) with 414 request.path_too_long, not a 500', async (_label, method, path) => {
    const response = await send(t.url, { method, target: path('1'.repeat(101)), headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(414);
    expect(errorOf(response.text).code).toBe('request.path_too_long');
  });

  it('answers request headers past 16 KiB with 431 request.headers_too_large', async () => {
    const response = await send(t.url, { method: 'GET', target: '/healthz', headers: { 'x-padding': 'p'.repeat(17_000) } });
    expect(response.status).toBe(431);
    expect(errorOf(response.text).code).toBe('request.headers_too_large');
  });

  it.each([
    ['a request line that is not HTTP', 'GARBAGE\r\n\r\n'],
    ['a header line without a colon', 'GET /healthz HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n'],
    ['both Content-Length and chunked framing (request smuggling)', 'POST /api/auth/token HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
  ])('answers %s with 400 request.malformed and closes the connection', async (_label, bytes) => {
    const answer = await sendBytes(t.url, Buffer.from(bytes, 'latin1'));
    expect(answer.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(errorOf(answer.body).code).toBe('request.malformed');
    expect((await send(t.url, { method: 'GET', target: '/healthz', headers: {} })).status).toBe(200);
  });

  it('answers an HTTP/1.1 request without Host with 400 request.malformed, and serves HTTP/1.0 without one', async () => {
    const missing = await sendBytes(t.url, Buffer.from('GET /healthz HTTP/1.1\r\n\r\n', 'latin1'));
    expect(missing.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(errorOf(missing.body).code).toBe('request.malformed');
    // HTTP/1.0 closes the connection after the answer, so our side can stay open until then.
    expect((await sendBytes(t.url, Buffer.from('GET /healthz HTTP/1.0\r\n\r\n', 'latin1'), { halfClose: false })).statusLine).toBe('HTTP/1.1 200 OK');
  });

  it('answers an Expect other than 100-continue with 417 request.expectation_failed', async () => {
    const response = await send(t.url, { method: 'GET', target: '/healthz', headers: { expect: 'something-else' } });
    expect(response.status).toBe(417);
    expect(errorOf(response.text).code).toBe('request.expectation_failed');
  });

  it('answers a Range past the end of a static file with 416 and the file length, not a 500', async () => {
    const response = await send(t.url, { method: 'GET', target: '/widget.js', headers: { range: 'bytes=999999999-' } });
    expect(response.status).toBe(416);
    expect(errorOf(response.text).code).toBe('request.range_not_satisfiable');
    expect(response.headers['content-range']).toBe('bytes */21');
  });

  it('answers an If-Match a static file does not meet with 412, not a 500', async () => {
    const response = await send(t.url, { method: 'GET', target: '/widget.js', headers: { 'if-match': '"not-this-file"' } });
    expect(response.status).toBe(412);
    expect(errorOf(response.text).code).toBe('request.precondition_failed');
  });
});
