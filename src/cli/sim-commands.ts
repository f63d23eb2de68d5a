/** `agentgate sim show|set`: how the call simulator treats each campaign and in-group (agentgate_simulator). */
import { Command } from 'commander';
import { DEFAULT_SIM_SETTINGS, type SimSettings } from '../domain/telephony.js';
import { CliError } from './cli-error.js';
import { withServices } from './options.js';

function range(text: string, what: string): [number, number] {
  const m = /^(\d{1,4})(?:-(\d{1,4}))?$/.exec(text);
  if (!m) throw new CliError(`${what} must be seconds, or MIN-MAX seconds (e.g. 2-8), not "${text}"`);
  const lo = Number(m[1]);
  const hi = Number(m[2] ?? m[1]);
  if (hi < lo) throw new CliError(`${what}: ${lo}-${hi} ends before it starts`);
  return [lo, hi];
}

function percent(text: string, what: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 100) throw new CliError(`${what} must be a whole percent from 0 to 100, not "${text}"`);
  return n;
}

export function describeSettings(s: SimSettings): string {
  const common = `${s.targetId.padEnd(10)} ${s.targetType.padEnd(8)} ${s.active ? 'on ' : 'off'}`;
  if (s.targetType === 'INGROUP')
    return `${common} ${s.callsPerMinute} calls/min, talk ${s.talkMinSec}-${s.talkMaxSec}s, queue timeout ${s.queueTimeoutSec}s`;
  return `${common} answer ${s.answerPercent}%, busy ${s.busyPercent}%, ring ${s.ringMinSec}-${s.ringMaxSec}s, talk ${s.talkMinSec}-${s.talkMaxSec}s`;
}

export function simCommands(): Command {
  const sim = new Command('sim').description('the call simulator: settings per campaign (outbound) and in-group (inbound)');

  sim
    .command('show')
    .description('show the simulator settings')
    .action(async (_options: unknown, command: Command) =>
      withServices(command, async (services) => {
        const all = await services.store.telephony.simSettings();
        if (all.length === 0) process.stdout.write('no campaign or in-group is simulated; add one with `agentgate sim set <id>`\n');
        for (const s of all) process.stdout.write(`${describeSettings(s)}\n`);
      }),
    );

  sim
    .command('set <id>')
    .description('simulate a campaign (or, with --ingroup, an in-group), or change how')
    .option('--ingroup', 'the id is an in-group (inbound calls)')
    .option('--answer <percent>', 'dialled calls answered')
    .option('--busy <percent>', 'dialled calls busy (the rest ring out)')
    .option('--ring <seconds>', 'ring time, N or MIN-MAX')
    .option('--talk <seconds>', 'talk time before the customer hangs up, N or MIN-MAX')
    .option('--rate <calls>', 'inbound calls per minute')
    .option('--queue-timeout <seconds>', 'seconds an inbound call waits before it is dropped')
    .option('--off', 'stop simulating it')
    .option('--on', 'simulate it again')
    .action(async (id: string, o: Record<string, string | boolean | undefined>, command: Command) =>
      withServices(command, async (services) => {
        const type = o.ingroup ? 'INGROUP' : 'CAMPAIGN';
        const exists = type === 'INGROUP' ? await services.store.campaigns.findInboundGroup(id) : await services.store.campaigns.find(id);
        if (!exists) throw new CliError(`${type === 'INGROUP' ? 'in-group' : 'campaign'} ${id} does not exist${type === 'CAMPAIGN' ? ' (an in-group needs --ingroup)' : ''}`);
        const current = (await services.store.telephony.simSettings()).find((s) => s.targetId === id) ?? { ...DEFAULT_SIM_SETTINGS, targetId: id, targetType: type };
        const next: { -readonly [K in keyof SimSettings]: SimSettings[K] } = { ...current, targetType: type };
        if (typeof o.answer === 'string') next.answerPercent = percent(o.answer, '--answer');
        if (typeof o.busy === 'string') next.busyPercent = percent(o.busy, '--busy');
        if (typeof o.ring === 'string') [next.ringMinSec, next.ringMaxSec] = range(o.ring, '--ring');
        if (typeof o.talk === 'string') [next.talkMinSec, next.talkMaxSec] = range(o.talk, '--talk');
        if (typeof o.rate === 'string') {
          const rate = Number(o.rate);
          if (!(rate >= 0 && rate <= 600)) throw new CliError(`--rate must be 0 to 600 calls a minute, not "${o.rate}"`);
          next.callsPerMinute = rate;
        }
        if (typeof o.queueTimeout === 'string') next.queueTimeoutSec = range(o.queueTimeout, '--queue-timeout')[0];
        if (o.off) next.active = false;
        if (o.on) next.active = true;
        if (next.answerPercent + next.busyPercent > 100) throw new CliError('--answer and --busy add up to more than 100%');
        await services.store.telephony.saveSimSettings(next);
        process.stdout.write(`${describeSettings(next)}\n`);
      }),
    );
  return sim;
}
