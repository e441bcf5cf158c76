import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BuildContext } from './deploy/build-context.ts';
import { isCopy, isRun, parseDockerfile, type CopyStep, type Stage } from './deploy/dockerfile.model.ts';
import { isTestFile, staticTestToolImport, TEST_TOOL_FOLDERS } from './deploy/test-tools.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dockerfile = parseDockerfile(readFileSync(`${root}/Dockerfile`, 'utf8'));
const context = new BuildContext(root);
const runtime = dockerfile.final;

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  engines?: { node?: string };
}
const readJson = (path: string) => JSON.parse(readFileSync(`${root}/${path}`, 'utf8')) as Manifest;
const rootManifest = readJson('package.json') as Manifest & { workspaces: string[] };
const workspaces = new Map(rootManifest.workspaces.map((folder) => [readJson(`${folder}/package.json`).name, folder]));

/** @keluh/api and the workspaces it needs at run time (dependencies, not devDependencies), transitively. */
function productionWorkspaces(name: string, seen = new Set<string>()): Set<string> {
  seen.add(name);
  for (const dependency of Object.keys(readJson(`${workspaces.get(name)}/package.json`).dependencies ?? {})) {
    if (workspaces.has(dependency) && !seen.has(dependency)) productionWorkspaces(dependency, seen);
  }
  return seen;
}
const serverWorkspaces = productionWorkspaces('@keluh/api');
const serverFolders = [...serverWorkspaces].map((name) => workspaces.get(name)!).sort();

const copies = (stage: Stage) => stage.steps.filter(isCopy);
const fromContext = (stage: Stage) => copies(stage).filter((step) => step.from === null);
/** Where a COPY from the context puts its sources, relative to the working directory /app. */
const copiedFrom = (step: CopyStep) => step.sources;
/** `-w` names of the npm command in a stage's RUN steps. */
function npmWorkspaces(stage: Stage, subcommand: RegExp): { flags: string[]; names: string[] } {
  const run = stage.steps.filter(isRun).find((step) => subcommand.test(step.command));
  if (!run) return { flags: [], names: [] };
  const words = run.command.split(/\s+/);
  return { flags: words, names: words.flatMap((word, index) => (word === '-w' || word === '--workspace' ? [words[index + 1]!] : [])) };
}

