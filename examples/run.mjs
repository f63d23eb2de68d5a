// Each example in one command, against a demo agentgate of its own:
//
//   node examples/run.mjs screen-pop        # the CRM screen pop page
//   node examples/run.mjs buttons           # the custom-button page
//   node examples/run.mjs events-to-csv [FILE.csv]   # the event stream into a CSV file (events.csv)
//   node examples/run.mjs migrate-to-key    # password-in-URL to a key, on sample URLs
//
// It builds agentgate if its sources changed (as `npm start` does), starts it
// with the demo data on a temporary SQLite file, makes the API key the example
// needs with `agentgate keys create`, and runs the example. The pages are
// served from their own origin (a CRM is never agentgate's origin), which
// agentgate is told to allow in CORS_ORIGINS; the printed address hands the
// key to the page in its fragment, which the page erases at once. Ctrl-C stops
// everything and deletes the temporary database.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serveExamples } from './serve-static.mjs';

const HERE = import.meta.dirname;
const ROOT = path.resolve(HERE, '..');
const CLI = path.join(ROOT, 'dist/cli/main.js');
const AGENT = '1000';

/** What each example needs: its key (user, functions) and what to do once agentgate runs. */
const EXAMPLES = {
  'screen-pop': { page: true, user: '6666', functions: 'lead_all_info,update_fields' },
  buttons: { page: true, user: '6666', functions: 'external_pause,external_hangup,external_status' },
  // A reporting-only user's key: it reads the stream and can command nothing.
  'events-to-csv': { page: false, user: '6667' },
  'migrate-to-key': { page: false },
};

const name = process.argv[2];
const example = EXAMPLES[name];
if (!example) {
  console.error(`usage: node examples/run.mjs ${Object.keys(EXAMPLES).join('|')}`);
  process.exit(2);
}

const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-if-changed.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), `agentgate-${name}-`));
const children = new Set();
let pages;
let stopping = false;
const env = { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'demo.db')}`, LOG_LEVEL: 'warn' };

/** Stop the example's processes (each in its own process group, so a terminal's Ctrl-C reaches them only through here) and clean up. */
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  await Promise.all([...children].map((child) => stopChild(child)));
  await pages?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(code);
}
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));
// Whatever ends this process, nothing it started outlives it.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGINT');
  });
}

function start(command, args, options = {}) {
  const child = spawn(command, args, { env, detached: true, ...options });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** agentgate serve --demo on `port`; resolves once it listens. */
async function startAgentgate(port, corsOrigin) {
  const child = start(process.execPath, [CLI, 'serve', '--demo'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', ...(corsOrigin ? { CORS_ORIGINS: corsOrigin } : {}) },
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const listen = (chunk) => {
      output += chunk;
      if (!output.includes('agentgate listening on')) return;
      // Its demo banner is not this example's: read and dropped from here on.
      child.stdout.off('data', listen);
      child.stdout.resume();
      resolve();
    };
    child.stdout.on('data', listen);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => {
      if (stopping) return;
      console.error(`agentgate stopped (exit ${code}):\n${output.slice(-4000)}`);
      reject(new Error('agentgate did not start'));
      void shutdown(1);
    });
  });
}

/** `agentgate keys create`: the key is alone on its last line. */
function createKey(user, keyName, functions) {
  const args = [CLI, 'keys', 'create', '--user', user, '--name', keyName, ...(functions ? ['--functions', functions] : []), '--campaigns', 'TESTCAMP'];
  const made = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`agentgate keys create failed:\n${made.stderr}`);
  const lines = made.stdout.trim().split('\n');
  console.log(`key: ${lines[0]}`);
  return lines.at(-1);
}

/** One call of the JSON face, for the demo's own setup. */
async function call(server, key, fn, body) {
  const res = await fetch(`${server}/api/v2/agent/${fn}`, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return res.json();
}

async function runPage(server) {
  const key = createKey(example.user, name, example.functions);
  // The screen pop needs a call to pop: agent 1000 goes READY, and the demo's simulator calls it within seconds.
  const helper = name === 'screen-pop' ? createKey('6666', 'demo-commands', 'external_pause,external_status') : undefined;
  if (helper) await call(server, helper, 'external_pause', { agent_user: AGENT, value: 'RESUME' });
  const fragment = new URLSearchParams({ server, agent: AGENT, key });
  console.log(`\nagentgate (demo data): ${server}`);
  console.log(`the ${name} page, served from its own origin ${pages.origin} — open:\n\n  ${pages.origin}/${name}/#${fragment}\n`);
  if (helper) {
    console.log(`Agent ${AGENT} is READY: the demo's simulator calls it within seconds, and the page pops the call's lead.`);
    console.log(`After the call the lead stays on screen until its disposition; to give one (and get the next call):`);
    console.log(`  curl -H 'Authorization: Bearer ${helper}' -H 'Content-Type: application/json' -d '{"agent_user":"${AGENT}","value":"SALE"}' ${server}/api/v2/agent/external_status\n`);
  } else console.log(`Press Resume: the demo's simulator then calls agent ${AGENT}. A Pause during the call stays pending until its disposition.\n`);
  console.log('Ctrl-C stops it.');
}

