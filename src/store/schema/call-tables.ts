/**
 * Call history and telephony tables: the call logs reports read
 * (schema-non-agent.md §4.1, §4.2, §4.4), the Asterisk manager command queue
 * and the session data the agent API reads (schema-agent.md §12, §15), and
 * agentgate's own call-simulator settings.
 */
import { c, table } from './columns.js';

/** The columns both call logs declare alike. */
const callColumns = {
  lead_id: c.int('INT(9) UNSIGNED').notNull(),
  list_id: c.int('BIGINT(14) UNSIGNED'),
  call_date: c.datetime(),
  start_epoch: c.int('INT(10) UNSIGNED'),
  end_epoch: c.int('INT(10) UNSIGNED'),
  length_in_sec: c.int('INT(10)'),
  status: c.varchar(6),
  phone_code: c.varchar(10),
  phone_number: c.varchar(18),
  user: c.varchar(20),
  comments: c.varchar(255),
  processed: c.enum('Y', 'N'),
  user_group: c.varchar(20),
};

export const vicidialLog = table(
  'vicidial_log',
  {
    uniqueid: c.varchar(20).primaryKey(),
    ...callColumns,
    campaign_id: c.varchar(8),
    term_reason: c.enum('CALLER', 'AGENT', 'QUEUETIMEOUT', 'ABANDON', 'AFTERHOURS', 'NONE', 'SYSTEM').default('NONE'),
    alt_dial: c.varchar(6).default('NONE'),
    called_count: c.int('SMALLINT(5) UNSIGNED').default(0),
  },
  {
    indexes: [
      { name: 'lead_id', columns: ['lead_id'] },
      { name: 'call_date', columns: ['call_date'] },
    ],
  },
);

export const vicidialCloserLog = table(
  'vicidial_closer_log',
  {
    closecallid: c.autoId(),
    ...callColumns,
    campaign_id: c.varchar(20),
    queue_seconds: c.decimal('DECIMAL(7,2)').default(0),
    xfercallid: c.int('INT(9) UNSIGNED'),
    term_reason: c
      .enum(
        'CALLER',
        'AGENT',
        'QUEUETIMEOUT',
        'ABANDON',
        'AFTERHOURS',
        'HOLDRECALLXFER',
        'HOLDTIME',
        'NOAGENT',
        'NONE',
        'MAXCALLS',
        'ACFILTER',
        'CLOSETIME',
      )
      .default('NONE'),
    uniqueid: c.varchar(20).notNull().default(''),
    agent_only: c.varchar(20).defaultNullable(''),
    queue_position: c.int('SMALLINT(4) UNSIGNED').defaultNullable(1),
    called_count: c.int('SMALLINT(5) UNSIGNED').default(0),
  },
  {
    indexes: [
      { name: 'lead_id', columns: ['lead_id'] },
      { name: 'call_date', columns: ['call_date'] },
      { name: 'campaign_id', columns: ['campaign_id'] },
      { name: 'uniqueid', columns: ['uniqueid'] },
      { name: 'date_user', columns: ['call_date', 'user'] },
    ],
  },
);

