// agentgate's event stream written as CSV rows, one per event:
//   time, agent, event, status, lead, command_id
//
//   AGENTGATE_KEY=agk_… node examples/events-to-csv.mjs events.csv [--server http://127.0.0.1:8080]
//
// The key comes from the environment, not the command line (where `ps` shows
// it to everyone). A reporting-only user's key is enough: it reads the stream
// and can command nothing (agentgate keys create --user 6667 --name csv).
//
// Rows: the snapshot gives one row per agent (its status and lead when the
// stream opened); then `agent` (status: the VICIdial status word), `logout`,
// `call` (status: offered, answered or ended), `disposition` (status: the
// disposition) and `lead` (status: the fields that changed). command_id is
// the command whose effect the event shows, empty when none caused it.
// Queue counts and today's figures are state, not events: they are left out.
//
// The file is appended to (the header written once). After a drop the stream
// resumes with Last-Event-ID: nothing lost, nothing repeated. Ctrl-C stops it
// cleanly, every row received on disk.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { followEvents, StreamRefused } from './shared/event-stream.js';

const COLUMNS = ['time', 'agent', 'event', 'status', 'lead', 'command_id'];

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
const field = (value) => {
  const text = String(value ?? '');
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const line = (values) => `${values.map(field).join(',')}\r\n`;

/** The rows one stream event gives. */
function rowsOf({ name, data }) {
  const row = (status, lead) => [data.at, data.user, name, status, lead, data.command_id ?? ''];
  switch (name) {
    case 'snapshot':
      return data.agents.map((a) => [data.at, a.user, name, a.status, a.leadId, '']);
    case 'agent':
      return [row(data.agent.status, data.agent.leadId)];
    case 'logout':
      return [row('', '')];
    case 'call':
      return [row(data.call, data.leadId)];
    case 'disposition':
      return [row(data.status, data.leadId)];
    case 'lead':
      return [row(data.fields.join(' '), data.leadId)];
    default:
      return [];
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { server: { type: 'string', default: process.env.AGENTGATE_URL ?? 'http://127.0.0.1:8080' } },
  });
  const file = positionals[0];
  const key = process.env.AGENTGATE_KEY?.trim();
  if (!file || positionals.length > 1) return fail('usage: AGENTGATE_KEY=agk_… node examples/events-to-csv.mjs FILE.csv [--server http://127.0.0.1:8080]');
  if (!key) return fail('set AGENTGATE_KEY to an API key (agentgate keys create --user 6667 --name csv prints one)');

  const fresh = !fs.existsSync(file) || fs.statSync(file).size === 0;
  const out = fs.createWriteStream(file, { flags: 'a' });
  if (fresh) out.write(line(COLUMNS));
  let rows = 0;
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());

  let said = '';
  const say = (status) => {
    if (status !== said) process.stderr.write(`events-to-csv: ${status} (${values.server})\n`);
    said = status;
  };
  let refused;
  await followEvents({
    server: values.server,
    key,
    signal: stop.signal,
    onStatus: say,
    onEvent: (event) => {
      if (event.name === 'snapshot' && event.data.reset) process.stderr.write('events-to-csv: the gap was longer than the server keeps: a fresh snapshot follows\n');
      for (const cells of rowsOf(event)) {
        out.write(line(cells));
        rows += 1;
      }
    },
  }).catch((err) => {
    if (!(err instanceof StreamRefused)) throw err;
    refused = err;
  });
  await new Promise((resolve) => out.end(resolve));
  if (refused) return fail(`agentgate refused the key (${refused.status} ${refused.code}): ${refused.message}`);
  process.stderr.write(`events-to-csv: stopped; ${rows} rows written to ${file}\n`);
}

function fail(message) {
  process.stderr.write(`events-to-csv: ${message}\n`);
  process.exitCode = 2;
}

await main();
