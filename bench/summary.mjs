/**
 * One table of every benchmark figure with a target (issue 13's report): the
 * figure, the baseline measured in the same run, their ratio, the target and
 * whether it is met — read from bench/results/*.json, which each benchmark
 * writes. `npm run bench` runs them all and then this; `npm run bench:summary`
 * prints the table of the results already there (each row says when it was measured).
 */
import fs from 'node:fs';
import path from 'node:path';

const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'results');
const read = (name) => {
  const file = path.join(dir, `${name}.json`);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
};
const day = (r) => (r?.date ?? r?.when ?? '').slice(0, 10);
const pct = (x) => `${(x * 100).toFixed(1)}%`;

/**
 * Each row: [figure, agentgate, baseline, ratio, ceiling, target, met, measured]. The ceiling, where
 * measured, is the ratio the database's own statements reach against the same baseline with nothing
 * else around them (bench/bare-db-route.mjs): nothing that runs those statements gets beyond it here.
 */
const rows = [];
const row = (figure, value, baseline, ratio, target, met, date, ceiling = '') => rows.push([figure, value, baseline, ratio, ceiling, target, met ? 'met' : 'NOT met', date]);

const api = read('agent-api');
for (const r of api?.results ?? []) {
  const c = r.connections;
  row(`external_pause, ${c} conn.`, `${Math.round(r.full.rps)} req/s`, `${Math.round(r.bare.rps)} req/s bare`, pct(r.ratio), c === 1 ? '≥ 50%' : '≥ 40%', r.ratio >= (c === 1 ? 0.5 : 0.4), day(api), r.ceiling && pct(r.ceiling.ratio));
  if (c === 32) row('external_pause p99, 32 conn.', `${r.full.p99} ms`, `${r.bare.p99} ms bare`, '', '< 5 ms', r.full.p99 < 5, day(api), r.ceiling && `${r.ceiling.sqlite.p99} ms`);
  if (r.json) row(`JSON face, ${c} conn.`, `${Math.round(r.json.rps)} req/s`, `${Math.round(r.full.rps)} req/s legacy`, pct(r.jsonToLegacy), '≥ 90%', r.jsonToLegacy >= 0.9, day(api));
  if (r.mysql)
    row(`MariaDB, ${c} conn.`, `${Math.round(r.mysql.rps)} req/s`, `${Math.round(r.full.rps)} req/s SQLite`, pct(r.mysqlToSqlite), '≥ 50%', r.mysqlToSqlite >= 0.5, day(api), r.mysqlCeiling && pct(r.mysqlCeiling.toSqlite));
}
if (api?.spread?.mysql)
  row('MariaDB, 32 conn. × 32 agents', `${Math.round(api.spread.mysql.rps)} req/s`, `${Math.round(api.spread.full.rps)} req/s SQLite`, pct(api.spread.mysqlToSqlite), '≥ 50%', api.spread.mysqlToSqlite >= 0.5, day(api));
const stream = read('event-stream');
if (stream?.agentgate)
  row(
    `event stream p99, ${stream.subscribers} subscribers × ${stream.changesPerSecond}/s`,
    `${stream.agentgate.deliveryMs.p99} ms`,
    `${stream.baseline.deliveryMs.p99} ms bare SSE`,
    '',
    '< 20 ms',
    stream.agentgate.deliveryMs.p99 < 20,
    day(stream),
  );
const nonAgent = read('non-agent');
if (nonAgent?.http)
  row(
    'add_lead, 32 conn.',
    `${Math.round(nonAgent.http.addLead.rps)} leads/s`,
    `${Math.round(nonAgent.http.bare.rps)} req/s bare`,
    pct(nonAgent.http.ratio),
    '≥ 25%',
    nonAgent.http.ratio >= 0.25,
    day(nonAgent),
    nonAgent.http.ceiling && pct(nonAgent.http.ceiling.ratio),
  );
/** A loader figure: its leads/s against the bare insert loop of the same run. */
const loadRow = (figures, database, target) =>
  row(
    `leads load, ${figures.leads.toLocaleString('en')} leads, ${database}`,
    `${Math.round(figures.loader.leadsPerSecond)} leads/s`,
    `${Math.round(figures.bare.leadsPerSecond)} leads/s bare`,
    pct(figures.ratio),
    `≥ ${target.toLocaleString('en')}/s`,
    figures.loader.leadsPerSecond >= target,
    day(nonAgent),
  );
if (nonAgent?.load) loadRow(nonAgent.load, 'SQLite', 60_000);
if (nonAgent?.loadMysql) loadRow(nonAgent.loadMysql, 'MariaDB', 30_000);
const cluster = read('cluster-push');
if (cluster)
  row(`cross-node push p99 (${cluster.database})`, `${cluster.crossNodePush.p99} ms`, `${cluster.sameNodePush.p99} ms same node`, '', '< 20 ms', cluster.crossNodePush.p99 < 20, day(cluster));
const startup = read('startup');
const memory = read('serve-memory');
if (memory)
  row('serve peak RSS under load', `${memory.agentgate.peakMiB} MiB`, `${memory.bare.peakMiB} MiB bare`, '', '< 150 MiB', memory.agentgate.peakMiB < 150, day(memory));
if (startup) row('start-up to first answer', `${startup.agentgateMs} ms`, `${startup.bareMs} ms bare`, '', '< 1000 ms', startup.agentgateMs < 1000, day(startup));

const header = ['figure', 'agentgate', 'baseline (same run)', 'ratio', 'ceiling', 'target', '', 'measured'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
if (rows.length === 0) console.log('no results yet: run `npm run bench`');
else if (rows.some((r) => r[4])) console.log("\nceiling: the ratio the function's own statements reach on that database, with nothing else, against the same baseline (bench/bare-db-route.mjs)");
