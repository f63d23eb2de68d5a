/**
 * `agentgate explain --user 6668 --agent 1000 --function external_dial`:
 * the decision of the agent or non-agent API for that request, gate by gate, from the same
 * pipeline the server runs (nothing is written). It exits 0 when the request
 * would be allowed and 1 when refused, so scripts can test it (2: an error).
 * Unlike the console, it prints the whole answer, data included, and is not
 * audited: whoever runs it holds the database file and can read all of it anyway.
 */
import { Command, Option } from 'commander';
import { explainRequest, type Explanation } from '../api/explain.js';
import { CliError } from './cli-error.js';
import { withServices } from './options.js';

const MARK = { pass: 'PASS', fail: 'FAIL', 'not-reached': '  - ' } as const;

export function formatExplanation(e: Explanation): string {
  const out = [`explain: API user ${e.user}, agent ${e.agentUser || '(none)'}, function ${e.function}`];
  if (e.filledIn.length > 0) out.push(`  (example values filled in: ${e.filledIn.map((n) => `${n}=${e.params[n]}`).join(' ')})`);
  const width = Math.max(...e.gates.map((g) => g.label.length));
  for (const g of e.gates) {
    out.push(`  ${MARK[g.status]}  ${g.label.padEnd(width)}  ${g.detail}`);
    if (g.status === 'fail' && g.setting) out.push(`  ${' '.repeat(6 + width)}  setting: ${g.setting}`);
    if (g.status === 'fail' && g.fix) out.push(`  ${' '.repeat(6 + width)}  to allow it: ${g.fix}`);
  }
  out.push(`${e.allowed ? 'ALLOWED' : 'REFUSED'}: the request would get: ${e.answer.trim()}`);
  out.push(`  not checked: ${e.notChecked.join('; ')}`);
  return `${out.join('\n')}\n`;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function explainCommand(): Command {
  return new Command('explain')
    .description("explain a decision of the agent or the non-agent API, gate by gate (writes nothing)")
    .requiredOption('--user <user>', 'the API user')
    .requiredOption('--function <name>', 'the function (agent or non-agent API)')
    .option('--agent <user>', 'the agent user (agent_user)')
    .option('--value <value>', 'the value parameter')
    .option('--lead <lead_id>', 'the lead_id parameter')
    .option('--param <name=value>', 'any other parameter (repeatable)', collect, [])
    .option('--ip <address>', 'the client address, to check the IP lists too')
    .addOption(new Option('--json', 'print the explanation as JSON'))
    .action(async (options: { user: string; function: string; agent?: string; value?: string; lead?: string; param: string[]; ip?: string; json?: boolean }, command: Command) => {
      const params: Record<string, string> = {};
      for (const pair of options.param) {
        const eq = pair.indexOf('=');
        if (eq < 1) throw new CliError(`--param needs name=value, got "${pair}"`);
        params[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      const explanation = await withServices(command, (services) =>
        explainRequest(services, {
          user: options.user,
          agentUser: options.agent,
          function: options.function,
          value: options.value,
          leadId: options.lead,
          params,
          remoteIp: options.ip,
        }, { answer: 'full' }),
      );
      process.stdout.write(options.json ? `${JSON.stringify(explanation, null, 2)}\n` : formatExplanation(explanation));
      process.exitCode = explanation.allowed ? 0 : 1;
    });
}
