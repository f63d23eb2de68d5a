import { createServices } from '../app/services.js';
import type { Config } from '../config/config.js';
import { demoBanner, isEmpty, seedDemo } from '../demo/seed.js';
import { openDatabase } from '../store/connect.js';
import { prepareDropIn } from '../store/vicidial-dropin.js';
import { CliError } from './cli-error.js';

export async function initCommand(config: Config): Promise<void> {
  if (config.vicidial) return initDropIn(config);
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

/** `init --vicidial`: agentgate's own tables in VICIdial's database; VICIdial's tables stay as they are. */
async function initDropIn(config: Config): Promise<void> {
  const database = await openDatabase(config.databaseUrl);
  try {
    const report = await prepareDropIn(database);
    const made = report.createdTables.length + report.addedColumns.length;
    process.stdout.write(
      `VICIdial database ready for agentgate: ${database.description} (${made > 0 ? `created ${report.createdTables.length} agentgate_* tables, added ${report.addedColumns.length} columns` : 'agentgate_* tables already there'}; nothing of VICIdial's changed)\n`,
    );
  } finally {
    await database.close();
  }
}
