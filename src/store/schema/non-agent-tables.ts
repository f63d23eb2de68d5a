/**
 * Tables the non-agent API reads and writes beyond the agent API's (the call
 * logs themselves are in call-tables.ts): the extended call log, DIDs, time-zone and call-time data (GMT offsets, the
 * dialable-now test), DNC and callback archives, ranks, and agentgate's own
 * lead-load checkpoints (../shared/spec/schema-non-agent.md §1–10).
 * Only the columns the subset touches are declared where VICIdial has many more.
 */
import { vicidialCallbacks } from './campaign-tables.js';
import { c, table } from './columns.js';

const yn = (d: 'Y' | 'N') => c.enum('Y', 'N').default(d);

export const vicidialLogExtended = table(
  'vicidial_log_extended',
  {
    uniqueid: c.varchar(50).primaryKey(),
    server_ip: c.varchar(15),
    call_date: c.datetime(),
    lead_id: c.int('INT(9) UNSIGNED'),
    caller_code: c.varchar(30).notNull(),
    custom_call_id: c.varchar(100),
  },
  { indexes: [{ name: 'vlecc', columns: ['caller_code'] }] },
);

export const vicidialDidLog = table(
  'vicidial_did_log',
  {
    uniqueid: c.varchar(20).notNull(),
    channel: c.varchar(100).notNull(),
    server_ip: c.varchar(15).notNull(),
    caller_id_number: c.varchar(18),
    caller_id_name: c.varchar(20),
    extension: c.varchar(100),
    call_date: c.datetime(),
    did_id: c.varchar(9).defaultNullable(''),
    did_route: c.varchar(20).defaultNullable(''),
  },
  { indexes: [{ name: 'uniqueid', columns: ['uniqueid'] }, { name: 'call_date', columns: ['call_date'] }] },
);

export const vicidialInboundDids = table('vicidial_inbound_dids', {
  did_id: c.autoId(),
  did_pattern: c.varchar(50).notNull(),
  did_description: c.varchar(50),
});

export const vicidialListAltPhones = table(
  'vicidial_list_alt_phones',
  {
    alt_phone_id: c.autoId(),
    lead_id: c.int('INT(9) UNSIGNED').notNull(),
    phone_code: c.varchar(10),
    phone_number: c.varchar(18),
    alt_phone_note: c.varchar(30),
    alt_phone_count: c.int('SMALLINT(5) UNSIGNED'),
    active: yn('Y'),
  },
  { indexes: [{ name: 'lead_id', columns: ['lead_id'] }] },
);

export const vicidialDncLog = table(
  'vicidial_dnc_log',
  {
    phone_number: c.varchar(18).notNull(),
    campaign_id: c.varchar(8).notNull(),
    action: c.enum('add', 'delete').default('add'),
    action_date: c.datetime().notNull(),
    user: c.varchar(20).defaultNullable(''),
  },
  { indexes: [{ name: 'phone_number', columns: ['phone_number'] }] },
);

/** CREATE TABLE … LIKE vicidial_callbacks, with callback_id no longer generated (schema-non-agent.md §3.3). */
export const vicidialCallbacksArchive = table(
  'vicidial_callbacks_archive',
  { ...vicidialCallbacks.columns, callback_id: c.int('INT(9) UNSIGNED').primaryKey() },
  { indexes: vicidialCallbacks.indexes ?? [] },
);

export const vicidialCampaignAgents = table(
  'vicidial_campaign_agents',
  {
    user: c.varchar(20),
    campaign_id: c.varchar(20),
    campaign_rank: c.int('TINYINT(1)').default(0),
    campaign_weight: c.int('TINYINT(1)').default(0),
    calls_today: c.int('SMALLINT(5) UNSIGNED').default(0),
    group_web_vars: c.varchar(255).default(''),
    campaign_grade: c.int('TINYINT(2) UNSIGNED').default(1),
  },
  { indexes: [{ name: 'vlca_user_campaign_id', columns: ['user', 'campaign_id'], unique: true }] },
);

export const vicidialPhoneCodes = table(
  'vicidial_phone_codes',
  {
    country_code: c.int('SMALLINT(5) UNSIGNED'),
    country: c.char(3),
    areacode: c.char(3),
    state: c.varchar(4),
    GMT_offset: c.varchar(6),
    DST: c.enum('Y', 'N'),
    DST_range: c.varchar(8),
    geographic_description: c.varchar(100),
    tz_code: c.varchar(4).defaultNullable(''),
  },
  {
    indexes: [
      { name: 'country_area_code', columns: ['country_code', 'areacode'] },
      { name: 'country_state', columns: ['country_code', 'state'] },
    ],
  },
);

