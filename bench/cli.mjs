/**
 * agentgate's command line as its `agentgate` command runs it: with whatever
 * node flags its shebang line names (none today: docs/operations.md, Memory),
 * so what a benchmark measures is what a user runs.
 */
import fs from 'node:fs';
import path from 'node:path';

export const CLI = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist/cli/main.js');

/** `#!/usr/bin/env -S node --flag …` → ['--flag', …]. */
export const CLI_NODE_FLAGS = fs.readFileSync(CLI, 'utf8').split('\n', 1)[0].split(/\s+/).filter((word) => word.startsWith('--'));

/** The arguments for process.execPath that run `agentgate …args`. */
export const cliArgs = (...args) => [...CLI_NODE_FLAGS, CLI, ...args];
