/**
 * Command-to-screen latency: external_pause sent by API to each of 1,000
 * connected agent screens in turn, timed until that screen's WebSocket has
 * the change — against a screen that polls every 1,000 ms (what VICIdial's
 * agent screen does), measured in the same run on the same server.
 * Target: push p99 under 20 ms. Also: server memory per connected session.
 * Run with `npm run bench`.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';

const here = path.dirname(new URL(import.meta.url).pathname);
const POLL_MS = 1000;
const POLL_SAMPLES = Number(process.env.BENCH_POLL_SAMPLES ?? 200);
const child = fork(path.join(here, 'push-server.mjs'), { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const ask = (message) => new Promise((resolve) => { child.once('message', resolve); if (message) child.send(message); });
const { port, users, cookies, memory: before } = await ask();
const base = `http://127.0.0.1:${port}`;
const api = (user, value) =>
  fetch(`${base}/agc/api.php?source=bench&user=6666&pass=1234&agent_user=${user}&function=external_pause&value=${value}`).then((r) => r.text());
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (samples) => {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: +pct(s, 50).toFixed(2), p99: +pct(s, 99).toFixed(2), max: +s[s.length - 1].toFixed(2) };
};

// --- push: 1,000 sockets, one command at a time -------------------------------------
const waiting = new Map();
const sockets = await Promise.all(
  users.map(
    (user, i) =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v2/agent/stream`, { headers: { cookie: `agentgate_agent=${cookies[i]}` } });
        let first = true;
        ws.on('message', (data) => {
          const m = JSON.parse(data.toString());
          if (first && m.type === 'state') {
            first = false;
            return resolve(ws);
          }
          if (m.type === 'event' && m.event.type === 'session.changed') waiting.get(user)?.(performance.now());
        });
        ws.on('error', reject);
      }),
  ),
);
const connected = await ask('memory');
const perSession = {
  heapBytes: Math.round((connected.memory.heapUsed - before.heapUsed) / users.length),
  rssBytes: Math.round((connected.memory.rss - before.rss) / users.length),
};

const push = [];
const answered = [];
for (const user of users) {
  const seen = new Promise((resolve) => waiting.set(user, resolve));
  const start = performance.now();
  const body = await api(user, 'RESUME');
  if (!body.startsWith('SUCCESS')) throw new Error(`command failed: ${body}`);
  answered.push(performance.now() - start);
  push.push((await seen) - start);
  waiting.delete(user);
}
for (const ws of sockets) ws.close();

// --- polling: every screen asks every 1,000 ms; a change is seen at the next poll ---------
const pollers = users.map((user, i) => ({ user, cookie: `agentgate_agent=${cookies[i]}`, status: 'READY', watch: undefined }));
let polling = true;
const pollOnce = async (p) => {
  const state = await fetch(`${base}/api/v2/agent/session?view=status`, { headers: { cookie: p.cookie } }).then((r) => r.json());
  const status = state.session?.status;
  if (p.watch && status === p.watch.status) {
    p.watch.resolve(performance.now());
    p.watch = undefined;
  }
  p.status = status;
};
const loops = pollers.map(async (p, i) => {
  await new Promise((r) => setTimeout(r, (i * POLL_MS) / pollers.length)); // spread the polls over the second
  while (polling) {
    const next = performance.now() + POLL_MS;
    await pollOnce(p);
    await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
  }
});
await new Promise((r) => setTimeout(r, 2 * POLL_MS));
const poll = [];
const sampled = pollers.slice(0, POLL_SAMPLES);
await Promise.all(
  sampled.map(async (p, i) => {
    await new Promise((r) => setTimeout(r, i * 37)); // commands spread over several seconds
    const seen = new Promise((resolve) => (p.watch = { status: 'PAUSED', resolve }));
    const start = performance.now();
    await api(p.user, 'PAUSE');
    poll.push((await seen) - start);
  }),
);
polling = false;
await Promise.all(loops);
child.send('stop');

const result = { date: new Date().toISOString(), sockets: users.length, push: summary(push), polling: { intervalMs: POLL_MS, clients: pollers.length, ...summary(poll) }, memoryPerSession: perSession };
console.log(`\ncommand-to-screen latency, ${users.length} connected screens (same run, same server)`);
console.log(`  (the API's own answer:   p50 ${summary(answered).p50} ms   p99 ${summary(answered).p99} ms)`);
console.log(`  push (WebSocket):        p50 ${result.push.p50} ms   p99 ${result.push.p99} ms   max ${result.push.max} ms   (n=${result.push.n})`);
console.log(`  polling every ${POLL_MS} ms: p50 ${result.polling.p50} ms   p99 ${result.polling.p99} ms   max ${result.polling.max} ms   (n=${result.polling.n})`);
console.log(`  memory per connected session: ${(perSession.heapBytes / 1024).toFixed(1)} KiB heap, ${(perSession.rssBytes / 1024).toFixed(1)} KiB RSS`);
console.log(`target: push p99 < 20 ms → ${result.push.p99} ms ${result.push.p99 < 20 ? '(met)' : '(NOT met)'}`);
fs.mkdirSync(path.join(here, 'results'), { recursive: true });
fs.writeFileSync(path.join(here, 'results', 'agent-push.json'), `${JSON.stringify(result, null, 2)}\n`);
