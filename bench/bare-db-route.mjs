/**
 * The ceiling a database sets on a function: a Fastify route that runs the
 * statements agentgate runs for it, straight through the driver's prepared
 * statements, and nothing else — no parameter filters, no password check, no
 * gates, no events, no Kysely — answering the same line. Whatever agentgate
 * does, it runs these statements with this durability, so the route's
 * throughput is the most that design reaches on this machine and database;
 * agentgate's figure against it is what agentgate itself costs.
 *
 * - GET /bare-db: external_pause of a paused agent — the API user's row, then
 *   in one transaction the agent's row (FOR UPDATE on MariaDB), its update and
 *   the two audit rows.
 * - GET /bare-db/add_lead (SQLite): add_lead with DUPLIST — the API user's
 *   row, then in one transaction its login update, the time-zone lookups, the
 *   duplicate check, the lead and the two audit rows.
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
const ZONE_COLUMNS = ['GMT_offset', 'DST', 'DST_range'];
const DUPLICATE_COLUMNS = ['lead_id', 'list_id', 'phone_number', 'alt_phone', 'title', 'first_name', 'last_name'];
const LEAD_COLUMNS = ['entry_date', 'modify_date', 'status', 'user', 'list_id', 'gmt_offset_now', 'phone_code', 'phone_number', 'last_local_call_time', 'first_name'];

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
    login: `update ${q('vicidial_users')} set ${q('last_login_date')} = ?, ${q('last_ip')} = ?, ${q('failed_login_count')} = ? where ${q('user')} = ?`,
    zoneByAreacode: `select ${list(ZONE_COLUMNS)} from ${q('vicidial_phone_codes')} where ${q('country_code')} = ? and ${q('areacode')} = ? limit 1`,
    zoneByCountry: `select ${list(ZONE_COLUMNS)} from ${q('vicidial_phone_codes')} where ${q('country_code')} = ? limit 1`,
    duplicates: `select ${list(DUPLICATE_COLUMNS)} from ${q('vicidial_list')} where ${q('phone_number')} in (?) and ${q('list_id')} in (?)`,
    lead: `insert into ${q('vicidial_list')} (${list(LEAD_COLUMNS)}) values (${marks(LEAD_COLUMNS)})`,
  };
}

const sqlDateTime = (d) => d.toISOString().slice(0, 19).replace('T', ' ');
/** What a request shares with the audit rows: its time, and the URL it came by (without the password). */
function requestOf(request) {
  const now = new Date();
  const date = sqlDateTime(now);
  return { query: request.query, date, epoch: Math.floor(now.getTime() / 1000), url: [date, request.ip, request.url.replace(/pass=[^&]*/, 'pass=XXXX')] };
}
const logRow = (r, fn, value, data) => [r.query.user, r.date, 'api.php', fn, r.query.agent_user ?? '', value, 'SUCCESS', '', r.query.source, data, '0.001000', 1, 1];

const send = (reply, line) => reply.header('Content-Type', 'text/html; charset=utf-8').send(line);

/** GET /bare-db and /bare-db/add_lead on the SQLite file agentgate uses (a connection of its own, agentgate's pragmas). */
export function bareSqliteRoute(app, file) {
  const Database = require('better-sqlite3');
  const db = new Database(file);
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -4000');
  const s = Object.fromEntries(Object.entries(statements((name) => `"${name}"`)).map(([k, v]) => [k, db.prepare(v)]));
  const begin = db.prepare('begin immediate');
  const commit = db.prepare('commit');
  /** Each waiting request: its statements in the transaction, then its answer. */
  let waiting = [];
  const drain = () => {
    const batch = waiting;
    waiting = [];
    begin.run();
    const lines = batch.map((unit) => unit.work());
    commit.run();
    batch.forEach((unit, i) => unit.done(lines[i]));
  };
  /** The API user's row now, the rest in the next shared transaction; answers the line `work` returns. */
  const route = (path, work) =>
    app.get(path, (request, reply) => {
      const r = requestOf(request);
      s.user.get(r.query.user);
      return new Promise((resolve) => {
        if (waiting.push({ work: () => work(r), done: (line) => resolve(send(reply, line)) }) === 1) setImmediate(drain);
      });
    });

  route('/bare-db', (r) => {
    const { agent_user: agent, value } = r.query;
    s.agent.get(agent);
    s.update.run(`${value}!${r.epoch}`, r.date, agent);
    s.url.run(s.log.run(...logRow(r, 'external_pause', value, String(r.epoch))).lastInsertRowid, ...r.url);
    return `SUCCESS: external_pause function set - ${value}|${r.epoch}|${agent}\n`;
  });
  route('/bare-db/add_lead', (r) => {
    const { user, list_id: list, phone_number: phone, first_name: firstName } = r.query;
    s.login.run(r.date, '127.0.0.1', 0, user);
    // Both, as agentgate reads them: the area code's zone, and the country's for the lead's phone code.
    const byAreacode = s.zoneByAreacode.get('1', phone.slice(0, 3));
    const byCountry = s.zoneByCountry.get('1');
    s.duplicates.all(phone, list);
    const gmt = (byAreacode ?? byCountry)?.GMT_offset ?? 0;
    const { lastInsertRowid: leadId } = s.lead.run(r.date, r.date, 'NEW', user, list, gmt, '1', phone, '2008-01-01 00:00:00', firstName);
    s.url.run(s.log.run(...logRow(r, 'add_lead', phone, String(leadId))).lastInsertRowid, ...r.url);
    return `SUCCESS: add_lead LEAD HAS BEEN ADDED - ${phone}|${list}|${leadId}|${gmt}|${user}\n`;
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
    const r = requestOf(request);
    const { agent_user: agent, value } = r.query;
    await pool.execute(s.user, [r.query.user]);
    const connection = await pool.getConnection();
    try {
      await connection.query('begin');
      // Locked until the commit, as agentgate reads the session inside a transaction on MySQL.
      await connection.execute(`${s.agent} for update`, [agent]);
      await connection.execute(s.update, [`${value}!${r.epoch}`, r.date, agent]);
      const [{ insertId }] = await connection.execute(s.log, logRow(r, 'external_pause', value, String(r.epoch)));
      await connection.execute(s.url, [insertId, ...r.url]);
      await connection.query('commit');
    } finally {
      connection.release();
    }
    return send(reply, `SUCCESS: external_pause function set - ${value}|${r.epoch}|${agent}\n`);
  });
  return () => pool.end();
}