export const vicidialPostalCodes = table(
  'vicidial_postal_codes',
  {
    postal_code: c.varchar(10).notNull(),
    state: c.varchar(4),
    GMT_offset: c.varchar(6),
    DST: c.enum('Y', 'N'),
    DST_range: c.varchar(8),
    country: c.char(3),
    country_code: c.int('SMALLINT(5) UNSIGNED'),
  },
  { indexes: [{ name: 'country_postal_code', columns: ['country_code', 'postal_code'] }] },
);

export const vicidialNanpaPrefixCodes = table(
  'vicidial_nanpa_prefix_codes',
  {
    areacode: c.char(3),
    prefix: c.char(3),
    GMT_offset: c.varchar(6),
    DST: c.enum('Y', 'N'),
  },
  { indexes: [{ name: 'areaprefix', columns: ['areacode', 'prefix'], unique: true }] },
);

export const vicidialCallTimes = table('vicidial_call_times', {
  call_time_id: c.varchar(10).primaryKey(),
  call_time_name: c.varchar(30).notNull(),
  ct_default_start: c.int('SMALLINT(4) UNSIGNED').notNull().default(900),
  ct_default_stop: c.int('SMALLINT(4) UNSIGNED').notNull().default(2100),
  ct_sunday_start: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  ct_sunday_stop: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  ct_monday_start: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  ct_monday_stop: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  ct_tuesday_start: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  ct_tuesday_stop: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  ct_wednesday_start: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  ct_wednesday_stop: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  ct_thursday_start: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  ct_thursday_stop: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  ct_friday_start: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  ct_friday_stop: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  ct_saturday_start: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  ct_saturday_stop: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  ct_state_call_times: c.text(),
  ct_holidays: c.text(),
});

export const vicidialStateCallTimes = table('vicidial_state_call_times', {
  state_call_time_id: c.varchar(10).primaryKey(),
  state_call_time_state: c.varchar(2).notNull(),
  sct_default_start: c.int('SMALLINT(4) UNSIGNED').notNull().default(900),
  sct_default_stop: c.int('SMALLINT(4) UNSIGNED').notNull().default(2100),
  sct_sunday_start: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  sct_sunday_stop: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  sct_monday_start: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  sct_monday_stop: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  sct_tuesday_start: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  sct_tuesday_stop: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  sct_wednesday_start: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  sct_wednesday_stop: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  sct_thursday_start: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  sct_thursday_stop: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  sct_friday_start: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  sct_friday_stop: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  sct_saturday_start: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
  sct_saturday_stop: c.int('SMALLINT(4) UNSIGNED').defaultNullable(0),
});

export const servers = table('servers', {
  server_id: c.varchar(10).primaryKey(),
  server_ip: c.varchar(15).notNull(),
  active: c.enum('Y', 'N'),
  local_gmt: c.varchar(6).defaultNullable('-5.00'),
});

export const vicidialUserLog = table(
  'vicidial_user_log',
  {
    user_log_id: c.autoId(),
    user: c.varchar(20),
    event: c.varchar(50),
    campaign_id: c.varchar(8),
    event_date: c.datetime(),
    event_epoch: c.int('INT(10) UNSIGNED'),
    user_group: c.varchar(20),
    computer_ip: c.varchar(15),
  },
  { indexes: [{ name: 'user', columns: ['user'] }] },
);

export const vicidialScripts = table('vicidial_scripts', {
  script_id: c.varchar(20).primaryKey(),
  script_name: c.varchar(50),
  script_comments: c.varchar(255),
  /** What the agent reads on a call; --A--field--B-- stands for a lead field. */
  script_text: c.text(),
  active: c.enum('Y', 'N'),
});

export const phones = table('phones', {
  extension: c.varchar(100),
  login: c.varchar(15),
});

export const phonesAlias = table('phones_alias', {
  alias_id: c.varchar(20).primaryKey(),
  alias_name: c.varchar(50),
});

export const parkedChannels = table('parked_channels', {
  channel: c.varchar(100).notNull(),
  server_ip: c.varchar(15).notNull(),
  channel_group: c.varchar(30),
  extension: c.varchar(100),
  parked_by: c.varchar(100),
  parked_time: c.datetime(),
});

/**
 * agentgate's own table: one row per `agentgate leads load`, advanced in the
 * same transaction as each batch, so an interrupted load resumes exactly
 * after its last committed line.
 */
export const agentgateLeadLoads = table('agentgate_lead_loads', {
  load_id: c.autoId(),
  file_key: c.varchar(255).notNull(),
  list_id: c.int('BIGINT(14) UNSIGNED').notNull(),
  started_at: c.datetime().notNull(),
  finished_at: c.datetime(),
  last_line: c.int('INT(10) UNSIGNED').default(0),
  bytes_done: c.int('BIGINT(20) UNSIGNED').default(0),
  inserted: c.int('INT(10) UNSIGNED').default(0),
  duplicates: c.int('INT(10) UNSIGNED').default(0),
  invalid: c.int('INT(10) UNSIGNED').default(0),
});
