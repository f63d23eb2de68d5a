/**
 * Redis for tests. Tests that need Redis start their own redis-server on a
 * free port (never the shared one on 6379, and never FLUSHALL), so they can
 * stop and restart it. Where redis-server is missing on a developer machine
 * they say so loudly and skip; CI installs and runs Redis (.ci/run), and
 * there a missing Redis fails instead of skipping.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe } from 'vitest';
import { freePort } from './server-process.js';

export const REDIS_SERVER = process.env.REDIS_SERVER ?? 'redis-server';
export const hasRedis = spawnSync(REDIS_SERVER, ['--version']).status === 0;

/** `describe` for tests that need Redis: skipped with a warning where there is none, except in CI. */
export function describeRedis(name: string, body: () => void): void {
  if (!hasRedis && process.env.CI) throw new Error(`${REDIS_SERVER} is missing: CI must run the Redis tests (.ci/run installs redis-server)`);
  if (!hasRedis) console.warn(`\n*** SKIPPING Redis tests "${name}": no ${REDIS_SERVER} on this machine (apt-get install redis-server) ***\n`);
  describe.skipIf(!hasRedis)(name, body);
}

/** A prefix for keys and channels that no other test (or engineer) uses. */
export function redisPrefix(): string {
  return `agtest:${randomBytes(6).toString('hex')}:`;
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
  /** Start it again on the same port. */
  restart(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const proc = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
      proc.stdout!.on('data', (d) => {
        output += d;
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}:\n${output}`));
      });
    });
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGKILL');
    });
  await start();
  return { port, url: `redis://127.0.0.1:${port}`, stop, restart: start };
}
