/**
 * `npm run check:image`: the production image, proven without a Docker engine. It replays the Dockerfile's
 * stages into a temporary folder (scripts/deploy/image-rebuild.ts: the same COPYs under .dockerignore, the
 * same npm commands — `npm ci --omit=dev` included), then checks the runtime stage's file set and starts the
 * server from it as the image would: /healthz answers, the HEALTHCHECK command passes (and fails once the
 * server is gone), and DEMO_SIM=1 stops with the clear message because meta-sim is not there.
 * A separate script, not part of `npm test`: two npm installs and a native build take minutes.
 * `--keep` leaves the folder for a look.
 */
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BuildContext } from './deploy/build-context.ts';
import { parseDockerfile } from './deploy/dockerfile.model.ts';
import { replayStages } from './deploy/image-rebuild.ts';
import { imageEnv, runToExit, startImageServer } from './deploy/image-server.process.ts';
import { isTestFile, staticTestToolImport, TEST_TOOL_FOLDERS, TEST_TOOL_PACKAGES } from './deploy/test-tools.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const keep = process.argv.includes('--keep');
const results: { name: string; ok: boolean; detail?: string }[] = [];

async function check(name: string, body: () => unknown): Promise<void> {
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name}`);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    results.push({ name, ok: false, detail });
    console.log(`  ✗ ${name}\n${detail.replace(/^/gm, '      ')}`);
  }
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function walk(folder: string, visit: (path: string) => void, skip: (path: string) => boolean = () => false): void {
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (skip(path)) continue;
    visit(path);
    if (lstatSync(path).isDirectory()) walk(path, visit, skip);
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

const work = mkdtempSync(join(tmpdir(), 'keluh-image-'));
const started = Date.now();
try {
  const dockerfile = parseDockerfile(readFileSync(join(root, 'Dockerfile'), 'utf8'));
  console.log(`Replaying the Dockerfile's stages in ${work}`);
  // The npm cache makes the installs quick when it holds the packages; the registry fills any gap.
  const { stages, final } = replayStages({ context: new BuildContext(root), dockerfile, into: work, log: console.log, npmEnv: { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' } });
  const app = final.workdir;
  const cmd = final.stage.cmd;
  const healthcheck = final.stage.healthcheck;
  console.log(`\nThe runtime stage (${relative(work, app)}):`);

  await check('no test tool is installed in node_modules', () => {
    const found = TEST_TOOL_PACKAGES.filter((name) => existsSync(join(app, 'node_modules', name)));
    assert(found.length === 0, `installed: ${found.join(', ')}`);
  });

  await check('every node_modules link points at a workspace the image holds', () => {
    const dangling: string[] = [];
    walk(join(app, 'node_modules'), (path) => {
      if (lstatSync(path).isSymbolicLink() && !existsSync(resolve(dirname(path), readlinkSync(path)))) dangling.push(relative(app, path));
    });
    assert(dangling.length === 0, `dangling: ${dangling.join(', ')}`);
  });

  await check('the install left no dependency outside the node_modules the runtime copies', () => {
    for (const [name, stage] of stages) {
      if (stage === final) continue;
      const copied = final.stage.steps.filter((step) => step.keyword === 'COPY' && 'from' in step && step.from === name);
      if (!copied.some((step) => 'sources' in step && step.sources.some((source) => source.endsWith('/node_modules')))) continue;
      const nested: string[] = [];
      walk(stage.workdir, (path) => {
        if (path.endsWith('/node_modules') && dirname(path) !== stage.workdir) nested.push(relative(stage.workdir, path));
      }, (path) => path === join(stage.workdir, 'node_modules'));
      assert(nested.length === 0, `stage ${name} installed into ${nested.join(', ')}, which the runtime stage does not copy`);
    }
  });

  await check('no test tool, test file or test workspace is in the file set', () => {
    const offending: string[] = [];
    walk(app, (path) => {
      const rel = relative(app, path);
      if (TEST_TOOL_FOLDERS.includes(rel) || (lstatSync(path).isFile() && isTestFile(rel))) offending.push(rel);
      else if (rel.endsWith('.ts') && lstatSync(path).isFile()) {
        const imported = staticTestToolImport(readFileSync(path, 'utf8'));
        if (imported) offending.push(`${rel} imports ${imported}`);
      }
    }, (path) => path === join(app, 'node_modules'));
    assert(offending.length === 0, offending.slice(0, 20).join('\n'));
  });

  await check('the built console and widget and the migrations are there', () => {
    for (const path of ['apps/console/dist/index.html', 'apps/widget/dist/widget.js', 'apps/widget/dist/demo/index.html', 'packages/db/migrations/meta/_journal.json', 'packages/db/migrations/postgres']) {
      assert(existsSync(join(app, path)), `missing ${path}`);
    }
  });

  assert(cmd, 'the runtime stage has no exec-form CMD');
  const port = await freePort();
  const dataDir = join(work, 'volume', 'data');
  // DATA_DIR stands for the image's volume; PORT is free here; HOST keeps it on loopback.
  const env = imageEnv(final.stage.env, { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' });

  await check(`\`${cmd.join(' ')}\` starts on SQLite and /healthz answers`, async () => {
    const server = await startImageServer(cmd, app, env);
    try {
      const health = await fetch(`${server.url}/healthz`);
      assert(health.status === 200, `/healthz answered ${health.status}`);
      const body = (await health.json()) as { status?: string };
      assert(body.status === 'ok', `/healthz said ${JSON.stringify(body)}`);
      assert(existsSync(join(dataDir, 'keluh.db')), 'no SQLite database in DATA_DIR');
      const page = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
      assert(page.status === 200 && (await page.text()).includes('<div id="app"'), `the console page answered ${page.status}`);
      const widget = await fetch(`${server.url}/widget.js`);
      assert(widget.status === 200, `/widget.js answered ${widget.status}`);

      assert(healthcheck, 'the runtime stage has no exec-form HEALTHCHECK');
      const healthy = runToExit(healthcheck.cmd, app, env, 10_000);
      assert(healthy.code === 0, `the HEALTHCHECK command exited ${healthy.code} against a running server:\n${healthy.output}`);
    } finally {
      const code = await server.stop();
      assert(code === 0, `SIGTERM ended the server with ${code}:\n${server.output()}`);
    }
    const unhealthy = runToExit(healthcheck!.cmd, app, env, 10_000);
    assert(unhealthy.code === 1, `the HEALTHCHECK command exited ${unhealthy.code} with no server running`);
  });

  await check('DEMO_SIM=1 stops with the clear message, before anything is stored', () => {
    const freshData = join(work, 'volume', 'demo-data');
    const start = runToExit(cmd, app, { ...env, DATA_DIR: freshData, DEMO_SIM: '1' }, 30_000);
    assert(start.code === 1, `exited ${start.code}:\n${start.output}`);
    assert(start.output.includes('DEMO_SIM=1 needs the local Meta stand-in (@keluh/meta-sim), which this installation does not include'), `no clear message:\n${start.output}`);
    assert(!/^\s+at /m.test(start.output), `a stack trace instead of one paragraph:\n${start.output}`);
    assert(!existsSync(freshData), 'the refused start created its data folder');
  });

  const size = (path: string): number => {
    let total = 0;
    walk(path, (entry) => {
      const stat = lstatSync(entry);
      if (stat.isFile()) total += statSync(entry).size;
    });
    return total;
  };
  console.log(`\n  runtime file set: ${Math.round(size(app) / 1024 / 1024)} MiB (node_modules ${Math.round(size(join(app, 'node_modules')) / 1024 / 1024)} MiB)`);
} catch (error) {
  results.push({ name: 'replaying the Dockerfile', ok: false, detail: String(error) });
  console.error(`\n  ✗ ${error instanceof Error ? error.message : String(error)}`);
} finally {
  if (keep) console.log(`\n  kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

const failed = results.filter((result) => !result.ok).length;
// Worded unlike a test runner's "N passed, M failed", so CI's closing line stays the test suite's.
console.log(`\ncheck:image: ${results.length - failed} of ${results.length} checks passed in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(failed === 0 ? 0 : 1);