async function runEventsToCsv(server) {
  const file = path.resolve(process.argv[3] ?? 'events.csv');
  const key = createKey(example.user, 'csv');
  const script = start(process.execPath, [path.join(HERE, 'events-to-csv.mjs'), file, '--server', server], {
    env: { ...env, AGENTGATE_KEY: key },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  script.once('exit', (code) => void shutdown(code ?? 0)); // refused, say: nothing left to run
  // Something to write: agent 1000 goes READY (the demo's simulator then calls it), by a command whose id the CSV shows.
  const commands = createKey('6666', 'csv-demo-commands', 'external_pause');
  const answer = await call(server, commands, 'external_pause', { agent_user: AGENT, value: 'RESUME' });
  console.log(`\nagentgate (demo data): ${server}\nwriting ${file}; agent ${AGENT} resumed by command ${answer.command_id}, so calls arrive. Ctrl-C stops it.\n`);
}

async function runMigrate(server) {
  const urls = path.join(dir, 'integration-urls.txt');
  fs.writeFileSync(
    urls,
    [
      '# An integration that puts the password in every URL (the demo API user 6666, password 1234)',
      `${server}/agc/api.php?source=crm&user=6666&pass=1234&agent_user=${AGENT}&function=external_pause&value=RESUME`,
      `${server}/agc/api.php?source=crm&user=6666&pass=1234&agent_user=${AGENT}&function=external_pause&value=PAUSE`,
      `${server}/vicidial/non_agent_api.php?source=crm&user=6666&pass=1234&function=version`,
      '',
    ].join('\n'),
  );
  console.log(`\nThe integration's URLs:\n${fs.readFileSync(urls, 'utf8')}`);
  console.log(`$ examples/migrate-to-key.sh --name crm ${urls}`);
  const migrated = spawnSync(path.join(HERE, 'migrate-to-key.sh'), ['--name', 'crm', urls], { env, encoding: 'utf8' });
  process.stdout.write(migrated.stdout);
  if (migrated.status !== 0) {
    process.stderr.write(migrated.stderr);
    return shutdown(1);
  }
  console.log('\n$ bash (the lines above)');
  const ran = spawnSync('bash', ['-c', migrated.stdout], { encoding: 'utf8' });
  process.stdout.write(`${ran.stdout}${ran.stderr}\n`);
  return shutdown(ran.status === 0 ? 0 : 1);
}

try {
  const port = await freePort();
  const server = `http://127.0.0.1:${port}`;
  if (example.page) pages = await serveExamples({ port: 0, agentgate: server });
  await startAgentgate(port, pages?.origin);
  if (example.page) await runPage(server);
  else if (name === 'events-to-csv') await runEventsToCsv(server);
  else await runMigrate(server);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  await shutdown(1);
}