describe('the Dockerfile (no Docker engine here, so its shape is checked; npm run check:image replays it)', () => {
  it('has a build stage, a production-dependency stage and a runtime stage, all on the Node major the project runs on', () => {
    expect(dockerfile.stages.map((stage) => stage.name)).toEqual(['build', 'prod-deps', 'runtime']);
    const major = /\d+/.exec(rootManifest.engines!.node!)![0];
    for (const stage of dockerfile.stages) expect(stage.base, stage.name!).toMatch(new RegExp(`^node:${major}(\\.|-|$)`));
  });

  it('runs the server as npm start does, with tsx as a production dependency of the API', () => {
    expect(runtime.cmd).toEqual(['node', '--import', 'tsx', 'apps/api/src/server.ts']);
    expect(readFileSync(`${root}/scripts/start.mjs`, 'utf8')).toContain("['--import', 'tsx', 'apps/api/src/server.ts']");
    expect(readJson('apps/api/package.json').dependencies).toHaveProperty('tsx');
    expect(runtime.workdir).toBe('/app');
    // tsx reads the working directory's tsconfig.json, as it does for npm start at the repository root.
    expect(fromContext(runtime).some((step) => step.sources.includes('tsconfig.json') && step.destination === '/app/')).toBe(true);
  });

  it('runs as a user other than root', () => {
    expect(runtime.user).toBeTruthy();
    expect(runtime.user).not.toMatch(/^(root|0)(:|$)/);
    const keywords = runtime.steps.map((step) => step.keyword);
    expect(keywords.lastIndexOf('USER')).toBeLessThan(keywords.indexOf('CMD'));
    // The data folders belong to that user, so a fresh named volume mounted there does too.
    expect(runtime.steps.filter(isRun).map((step) => step.command).join(' && ')).toContain(`chown ${runtime.user}:${runtime.user} ${runtime.env.DATA_DIR}`);
  });

  it('checks its health on /healthz at the port it serves, and stops on SIGTERM', () => {
    expect(runtime.healthcheck?.cmd.slice(0, 2)).toEqual(['node', '-e']);
    expect(runtime.healthcheck!.cmd[2]).toContain("'/healthz'");
    expect(runtime.healthcheck!.cmd[2]).toContain('process.env.PORT');
    expect(runtime.exposes).toEqual([runtime.env.PORT]);
    expect(runtime.steps.find((step) => step.keyword === 'STOPSIGNAL')).toMatchObject({ args: ['SIGTERM'] });
  });

  it('copies exactly the server’s workspaces into the runtime stage, and no test workspace', () => {
    expect(serverFolders).toEqual(['apps/api', 'packages/channels', 'packages/contracts', 'packages/core', 'packages/db']);
    const copiedWorkspaces = new Set(fromContext(runtime).flatMap(copiedFrom).map((source) => source.split('/').slice(0, 2).join('/')).filter((folder) => [...workspaces.values()].includes(folder)));
    expect([...copiedWorkspaces].sort()).toEqual(serverFolders);
    for (const source of fromContext(runtime).flatMap(copiedFrom)) {
      expect(source, 'no whole-context COPY').not.toMatch(/^\.\/?$/);
      for (const folder of TEST_TOOL_FOLDERS) expect(source.startsWith(folder), `${source} is a test tool`).toBe(false);
    }
  });

  it('installs the runtime’s node_modules with npm ci --omit=dev, for the server’s workspaces only', () => {
    const modules = copies(runtime).find((step) => step.destination === '/app/node_modules')!;
    expect(modules.from).toBe('prod-deps');
    const deps = dockerfile.stage(modules.from!);
    expect(modules.sources).toEqual([`${deps.workdir}/node_modules`]);
    const install = npmWorkspaces(deps, /^npm ci /);
    expect(install.flags).toContain('--omit=dev');
    expect(install.names.sort()).toEqual([...serverWorkspaces].sort());
    // The stage sees the lockfile and those workspaces' manifests, nothing else.
    expect(fromContext(deps).flatMap(copiedFrom).sort()).toEqual(['package-lock.json', 'package.json', ...serverFolders.map((folder) => `${folder}/package.json`)].sort());
  });

  it('builds the console and the widget in the build stage, and copies only their output to where the server serves it from', () => {
    const build = dockerfile.stage('build');
    expect(npmWorkspaces(build, /^npm run build /).names).toEqual(['@keluh/console', '@keluh/widget']);
    const fromBuild = copies(runtime).filter((step) => step.from === 'build');
    expect(fromBuild.map((step) => [step.sources, step.destination])).toEqual([
      [[`${build.workdir}/apps/console/dist`], '/app/apps/console/dist'],
      [[`${build.workdir}/apps/widget/dist`], '/app/apps/widget/dist'],
    ]);
    // apps/api/src/app.ts serves ../../console/dist and ../../widget/dist from its own folder.
    const app = readFileSync(`${root}/apps/api/src/app.ts`, 'utf8');
    expect(app).toContain("new URL('../../console/dist', import.meta.url)");
    expect(app).toContain("new URL('../../widget/dist', import.meta.url)");
  });

  it('ships the migrations where the database code looks for them', () => {
    expect(fromContext(runtime).some((step) => step.sources.includes('packages/db/migrations'))).toBe(true);
    expect(readFileSync(`${root}/packages/db/src/sqlite/open-sqlite.ts`, 'utf8')).toContain("new URL('../../migrations', import.meta.url)");
    expect(readFileSync(`${root}/packages/db/src/postgres/open-postgres.ts`, 'utf8')).toContain("new URL('../../migrations/postgres', import.meta.url)");
  });

  it('keeps the compiler in the stage that builds native modules, out of the runtime', () => {
    const installsCompiler = (stage: Stage) => stage.steps.filter(isRun).some((step) => /apt-get install[^&]*\bg\+\+/.test(step.command));
    expect(installsCompiler(dockerfile.stage('prod-deps'))).toBe(true);
    expect(installsCompiler(runtime)).toBe(false);
  });

  it('sets no secret in any stage', () => {
    for (const stage of dockerfile.stages) {
      for (const name of Object.keys(stage.env)) expect(name, stage.name!).not.toMatch(/SECRET|PASSWORD|TOKEN/);
    }
  });
});

describe('the runtime stage’s files from the build context, under .dockerignore', () => {
  let shipped: string[] = [];
  // In a hook, so a COPY of something excluded (Docker: "not found") fails these tests rather than the file.
  beforeAll(() => {
    shipped = fromContext(runtime).flatMap((step) => step.sources.flatMap((source) => context.filesUnder(source)));
  });

  it('hold the server and its workspaces’ sources', () => {
    expect(shipped).toEqual(expect.arrayContaining(['apps/api/src/server.ts', 'packages/db/src/index.ts', 'packages/db/migrations/0000_init.sql', 'packages/channels/src/index.ts']));
    expect(shipped.length).toBeGreaterThan(100);
  });

  it('hold no test, test kit, test helper or fixture, and no node_modules of the developer’s', () => {
    expect(shipped.filter(isTestFile)).toEqual([]);
    expect(shipped.filter((path) => path.includes('node_modules/') || path.startsWith('.git/'))).toEqual([]);
    // The excluded ones exist: the rule is doing something.
    expect(context.includes('apps/api/src/testing/server-process.ts')).toBe(false);
    expect(context.includes('apps/api/src/server.int.test.ts')).toBe(false);
    expect(context.includes('packages/channels/src/contract/channel-adapter.contract.ts')).toBe(false);
    // compose's secrets file next to the repository never reaches the builder.
    expect(context.includes('.env')).toBe(false);
  });

  it('import no test tool statically (DEMO_SIM=1 loads meta-sim with import(), and says so when it is absent)', () => {
    const offenders = shipped.filter((path) => path.endsWith('.ts')).flatMap((path) => {
      const imported = staticTestToolImport(readFileSync(`${root}/${path}`, 'utf8'));
      return imported ? [`${path}: ${imported}`] : [];
    });
    expect(offenders).toEqual([]);
    expect(readFileSync(`${root}/apps/api/src/seed/demo-sim.ts`, 'utf8')).toContain("import('@keluh/meta-sim')");
  });
});
