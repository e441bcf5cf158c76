import { posix } from 'node:path';
import { DockerfileParser, type Env, type From, type Healthcheck, type Instruction, type ModifiableInstruction } from 'dockerfile-ast';

/*
 * The Dockerfile as data, for the shape tests and for check:image (which rebuilds the image's file set
 * without a Docker engine). dockerfile-ast does the parsing (continuations, flags, exec forms); this adds
 * what Docker itself would work out: each stage's working directory and user at every step.
 */

export interface CopyStep {
  keyword: 'COPY';
  /** The stage named by --from, or null for the build context. */
  from: string | null;
  chown: string | null;
  sources: string[];
  /** Absolute, resolved against the WORKDIR at this step; a trailing `/` kept (it means "into"). */
  destination: string;
}

export interface RunStep {
  keyword: 'RUN';
  /** The shell command as written, continuations joined. */
  command: string;
  workdir: string;
  /** The ENV in force at this step. */
  env: Record<string, string>;
}

export interface WorkdirStep {
  keyword: 'WORKDIR';
  /** Absolute. */
  path: string;
}

export interface OtherStep {
  keyword: string;
  args: string[];
}

export type Step = CopyStep | RunStep | WorkdirStep | OtherStep;

export interface Stage {
  name: string | null;
  /** The base image, ARG defaults substituted. */
  base: string;
  steps: Step[];
  env: Record<string, string>;
  /** The last USER of the stage; null when none was set (root). */
  user: string | null;
  workdir: string;
  /** Exec-form CMD, or null. */
  cmd: string[] | null;
  healthcheck: { flags: Record<string, string | null>; cmd: string[] } | null;
  exposes: string[];
}

export interface DockerfileModel {
  stages: Stage[];
  stage(name: string): Stage;
  /** The stage `docker build` produces without --target: the last one. */
  final: Stage;
}

export function isCopy(step: Step): step is CopyStep {
  return step.keyword === 'COPY';
}

export function isRun(step: Step): step is RunStep {
  return step.keyword === 'RUN';
}

export function isWorkdir(step: Step): step is WorkdirStep {
  return step.keyword === 'WORKDIR';
}

function substitute(text: string, args: Record<string, string>): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced: string | undefined, bare: string | undefined) => args[braced ?? bare ?? ''] ?? whole);
}

function flagsOf(instruction: Instruction): Record<string, string | null> {
  const flags: Record<string, string | null> = {};
  for (const flag of (instruction as ModifiableInstruction).getFlags?.() ?? []) flags[flag.getName()] = flag.getValue();
  return flags;
}

/** Exec form only (`["node", …]`): a shell-form CMD would run under /bin/sh and miss SIGTERM. */
function execForm(text: string | null): string[] | null {
  if (!text?.trim().startsWith('[')) return null;
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) && parsed.every((part) => typeof part === 'string') ? parsed : null;
}

export function parseDockerfile(text: string): DockerfileModel {
  const dockerfile = DockerfileParser.parse(text);
  const args: Record<string, string> = {};
  for (const arg of dockerfile.getInitialARGs()) {
    const property = arg.getProperty();
    if (property?.getValue() != null) args[property.getName()] = property.getValue()!;
  }
  const stages: Stage[] = [];
  let stage: Stage | null = null;
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      const from = instruction as From;
      stage = { name: from.getBuildStage(), base: substitute(from.getImage() ?? '', args), steps: [], env: {}, user: null, workdir: '/', cmd: null, healthcheck: null, exposes: [] };
      stages.push(stage);
      continue;
    }
    if (!stage) continue; // ARG before the first FROM, handled above
    const values = instruction.getArguments().map((argument) => argument.getValue());
    switch (keyword) {
      case 'WORKDIR':
        stage.workdir = posix.resolve(stage.workdir, values[0] ?? '.');
        stage.steps.push({ keyword, path: stage.workdir });
        break;
      case 'COPY': {
        const flags = flagsOf(instruction);
        const destination = values.at(-1) ?? '.';
        const resolved = posix.resolve(stage.workdir, destination) + (destination.endsWith('/') ? '/' : '');
        stage.steps.push({ keyword, from: flags.from ?? null, chown: flags.chown ?? null, sources: values.slice(0, -1), destination: resolved });
        break;
      }
      case 'RUN':
        stage.steps.push({ keyword, command: (instruction.getArgumentsContent() ?? '').replace(/\s+/g, ' ').trim(), workdir: stage.workdir, env: { ...stage.env } });
        break;
      case 'ENV':
        for (const property of (instruction as Env).getProperties()) stage.env[property.getName()] = property.getValue() ?? '';
        stage.steps.push({ keyword, args: values });
        break;
      case 'USER':
        stage.user = values[0] ?? null;
        stage.steps.push({ keyword, args: values });
        break;
      case 'CMD':
        stage.cmd = execForm(instruction.getArgumentsContent());
        stage.steps.push({ keyword, args: values });
        break;
      case 'EXPOSE':
        stage.exposes.push(...values);
        stage.steps.push({ keyword, args: values });
        break;
      case 'HEALTHCHECK': {
        const healthcheck = instruction as Healthcheck;
        const content = healthcheck.getArgumentsContent() ?? '';
        const subcommand = healthcheck.getSubcommand()?.getValue();
        const cmd = subcommand === 'CMD' ? execForm(content.slice(content.indexOf('CMD') + 3)) : null;
        stage.healthcheck = cmd ? { flags: flagsOf(instruction), cmd } : null;
        stage.steps.push({ keyword, args: values });
        break;
      }
      default:
        stage.steps.push({ keyword, args: values });
    }
  }
  if (stages.length === 0) throw new Error('The Dockerfile has no FROM');
  return {
    stages,
    final: stages.at(-1)!,
    stage(name: string) {
      const found = stages.find((candidate) => candidate.name === name);
      if (!found) throw new Error(`The Dockerfile has no stage named ${name}`);
      return found;
    },
  };
}
