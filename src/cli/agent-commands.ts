/** `agentgate agent login|logout|list`: start and end live agent sessions without a screen. */
import { Command } from 'commander';
import { phaseOf } from '../domain/live-agent.js';
import { CliError } from './cli-error.js';
import { withServices } from './options.js';

export function agentCommands(): Command {
  const agent = new Command('agent').description('live agent sessions');

  agent
    .command('login <user>')
    .description('log an agent into a campaign')
    .requiredOption('--campaign <id>', 'campaign to log into')
    .option('--ingroups <ids>', 'comma-separated in-groups to take calls from')
    .action(async (user: string, options: { campaign: string; ingroups?: string }, command: Command) =>
      withServices(command, async (s) => {
        const ingroups = options.ingroups?.split(',').map((g) => g.trim()).filter(Boolean);
        const result = await s.runner.run((u) =>
          s.sessions.login(u, { user, campaignId: options.campaign, ...(ingroups ? { ingroups } : {}) }),
        );
        if (!result.ok) throw new CliError(`cannot log ${user} in: ${result.message}`);
        process.stdout.write(`${user} is logged into ${result.value.campaignId} (${result.value.status})\n`);
      }),
    );

  agent
    .command('logout <user>')
    .description('end an agent session now')
    .action(async (user: string, _options: unknown, command: Command) =>
      withServices(command, async (s) => {
        const ended = await s.runner.run((u) => s.sessions.logout(u, user, 'cli-logout'));
        if (!ended) throw new CliError(`${user} is not logged in`);
        process.stdout.write(`${user} is logged out\n`);
      }),
    );

  agent
    .command('list')
    .description('show the logged-in agents')
    .action(async (_options: unknown, command: Command) =>
      withServices(command, async (s) => {
        const agents = await s.store.liveAgents.list();
        if (agents.length === 0) process.stdout.write('no agents are logged in\n');
        for (const a of agents)
          process.stdout.write(`${a.user.padEnd(8)} ${a.campaignId.padEnd(9)} ${a.status.padEnd(7)} ${phaseOf(a)}${a.leadId ? ` lead ${a.leadId}` : ''}\n`);
      }),
    );
  return agent;
}
