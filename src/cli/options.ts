import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Services } from '../app/services.js';
import { loadConfig, type Config } from '../config/config.js';
import { CliError } from './cli-error.js';

/** Configuration from the environment, with the command's flags taking precedence. */
export function configFrom(options: Record<string, unknown>): Config {
  return loadConfig(process.env, {
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.databaseUrl !== undefined ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.vicidial === true ? { vicidial: true } : {}),
  });
}

/**
 * A command that works on existing data (agent, explain, sim, leads) never
 * creates an empty SQLite file: the default path is relative to the current
 * directory, and an empty database run from elsewhere answers "no such user".
 */
async function requireExistingDatabase(config: Config): Promise<void> {
  const { parseDatabaseUrl } = await import('../store/connect.js');
  const target = parseDatabaseUrl(config.databaseUrl);
  if (target.dialect !== 'sqlite' || target.location === ':memory:') return;
  const file = path.resolve(target.location);
  if (!fs.existsSync(file))
    throw new CliError(
      `no database at ${file}: create it with \`agentgate init\` (or \`agentgate serve --demo\`), or point DATABASE_URL or --database-url at yours`,
    );
}

/** Run `work` on the services of the command's existing database, naming that database on stderr, and close them. */
export async function withServices<T>(command: Command, work: (services: Services) => Promise<T>): Promise<T> {
  const config = configFrom(command.optsWithGlobals());
  await requireExistingDatabase(config);
  // Loaded here, not at the top: `--help` and usage errors need none of it.
  const { createServices } = await import('../app/services.js');
  const services = await createServices(config);
  process.stderr.write(`agentgate: database ${services.database.description}\n`);
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}
