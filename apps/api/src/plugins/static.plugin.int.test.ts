import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

/**
 * Over a real socket with node:http, because fetch and app.inject both normalise the URL first (WHATWG
 * parsing turns `/%2e%2e/` into `/`), which would hide exactly the paths under test.
 */
function get(baseUrl: string, path: string, accept = 'text/html'): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, headers: { accept } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the console, widget and demo files', () => {
  let t: TestApp;
  let root: string;
  beforeAll(async () => {
    // A built layout in a temp folder, with a secret beside it that no path may reach.
    root = mkdtempSync(join(tmpdir(), 'keluh-static-'));
    for (const dir of ['console', 'widget/app', 'widget/demo']) mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, 'package.json'), '{"secret":"outside-the-roots"}');
    writeFileSync(join(root, 'console/index.html'), '<html>console</html>');
    writeFileSync(join(root, 'widget/widget.js'), 'console.log("loader")');
    writeFileSync(join(root, 'widget/app/index.html'), '<html>widget</html>');
    writeFileSync(join(root, 'widget/demo/index.html'), '<html>demo</html>');
    t = await startTestApp({ staticRoots: { console: join(root, 'console'), widget: join(root, 'widget') } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('still serves the real files and the deep-link fallback', async () => {
    expect(await get(t.url, '/')).toMatchObject({ status: 200, body: '<html>console</html>' });
    expect(await get(t.url, '/tickets/42')).toMatchObject({ status: 200, body: '<html>console</html>' });
    expect(await get(t.url, '/widget/')).toMatchObject({ status: 200, body: '<html>widget</html>' });
    expect(await get(t.url, '/widget.js', '*/*')).toMatchObject({ status: 200 });
    expect(await get(t.url, '/demo')).toMatchObject({ status: 200, body: '<html>demo</html>' });
  });

  const probes: [string, string, number, string][] = [
    ['an encoded parent segment at the root', '/%2e%2e/', 400, 'request.bad_path'],
    ['encoded parent segments toward the repository', '/widget/%2e%2e/%2e%2e/package.json', 400, 'request.bad_path'],
    ['parent segments with encoded slashes', '/widget/..%2f..%2fpackage.json', 400, 'request.bad_path'],
    ['a literal parent segment', '/demo/../../package.json', 400, 'request.bad_path'],
    ['encoded backslashes', '/demo/..%5c..%5cpackage.json', 400, 'request.bad_path'],
    ['a NUL at the root', '/%00', 400, 'request.bad_path'],
    ['a NUL inside a widget file name', '/widget/index.html%00.js', 400, 'request.bad_path'],
    ['an overlong UTF-8 dot', '/widget/%c0%ae', 400, 'request.bad_path'],
    ['a truncated escape', '/widget/%', 400, 'request.bad_path'],
    ['an empty segment', '/widget//etc/passwd', 400, 'request.bad_path'],
    ['a file name longer than the file system allows', `/widget/${'a'.repeat(300)}`, 400, 'request.bad_path'],
    ['a very long path', `/widget/${'a/'.repeat(1500)}`, 414, 'request.path_too_long'],
  ];

  it.each(probes)('answers %s with a coded 4xx, never a file or a 500', async (_label, path, status, code) => {
    for (const accept of ['text/html', '*/*']) {
      const response = await get(t.url, path, accept);
      expect(response.status, accept).toBe(status);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code } });
      expect(response.body).not.toContain('outside-the-roots');
    }
  });
});
