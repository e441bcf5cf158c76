import { spawn, spawnSync } from 'node:child_process';

/*
 * The server as the image starts it: the Dockerfile's CMD from its WORKDIR, with only the image's ENV and
 * the few variables this run sets (no developer shell variable leaks in).
 */

export interface ImageServer {
  url: string;
  output(): string;
  stop(): Promise<number | null>;
}

/** `node` in an exec form is the image's node; here it is the one running this script (same major). */
function resolveNode(command: string[]): [string, string[]] {
  const [program, ...args] = command;
  return [program === 'node' ? process.execPath : program!, args];
}

export function imageEnv(imageEnv: Record<string, string>, overrides: Record<string, string>): Record<string, string> {
  // PATH for node-gyp-free children; HOME for npm-less tools that look for it. Nothing else from this shell.
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...imageEnv, ...overrides };
}

export function startImageServer(command: string[], cwd: string, env: Record<string, string>, timeoutMs = 60_000): Promise<ImageServer> {
  const [program, args] = resolveNode(command);
  const child = spawn(program, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`the server printed no banner within ${timeoutMs} ms:\n${output}`))), timeoutMs);
    const poll = setInterval(() => {
      const port = /Console {5}http:\/\/localhost:(\d+)\//.exec(output)?.[1];
      if (!port || !output.includes('Stop it with Ctrl-C.')) return;
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${port}`, output: () => output, stop: () => (child.exitCode !== null ? exited : (child.kill('SIGTERM'), exited)) });
    }, 50);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before its banner:\n${output}`));
    });
  });
}

/** A command expected to end by itself: its exit code and everything it printed. */
export function runToExit(command: string[], cwd: string, env: Record<string, string>, timeoutMs = 60_000): { code: number | null; output: string } {
  const [program, args] = resolveNode(command);
  const result = spawnSync(program, args, { cwd, env, encoding: 'utf8', timeout: timeoutMs });
  return { code: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}
