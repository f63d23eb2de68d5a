/** agentgate's version, from package.json (the build inlines it: the bundle reads no file for it). */
import pkg from '../../package.json' with { type: 'json' };

export const AGENTGATE_VERSION: string = pkg.version;
