/** `agentgate keys create|list|revoke`: an API user's named keys, from the command line. */
import { Command } from 'commander';
import { createApiKey, keySummary, listOption, parseExpiry } from '../admin/api-keys.js';
import { CliError } from './cli-error.js';
import { withServices } from './options.js';

interface CreateOptions {
  user: string;
  name: string;
  functions?: string;
  campaigns?: string;
  rate?: string;
  expires?: string;
}

function parseRate(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new CliError(`--rate ${text} is not a whole number of requests per second`);
  return Number(text);
}

function expiryOption(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const date = parseExpiry(text);
  if (!date) throw new CliError(`--expires ${text} is not a date: write it as YYYY-MM-DD`);
  return date;
}

export function keysCommands(): Command {
  const keys = new Command('keys').description("API keys: an API user's named credentials for integrations");

  keys
    .command('create')
    .description('make a key; it is printed once, alone on the last line, and stored only as a digest')
    .requiredOption('--user <user>', 'the API user the key acts as')
    .requiredOption('--name <name>', "the key's name (unique for the user), e.g. crm")
    .option('--functions <list>', "comma list: only these of the user's API Allowed Functions (default: all of them)")
    .option('--campaigns <list>', "comma list: only these of the user group's allowed campaigns (default: all of them)")
    .option('--rate <n>', 'requests per second at most (default: no limit of its own)')
    .option('--expires <date>', 'last day the key works, YYYY-MM-DD (default: never)')
    .action(async (options: CreateOptions, command: Command) => {
      const ratePerSecond = parseRate(options.rate);
      const expiresAt = expiryOption(options.expires);
      await withServices(command, async (s) => {
        const made = await createApiKey(
          s.store,
          { user: options.user, name: options.name, functions: listOption(options.functions), campaigns: listOption(options.campaigns), ratePerSecond, expiresAt },
          s.clock.now(),
        );
        if (!made.ok) throw new CliError(`cannot make a key for ${options.user}: ${made.message}`);
        const k = made.key;
        process.stdout.write(
          `key ${k.name} of ${k.user} (prefix ${k.prefix}): functions ${k.functions.join(',') || "all of the user's"}; ` +
            `campaigns ${k.campaigns.join(',') || "all of the user group's"}; rate ${k.ratePerSecond ?? 'no limit'}; ` +
            `expires ${k.expiresAt?.toISOString() ?? 'never'}\n` +
            'copy it now, it is not shown again:\n' +
            `${made.secret}\n`,
        );
      });
    });

  keys
    .command('list')
    .description('show keys (never their secret)')
    .option('--user <user>', 'only this user')
    .action(async (options: { user?: string }, command: Command) =>
      withServices(command, async (s) => {
        const now = s.clock.now();
        const list = await s.store.apiKeys.list(options.user);
        if (list.length === 0) process.stdout.write(options.user ? `${options.user} has no keys\n` : 'there are no keys\n');
        for (const key of list) {
          const k = keySummary(key, now);
          process.stdout.write(
            `${k.user.padEnd(8)} ${k.name.padEnd(16)} agk_${k.prefix}_… ${k.state.padEnd(7)} ` +
              `functions=${k.functions.join(',') || '(all)'} campaigns=${k.campaigns.join(',') || '(all)'} rate=${k.ratePerSecond ?? '-'} ` +
              `expires=${k.expiresAt ?? '-'} last_used=${k.lastUsedAt ?? '-'}\n`,
          );
        }
      }),
    );

  keys
    .command('revoke')
    .description('revoke a key at once, on every node')
    .requiredOption('--user <user>', 'the API user')
    .requiredOption('--name <name>', "the key's name")
    .action(async (options: { user: string; name: string }, command: Command) =>
      withServices(command, async (s) => {
        const found = await s.store.apiKeys.find(options.user, options.name);
        if (!found) throw new CliError(`${options.user} has no key named ${options.name} (agentgate keys list --user ${options.user})`);
        if (!(await s.store.apiKeys.revoke(options.user, options.name, s.clock.now()))) throw new CliError(`key ${options.name} of ${options.user} is already revoked`);
        process.stdout.write(`key ${options.name} of ${options.user} is revoked\n`);
      }),
    );
  return keys;
}
