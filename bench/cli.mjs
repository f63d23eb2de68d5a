/** agentgate's command line, run by the benchmarks as a user runs it (`node dist/cli/main.js …`). */
import path from 'node:path';

export const CLI = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist/cli/main.js');

/** The arguments for process.execPath that run `agentgate …args`. */
export const cliArgs = (...args) => [CLI, ...args];
