/**
 * agentgate as a real process (the built CLI), for tests about processes:
 * durability when killed, the command line, start-up output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(ROOT, 'dist/cli/main.js');

export function requireBuild(): void {
  if (!fs.existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'agentgate-'));
}

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Run the CLI to completion (in `cwd`, default this process's); resolves with its exit code and output.
 * A variable given as undefined is removed from the child's environment.
 */
export function runCli(
  args: string[],
  env: Record<string, string | undefined>,
  cwd?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  requireBuild();
  const childEnv = Object.fromEntries(
    Object.entries({ ...process.env, BCRYPT_COST: '4', LOG_LEVEL: 'warn', ...env }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function startServer(env: Record<string, string>, args: string[] = ['serve', '--demo']): Promise<ServerProcess> {
  requireBuild();
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', BCRYPT_COST: '4', LOG_LEVEL: 'warn', ...env },
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Never leave it running on a database the next test will use.
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${output}`));
    }, 15_000);
    const check = () => {
      if (output.includes('agentgate listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    kill: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
