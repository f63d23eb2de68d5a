/** `agentgate serve`: the HTTP server, with demo data on a new database when asked. */
import pino from 'pino';
import { createServices } from '../app/services.js';
import type { Config } from '../config/config.js';
import { demoBanner, isEmpty, seedDemo, seedDemoSimulator } from '../demo/seed.js';
import { buildApp } from '../http/app.js';
import { loggerOptions } from '../http/logging.js';
import { CliError } from './cli-error.js';

/** A shutdown that takes longer than this is cut short: a stuck client must not keep a node from restarting. */
const SHUTDOWN_LIMIT_MS = 10_000;

export async function serveCommand(config: Config, demo: boolean): Promise<void> {
  if (demo && config.vicidial) throw new CliError("--demo and --vicidial do not go together: demo data never goes into VICIdial's database");
  const logger = pino({ level: config.logLevel });
  const services = await createServices(config, { logger });
  const seeded = demo && (await isEmpty(services.store));
  if (seeded) await seedDemo(services);
  if (demo) await seedDemoSimulator(services);
  // Follow the event log; the embedded telephony (calls for the simulated campaigns and in-groups)
  // runs on the one node holding its lease (SIMULATOR=off turns it off).
  services.startBackground();

  const app = await buildApp(services, { logger: loggerOptions(config.logLevel) });
  // Graceful: stop accepting, let requests in flight finish and answer, then
  // give the simulator's lease up, stop following, close Redis and the database.
  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const deadline = setTimeout(() => {
      logger.error({ afterMs: SHUTDOWN_LIMIT_MS }, 'shutdown took too long; exiting now');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    deadline.unref();
    try {
      await app.close();
      await services.close();
      logger.info({}, 'shut down');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await services.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`port ${config.port} is in use; start with PORT=<another port>`);
    throw err;
  }
  const baseUrl = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  const banner = demo ? `${seeded ? 'Demo data loaded.\n' : ''}${demoBanner(baseUrl)}\n` : '';
  process.stdout.write(`agentgate listening on ${baseUrl} (${services.database.description})\n${banner}`);
}
