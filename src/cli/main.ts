#!/usr/bin/env node
/**
 * agentgate's command line: serve, init, seed-demo, agent sessions, explain.
 * Errors end with one line that says what to do next, never a stack trace,
 * and exit 2; `explain` exits 1 when the request would be refused.
 */
import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from '../config/config.js';
import { DatabaseConnectError, DatabaseUrlError } from '../store/database-handle.js';
import { AGENTGATE_VERSION } from '../app/version.js';
import { agentCommands } from './agent-commands.js';
import { explainCommand } from './explain-command.js';
import { keysCommands } from './keys-commands.js';
import { leadsCommands } from './leads-commands.js';
import { configFrom } from './options.js';
import { simCommands } from './sim-commands.js';

const program = new Command()
  .name('agentgate')
  .description('VICIdial-compatible agent API server')
  .version(AGENTGATE_VERSION)
  .addOption(new Option('--database-url <url>', 'database, e.g. sqlite:./data/agentgate.db or mysql://user:password@host:3306/agentgate').env('DATABASE_URL'));

program
  .command('serve')
  .description('start the HTTP server')
  .addOption(new Option('--port <port>', 'port to listen on').env('PORT'))
  .addOption(new Option('--host <host>', 'address to bind (127.0.0.1 keeps it on this machine)').env('HOST'))
  .option('--demo', 'seed demo data when the database is new')
  .option('--vicidial', "drop-in on VICIdial's own database: commands are written for VICIdial's screens, nothing of VICIdial's is migrated")
  // Each action loads what it runs when it runs: a command pays only for its own modules (the server's HTTP
  // stack is the larger part), which start-up and every CLI call feel.
  .action(async (options, command: Command) =>
    (await import('./serve.js')).serveCommand(configFrom({ ...command.optsWithGlobals(), ...options }), options.demo === true),
  );

program
  .command('init')
  .description('create or update the database tables (no demo data)')
  .option('--vicidial', "on VICIdial's own database: create agentgate's own agentgate_* tables and touch nothing else")
  .action(async (_options, command: Command) => (await import('./database-commands.js')).initCommand(configFrom(command.optsWithGlobals())));

program
  .command('seed-demo')
  .description('load the demo data into an empty database')
  .action(async (_options, command: Command) => (await import('./database-commands.js')).seedDemoCommand(configFrom(command.optsWithGlobals())));

program.addCommand(agentCommands());
program.addCommand(explainCommand());
program.addCommand(simCommands());
program.addCommand(leadsCommands());
program.addCommand(keysCommands());

// Usage errors exit 2 like every other error (1 is explain's "refused"); help and --version exit 0.
const exitOnUsageError = (command: Command): void => {
  command.exitOverride();
  command.commands.forEach(exitOnUsageError);
};
exitOnUsageError(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // Commander has already printed its message.
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
  if (err instanceof ConfigError || err instanceof DatabaseUrlError || (err instanceof Error && err.name === 'CliError')) {
    process.stderr.write(`agentgate: ${err.message}\n`);
    process.exit(2);
  }
  // The database is named right but cannot be used: a failure to start, not a usage error.
  if (err instanceof DatabaseConnectError) {
    process.stderr.write(`agentgate: ${err.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`agentgate: unexpected failure: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