export const vicidialAgentLog = table(
  'vicidial_agent_log',
  {
    agent_log_id: c.autoId(),
    user: c.varchar(20),
    server_ip: c.varchar(15).notNull(),
    event_time: c.datetime(),
    lead_id: c.int('INT(9) UNSIGNED'),
    campaign_id: c.varchar(8),
    pause_epoch: c.int('INT(10) UNSIGNED'),
    pause_sec: c.int('SMALLINT(5) UNSIGNED').default(0),
    wait_epoch: c.int('INT(10) UNSIGNED'),
    wait_sec: c.int('SMALLINT(5) UNSIGNED').default(0),
    talk_epoch: c.int('INT(10) UNSIGNED'),
    talk_sec: c.int('SMALLINT(5) UNSIGNED').default(0),
    dispo_epoch: c.int('INT(10) UNSIGNED'),
    dispo_sec: c.int('SMALLINT(5) UNSIGNED').default(0),
    status: c.varchar(6),
    user_group: c.varchar(20),
    comments: c.varchar(20),
    sub_status: c.varchar(6),
    dead_epoch: c.int('INT(10) UNSIGNED'),
    dead_sec: c.int('SMALLINT(5) UNSIGNED').default(0),
    processed: c.enum('Y', 'N').default('N'),
    uniqueid: c.varchar(20).defaultNullable(''),
    pause_type: c.enum('UNDEFINED', 'SYSTEM', 'AGENT', 'API', 'ADMIN').defaultNullable('UNDEFINED'),
  },
  {
    indexes: [
      { name: 'lead_id', columns: ['lead_id'] },
      { name: 'user', columns: ['user'] },
      { name: 'event_time', columns: ['event_time'] },
      { name: 'time_user', columns: ['event_time', 'user'] },
    ],
  },
);

export const vicidialManager = table(
  'vicidial_manager',
  {
    man_id: c.autoId(),
    uniqueid: c.varchar(20),
    entry_date: c.datetime(),
    status: c.enum('NEW', 'QUEUE', 'SENT', 'UPDATED', 'DEAD'),
    response: c.enum('Y', 'N'),
    server_ip: c.varchar(15).notNull(),
    channel: c.varchar(100),
    action: c.varchar(20),
    callerid: c.varchar(20),
    cmd_line_b: c.varchar(100),
    cmd_line_c: c.varchar(100),
    cmd_line_d: c.varchar(200),
    cmd_line_e: c.varchar(100),
    cmd_line_f: c.varchar(100),
    cmd_line_g: c.varchar(100),
    cmd_line_h: c.varchar(100),
    cmd_line_i: c.varchar(50),
    cmd_line_j: c.varchar(50),
    cmd_line_k: c.varchar(100),
  },
  { indexes: [{ name: 'callerid', columns: ['callerid'] }] },
);

export const vicidialSessionData = table(
  'vicidial_session_data',
  {
    session_name: c.varchar(40).notNull(),
    user: c.varchar(20),
    campaign_id: c.varchar(8),
    server_ip: c.varchar(15).notNull(),
    conf_exten: c.varchar(20),
    extension: c.varchar(100).notNull(),
    login_time: c.datetime().notNull(),
    webphone_url: c.text(),
    agent_login_call: c.text(),
  },
  {
    indexes: [
      { name: 'session_name', columns: ['session_name'], unique: true },
      { name: 'user', columns: ['user'] },
    ],
  },
);

export const vicidial3wayPressMulti = table('vicidial_3way_press_multi', {
  user: c.varchar(20).primaryKey(),
  call_date: c.datetime(),
  phone_numbers: c.varchar(255).default(''),
  phone_numbers_ct: c.int('TINYINT(3)').default(0),
  status: c.varchar(40).default(''),
});

/** agentgate's own table: how the call simulator behaves for one campaign or in-group. */
export const agentgateSimulator = table('agentgate_simulator', {
  target_id: c.varchar(20).primaryKey(),
  target_type: c.enum('CAMPAIGN', 'INGROUP').default('CAMPAIGN'),
  active: c.enum('Y', 'N').default('Y'),
  answer_percent: c.int('TINYINT(3) UNSIGNED').default(70),
  busy_percent: c.int('TINYINT(3) UNSIGNED').default(10),
  ring_min_sec: c.int('SMALLINT(5) UNSIGNED').default(2),
  ring_max_sec: c.int('SMALLINT(5) UNSIGNED').default(8),
  talk_min_sec: c.int('SMALLINT(5) UNSIGNED').default(20),
  talk_max_sec: c.int('SMALLINT(5) UNSIGNED').default(90),
  calls_per_minute: c.decimal('DECIMAL(6,2)').default(0),
  queue_timeout_sec: c.int('SMALLINT(5) UNSIGNED').default(60),
});
