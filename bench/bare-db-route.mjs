/**
 * The ceiling a database sets on external_pause: a Fastify route that runs the
 * statements agentgate runs for an API PAUSE of a paused agent — the API
 * user's row, then in one transaction the agent's row, its update and the two
 * audit rows — straight through the driver's prepared statements, and nothing
 * else: no parameter filters, no password check, no gates, no events, no
 * Kysely. It answers the same line. Whatever agentgate does, it runs these
 * statements with this durability, so this route's throughput is the most any
 * implementation of the function can reach on this machine and database;
 * agentgate's figure against it is what agentgate itself costs.
 *
 * On SQLite the requests read in one turn of the event loop share a
 * transaction (as agentgate's group commit does); on MariaDB each request has
 * its own, on a pooled connection (as in agentgate).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const USER_COLUMNS = [
  'user', 'pass', 'pass_hash', 'full_name', 'user_level', 'user_group', 'active', 'vdc_agent_api_access', 'api_only_user',
  'api_allowed_functions', 'api_list_restrict', 'ignore_ip_list', 'agentcall_manual', 'change_agent_campaign', 'modify_leads',
  'modify_campaigns', 'view_reports', 'modify_lists', 'delete_lists', 'delete_from_dnc', 'custom_fields_modify', 'modify_users',
  'delete_users', 'modify_same_user_level', 'custom_three', 'closer_campaigns', 'closer_default_blended', 'failed_login_count', 'last_login_date',
];
const AGENT_COLUMNS = [
  'user', 'server_ip', 'conf_exten', 'status', 'lead_id', 'preview_lead_id', 'campaign_id', 'callerid', 'uniqueid', 'channel', 'comments',
  'last_call_time', 'last_state_change', 'closer_campaigns', 'outbound_autodial', 'pause_code', 'calls_today', 'user_level', 'random_id',
  'external_hangup', 'external_status', 'external_pause', 'external_dial', 'external_ingroups', 'external_blended', 'external_igb_set_user',
  'external_update_fields', 'external_update_fields_data', 'external_timer_action', 'external_timer_action_message',
  'external_timer_action_seconds', 'external_dtmf', 'external_transferconf', 'external_park', 'external_recording', 'external_pause_code',
  'external_lead_id', 'manager_ingroup_set',
];
const LOG_COLUMNS = ['user', 'api_date', 'api_script', 'function', 'agent_user', 'value', 'result', 'result_reason', 'source', 'data', 'run_time', 'webserver', 'api_url'];

/** The statements, with the dialect's quotes. */
function statements(q) {
  const list = (columns) => columns.map(q).join(', ');
  const marks = (columns) => columns.map(() => '?').join(', ');
  return {
    user: `select ${list(USER_COLUMNS)} from ${q('vicidial_users')} where ${q('user')} = ?`,
    agent: `select ${list(AGENT_COLUMNS)} from ${q('vicidial_live_agents')} where ${q('user')} = ? order by ${q('live_agent_id')} desc limit 1`,
    update: `update ${q('vicidial_live_agents')} set ${q('external_pause')} = ?, ${q('last_update_time')} = ? where ${q('user')} = ?`,
    log: `insert into ${q('vicidial_api_log')} (${list(LOG_COLUMNS)}) values (${marks(LOG_COLUMNS)})`,
    url: `insert into ${q('vicidial_api_urls')} (${list(['api_id', 'api_date', 'remote_ip', 'url'])}) values (?, ?, ?, ?)`,
  };
}

const sqlDateTime = (d) => d.toISOString().slice(0, 19).replace('T', ' ');
/** The request as the route reads it, and the rows it writes. */
function pauseOf(request) {
  const query = request.query;
  const now = new Date();
  const epoch = Math.floor(now.getTime() / 1000);
  const date = sqlDateTime(now);
  const line = `SUCCESS: external_pause function set - ${query.value}|${epoch}|${query.agent_user}\n`;
  const log = [query.user, date, 'api.php', 'external_pause', query.agent_user, query.value, 'SUCCESS', '', query.source, String(epoch), '0.001000', 1, 1];
  return { query, date, epoch, line, log, url: [date, request.ip, request.url.replace(/pass=[^&]*/, 'pass=XXXX')] };
}

const send = (reply, line) => reply.header('Content-Type', 'text/html; charset=utf-8').send(line);

/** GET /bare-db on the SQLite file agentgate uses (a connection of its own, agentgate's pragmas). */
export function bareSqliteRoute(app, file) {
  const Database = require('better-sqlite3');
  const db = new Database(file);
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -4000');
  const s = Object.fromEntries(Object.entries(statements((name) => `"${name}"`)).map(([k, v]) => [k, db.prepare(v)]));
  const begin = db.prepare('begin immediate');
  const commit = db.prepare('commit');
  let waiting = [];
  const drain = () => {
    const batch = waiting;
    waiting = [];
    begin.run();
    for (const p of batch) {
      s.agent.get(p.query.agent_user);
      s.update.run(`${p.query.value}!${p.epoch}`, p.date, p.query.agent_user);
      const { lastInsertRowid } = s.log.run(...p.log);
      s.url.run(lastInsertRowid, ...p.url);
    }
    commit.run();
    for (const p of batch) p.done();
  };
  app.get('/bare-db', (request, reply) => {
    const p = pauseOf(request);
    s.user.get(p.query.user);
    return new Promise((resolve) => {
      p.done = () => resolve(send(reply, p.line));
      if (waiting.push(p) === 1) setImmediate(drain);
    });
  });
  return () => db.close();
}

/** GET /bare-db on a MariaDB/MySQL database agentgate uses (a pool of its own, as large as agentgate's). */
export async function bareMysqlRoute(app, url, connectionLimit) {
  const mysql = require('mysql2/promise');
  const target = new URL(url);
  const pool = mysql.createPool({
    host: target.hostname,
    port: Number(target.port || 3306),
    user: decodeURIComponent(target.username),
    password: decodeURIComponent(target.password),
    database: target.pathname.slice(1),
    connectionLimit,
    dateStrings: true,
  });
  const s = statements((name) => `\`${name}\``);
  app.get('/bare-db', async (request, reply) => {
    const p = pauseOf(request);
    await pool.execute(s.user, [p.query.user]);
    const connection = await pool.getConnection();
    try {
      await connection.query('begin');
      await connection.execute(s.agent, [p.query.agent_user]);
      await connection.execute(s.update, [`${p.query.value}!${p.epoch}`, p.date, p.query.agent_user]);
      const [{ insertId }] = await connection.execute(s.log, p.log);
      await connection.execute(s.url, [insertId, ...p.url]);
      await connection.query('commit');
    } finally {
      connection.release();
    }
    return send(reply, p.line);
  });
  return () => pool.end();
}
