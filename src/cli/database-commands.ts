import { createServices } from '../app/services.js';
import type { Config } from '../config/config.js';
import { demoBanner, isEmpty, seedDemo } from '../demo/seed.js';
import { CliError } from './cli-error.js';

export async function initCommand(config: Config): Promise<void> {
  const services = await createServices(config);
  await services.close();
  process.stdout.write(`database ready: ${services.database.description}\n`);
}

export async function seedDemoCommand(config: Config): Promise<void> {
  const services = await createServices(config);
  try {
    if (!(await isEmpty(services.store)))
      throw new CliError('the database already has users; demo data goes only into a new database (use another DATABASE_URL)');
    await seedDemo(services);
    process.stdout.write(`demo data loaded into ${services.database.description}\n${demoBanner(`http://${config.host}:${config.port}`)}\n`);
  } finally {
    await services.close();
  }
}
