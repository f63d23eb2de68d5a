/**
 * An example of examples/ run as a person runs it: a child process whose
 * output the test reads (waiting for a line) and which it stops as Ctrl-C does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../support/server-process.js';

export const EXAMPLES = path.join(ROOT, 'examples');

export interface ExampleProcess {
  readonly child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
  /** The first match of `pattern` in its output, waiting up to `ms` for it. */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
  /** Send `signal` (Ctrl-C by default) and resolve with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Resolves with the exit code when it ends by itself. */
  readonly exited: Promise<number | null>;
}

export function startExample(command: string, args: string[], env: Record<string, string> = {}, cwd = ROOT): ExampleProcess {
  const child = spawn(command, args, { cwd, env: { ...process.env, BCRYPT_COST: '4', ...env } });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    async waitFor(pattern, ms = 30_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const match = output.match(pattern);
        if (match) return match;
        if (child.exitCode !== null || Date.now() > deadline)
          throw new Error(`${path.basename(args[0] ?? command)} never printed ${pattern}${child.exitCode !== null ? ` (exited ${child.exitCode})` : ''}:\n${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop(signal = 'SIGINT') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
