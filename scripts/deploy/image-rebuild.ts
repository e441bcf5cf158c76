import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import type { BuildContext } from './build-context.ts';
import { isCopy, isRun, isWorkdir, type CopyStep, type DockerfileModel, type Stage } from './dockerfile.model.ts';

/*
 * The Dockerfile's stages replayed on this machine, which has no Docker engine: each stage gets a folder
 * standing for its file system. COPY is reproduced as Docker does it (the context filtered by .dockerignore,
 * `--from` another stage's folder, a folder's contents into the destination, symlinks kept as they are), and
 * RUN's npm commands run as written. What only a real image can do (install Debian packages, chown to its
 * user) is skipped by name; any other command stops the replay, so a new RUN step cannot pass unseen.
 */

/** Shell steps that only make sense inside the image; what each stands for on this machine. */
const IMAGE_ONLY: { pattern: RegExp; note: string }[] = [
  { pattern: /^apt-get (update|install)\b/, note: 'the tool chain it installs is on this machine' },
  { pattern: /^rm -rf \/var\/lib\/apt\/lists\/\*$/, note: 'apt lists' },
  { pattern: /^chown [\w:-]+ /, note: "the image's user does not exist here" },
];

export interface ReplayedStage {
  stage: Stage;
  /** The folder standing for the stage's `/`. */
  root: string;
  /** Where the stage's WORKDIR is in that folder. */
  workdir: string;
}

export interface ReplayOptions {
  context: BuildContext;
  dockerfile: DockerfileModel;
  /** Stage folders are made under here. */
  into: string;
  log?: (line: string) => void;
  /** Extra environment for npm (e.g. prefer the local cache). */
  npmEnv?: Record<string, string>;
}

function inside(root: string, absolute: string): string {
  return join(root, absolute);
}

function copyInto(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  // verbatimSymlinks: node_modules/@keluh/* are relative links to workspaces, kept as links like Docker does.
  cpSync(from, to, { recursive: true, verbatimSymlinks: true, force: true });
}

function replayCopy(step: CopyStep, root: string, stages: Map<string, ReplayedStage>, context: BuildContext): void {
  const intoFolder = step.destination.endsWith('/') || step.sources.length > 1;
  for (const source of step.sources) {
    if (step.from !== null) {
      const origin = stages.get(step.from);
      if (!origin) throw new Error(`COPY --from=${step.from}: no earlier stage of that name`);
      const path = inside(origin.root, posix.resolve('/', source));
      if (!existsSync(path)) throw new Error(`COPY --from=${step.from} ${source}: the stage has no such path`);
      const target = statSync(path).isDirectory() || !intoFolder ? step.destination : posix.join(step.destination, posix.basename(source));
      copyInto(path, inside(root, target));
      continue;
    }
    const normalized = posix.normalize(source).replace(/\/+$/, '');
    const isFolder = statSync(join(context.root, normalized)).isDirectory();
    for (const file of context.filesUnder(source)) {
      const target = isFolder
        ? posix.join(step.destination, posix.relative(normalized === '.' ? '' : normalized, file))
        : intoFolder
          ? posix.join(step.destination, posix.basename(file))
          : step.destination;
      copyInto(join(context.root, file), inside(root, target));
    }
  }
}

function replayRun(command: string, root: string, workdir: string, env: Record<string, string>, log: (line: string) => void): void {
  for (const segment of command.split('&&').map((part) => part.trim())) {
    const imageOnly = IMAGE_ONLY.find((entry) => entry.pattern.test(segment));
    if (imageOnly) {
      log(`    skipped: ${segment} (${imageOnly.note})`);
      continue;
    }
    const mkdir = /^mkdir -p ((?:\/[\w./-]+\s*)+)$/.exec(segment);
    if (mkdir) {
      for (const path of mkdir[1]!.trim().split(/\s+/)) mkdirSync(inside(root, path), { recursive: true });
      continue;
    }
    if (!/^npm (ci|run) /.test(segment)) throw new Error(`check:image cannot replay "${segment}": teach scripts/deploy/image-rebuild.ts what it stands for`);
    log(`    $ ${segment}`);
    const started = Date.now();
    const result = spawnSync('sh', ['-c', segment], { cwd: inside(root, workdir), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`"${segment}" failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
    log(`      done in ${Math.round((Date.now() - started) / 1000)} s`);
  }
}

/** Replays every stage in order; returns them by name (and the last as `final`). */
export function replayStages(options: ReplayOptions): { stages: Map<string, ReplayedStage>; final: ReplayedStage } {
  const log = options.log ?? (() => undefined);
  const stages = new Map<string, ReplayedStage>();
  let last: ReplayedStage | null = null;
  options.dockerfile.stages.forEach((stage, index) => {
    const root = join(options.into, stage.name ?? `stage-${index}`);
    mkdirSync(root, { recursive: true });
    log(`  stage ${stage.name ?? index} (FROM ${stage.base})`);
    for (const step of stage.steps) {
      if (isWorkdir(step)) mkdirSync(inside(root, step.path), { recursive: true });
      else if (isCopy(step)) replayCopy(step, root, stages, options.context);
      else if (isRun(step)) replayRun(step.command, root, step.workdir, { ...step.env, ...options.npmEnv }, log);
    }
    last = { stage, root, workdir: inside(root, stage.workdir) };
    if (stage.name) stages.set(stage.name, last);
  });
  return { stages, final: last! };
}
