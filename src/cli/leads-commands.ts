/** `agentgate leads load FILE.csv --list 101`: bulk lead loading with add_lead's checks. */
import { Command, Option } from 'commander';
import type { LoadProgress } from '../leads/lead-loader.js';
import { CliError } from './cli-error.js';
import { withServices } from './options.js';

interface LoadFlags {
  list: string;
  map?: string;
  phoneCode: string;
  duplicateCheck?: string;
  dncCheck?: 'Y' | 'AREACODE';
  campaignDncCheck?: 'Y' | 'AREACODE';
  usacanPrefixCheck?: boolean;
  usacanAreacodeCheck?: boolean;
  tzMethod?: string;
  batchSize: string;
  rejects?: string;
  reload?: boolean;
  progress: boolean;
}

/** --map "phone_number=Phone,first_name=First Name" → { phone_number: 'Phone', … }. */
export function parseMap(text: string | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of (text ?? '').split(',').filter((p) => p.trim())) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new CliError(`--map expects field=Header pairs separated by commas, got "${pair}"`);
    map[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return map;
}

const number = (n: number) => n.toLocaleString('en-US');

async function progressBar(enabled: boolean) {
  if (!enabled) return { update: (_p: LoadProgress) => undefined, stop: () => undefined };
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      format: 'loading |{bar}| {percentage}% | {leads} leads | {rate} leads/s | ETA {eta_formatted}',
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let begun = false;
  return {
    update(p: LoadProgress) {
      const handled = p.inserted + p.duplicates + p.invalid;
      const payload = { leads: number(handled), rate: number(Math.round(handled / Math.max(0.001, (Date.now() - started) / 1000))) };
      if (!begun) {
        bar.start(p.totalBytes, p.bytesDone, payload);
        begun = true;
      } else bar.update(p.bytesDone, payload);
    },
    stop: () => begun && bar.stop(),
  };
}

export function leadsCommands(): Command {
  const leads = new Command('leads').description('leads in bulk');
  leads
    .command('load <file>')
    .description('load a CSV file of leads into a list, with the checks of add_lead')
    .requiredOption('--list <list_id>', 'the list to load into (it must exist)')
    .option('--map <pairs>', 'column mapping, e.g. "phone_number=Phone,first_name=First Name" (default: by header names)')
    .option('--phone-code <code>', 'phone_code for rows without one', '1')
    .option('--duplicate-check <mode>', 'add_lead duplicate_check, e.g. DUPLIST, DUPCAMP, DUPSYS, DUPNAMEPHONELIST, DUPLIST30DAY')
    .addOption(new Option('--dnc-check <mode>', 'refuse numbers on the system DNC list').choices(['Y', 'AREACODE']))
    .addOption(new Option('--campaign-dnc-check <mode>', "refuse numbers on the list's campaign DNC list").choices(['Y', 'AREACODE']))
    .option('--usacan-prefix-check', 'refuse numbers whose 4th digit is 0 or 1')
    .option('--usacan-areacode-check', 'refuse numbers whose area code is unknown')
    .option('--tz-method <method>', 'GMT lookup method: POSTAL, TZCODE, NANPA (default: area code)')
    .option('--batch-size <n>', 'leads per transaction', '5000')
    .option('--rejects <file>', 'where rejected lines go (default: FILE.rejects.csv)')
    .option('--reload', 'load a file again that was already loaded completely')
    .option('--no-progress', 'no progress bar (it is shown only on a terminal anyway)')
    .action(async (file: string, flags: LoadFlags, command: Command) => {
      const listId = Number(flags.list);
      if (!/^\d{1,14}$/.test(flags.list)) throw new CliError(`--list must be a list id (digits), got "${flags.list}"`);
      const batchSize = Number(flags.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new CliError(`--batch-size must be a positive whole number, got "${flags.batchSize}"`);
      // The loader is loaded here, not when the CLI starts: `serve` never needs it.
      const { LoadError, loadLeads } = await import('../leads/lead-loader.js');
      await withServices(command, async (services) => {
        const bar = await progressBar(flags.progress && process.stderr.isTTY === true);
        try {
          const summary = await loadLeads(services.store, services.clock, {
            file,
            listId,
            map: parseMap(flags.map),
            phoneCode: flags.phoneCode,
            ...(flags.duplicateCheck ? { duplicateCheck: flags.duplicateCheck } : {}),
            ...(flags.dncCheck ? { dncCheck: flags.dncCheck } : {}),
            ...(flags.campaignDncCheck ? { campaignDncCheck: flags.campaignDncCheck } : {}),
            usacanPrefixCheck: !!flags.usacanPrefixCheck,
            usacanAreacodeCheck: !!flags.usacanAreacodeCheck,
            ...(flags.tzMethod ? { tzMethod: flags.tzMethod } : {}),
            batchSize,
            ...(flags.rejects ? { rejectsFile: flags.rejects } : {}),
            reload: !!flags.reload,
            onProgress: (p) => bar.update(p),
          });
          bar.stop();
          const handled = summary.inserted + summary.duplicates + summary.invalid;
          const rate = Math.round(handled / Math.max(summary.seconds, 0.001));
          const resumed = summary.resumedAfterLine > 0 ? `resumed after line ${summary.resumedAfterLine}; ` : '';
          process.stdout.write(
            `${resumed}list ${listId}: ${number(summary.inserted)} inserted, ${number(summary.duplicates)} duplicates, ${number(summary.invalid)} invalid` +
              ` in ${summary.seconds.toFixed(1)} s (${number(rate)} leads/s)\n` +
              (summary.duplicates + summary.invalid > 0 ? `rejected lines, with their line numbers and reasons: ${summary.rejectsFile}\n` : ''),
          );
        } catch (err) {
          bar.stop();
          if (err instanceof LoadError) throw new CliError(err.message);
          throw err;
        }
      });
    });
  return leads;
}
