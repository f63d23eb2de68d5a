/** agentgate's version, from package.json: a module of its own, so that `agentgate --version` loads nothing else. */
import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

export const AGENTGATE_VERSION = pkg.version;
