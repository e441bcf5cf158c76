import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time under a folder (ignoring build output and dependencies). */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** The front ends that `npm start` serves, their sources, and the file whose age says when they were built. */
export const frontEnds = [
  { workspace: '@keluh/console', sources: ['apps/console', 'packages/contracts/src', 'packages/core/src', 'packages/realtime-client/src'], output: 'apps/console/dist/index.html' },
  { workspace: '@keluh/widget', sources: ['apps/widget', 'packages/contracts/src', 'packages/core/src', 'packages/realtime-client/src'], output: 'apps/widget/dist/widget.js' },
];

/** Rebuilds a front end only when a source is newer than its build, so a restart takes a second. */
export function buildIfStale(root) {
  for (const app of frontEnds) {
    const output = join(root, app.output);
    const builtAt = existsSync(output) ? statSync(output).mtimeMs : 0;
    const changedAt = Math.max(...app.sources.map((source) => newestMtime(join(root, source))));
    if (builtAt >= changedAt) continue;
    console.log(`Building ${app.workspace} …`);
    const result = spawnSync('npm', ['run', 'build', '-w', app.workspace], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`Building ${app.workspace} failed`);
  }
}
