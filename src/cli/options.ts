import { loadConfig, type Config } from '../config/config.js';

/** Configuration from the environment, with the command's flags taking precedence. */
export function configFrom(options: Record<string, unknown>): Config {
  return loadConfig(process.env, {
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.databaseUrl !== undefined ? { databaseUrl: options.databaseUrl } : {}),
  });
}
