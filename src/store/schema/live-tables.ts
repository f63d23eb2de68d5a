/**
 * Live state of agents and calls, the command tables the agent API writes, and
 * the API audit tables (../shared/spec/schema-agent.md §4, §11–15).
 */
import { c, table } from './columns.js';

export const vicidialLiveAgents = table(
  'vicidial_live_agents',
  {
    live_agent_id: c.autoId(),
    user: c.varchar(20),
    server_ip: c.varchar(15).notNull(),
    conf_exten: c.varchar(20),
    extension: c.varchar(100),
    status: c.enum('READY', 'QUEUE', 'INCALL', 'PAUSED', 'CLOSER', 'MQUEUE').default('PAUSED'),
    lead_id: c.int('INT(9) UNSIGNED').notNull(),
    campaign_id: c.varchar(8),
    uniqueid: c.varchar(20),
    callerid: c.varchar(20),
    channel: c.varchar(100),
    random_id: c.int('INT(8) UNSIGNED'),
    last_call_time: c.datetime(),
    last_update_time: c.timestamp(),
    last_call_finish: c.datetime(),
    closer_campaigns: c.text(),
    call_server_ip: c.varchar(15),
    user_level: c.int('TINYINT(3) UNSIGNED').default(0),
    comments: c.varchar(20),
    campaign_weight: c.int('TINYINT(1)').default(0),
    calls_today: c.int('SMALLINT(5) UNSIGNED').default(0),
    external_hangup: c.varchar(1).default(''),
    external_status: c.varchar(255).default(''),
    external_pause: c.varchar(20).default(''),
    external_dial: c.varchar(100).default(''),
    external_ingroups: c.text(),
    external_blended: c.enum('0', '1').default('0'),
    external_igb_set_user: c.varchar(20).default(''),
    external_update_fields: c.enum('0', '1').default('0'),
    external_update_fields_data: c.varchar(255).default(''),
    external_timer_action: c.varchar(20).default(''),
    external_timer_action_message: c.varchar(255).default(''),
    external_timer_action_seconds: c.int('MEDIUMINT(7)').default(-1),
    agent_log_id: c.int('INT(9) UNSIGNED').default(0),
    last_state_change: c.datetime(),
    agent_territories: c.text(),
    outbound_autodial: c.enum('Y', 'N').default('N'),
    manager_ingroup_set: c.enum('Y', 'N', 'SET').default('N'),
    ra_user: c.varchar(20).default(''),
    ra_extension: c.varchar(100).default(''),
    external_dtmf: c.varchar(100).default(''),
    external_transferconf: c.varchar(120).default(''),
    external_park: c.varchar(40).default(''),
    external_timer_action_destination: c.varchar(100).default(''),
    on_hook_agent: c.enum('Y', 'N').default('N'),
    on_hook_ring_time: c.int('SMALLINT(5)').default(15),
    ring_callerid: c.varchar(20).default(''),
    last_inbound_call_time: c.datetime(),
    last_inbound_call_finish: c.datetime(),
    campaign_grade: c.int('TINYINT(2) UNSIGNED').default(1),
    external_recording: c.varchar(20).default(''),
    external_pause_code: c.varchar(6).default(''),
    pause_code: c.varchar(6).default(''),
    preview_lead_id: c.int('INT(9) UNSIGNED').default(0),
    external_lead_id: c.int('INT(9) UNSIGNED').default(0),
    last_inbound_call_time_filtered: c.datetime(),
    last_inbound_call_finish_filtered: c.datetime(),
    dial_campaign_id: c.varchar(8).default(''),
  },
  {
    indexes: [
      { name: 'vlaus', columns: ['user'] },
      { name: 'vlali', columns: ['lead_id'] },
      { name: 'random_id', columns: ['random_id'] },
    ],
  },
);

export const vicidialAutoCalls = table(
  'vicidial_auto_calls',
  {
    auto_call_id: c.autoId(),
    server_ip: c.varchar(15).notNull(),
    campaign_id: c.varchar(20),
    status: c
      .enum('SENT', 'RINGING', 'LIVE', 'XFER', 'PAUSED', 'CLOSER', 'BUSY', 'DISCONNECT', 'IVR')
      .default('PAUSED'),
    lead_id: c.int('INT(9) UNSIGNED').notNull(),
    uniqueid: c.varchar(20),
    callerid: c.varchar(20),
    channel: c.varchar(100),
    phone_code: c.varchar(10),
    phone_number: c.varchar(18),
    call_time: c.datetime(),
    call_type: c.enum('IN', 'OUT', 'OUTBALANCE').default('OUT'),
    stage: c.varchar(20).default('START'),
    last_update_time: c.timestamp(),
    alt_dial: c.varchar(6).default('NONE'),
    queue_priority: c.int('TINYINT(2)').default(0),
    agent_only: c.varchar(20).default(''),
    agent_grab: c.varchar(20).default(''),
    queue_position: c.int('SMALLINT(4) UNSIGNED').default(1),
    extension: c.varchar(100).default(''),
    agent_grab_extension: c.varchar(100).default(''),
  },
  {
    indexes: [
      { name: 'uniqueid', columns: ['uniqueid'] },
      { name: 'callerid', columns: ['callerid'] },
    ],
  },
);

/**
 * The channels Asterisk has up, as VICIdial's updater (AST_update.pl) lists them: read by
 * audio_playback (a playback is an `IAX2/ASTplay…` channel on the conference) and tw_check
 * (a 3-way call is a `DC…W` channel group on it). Nothing of agentgate's fills them: on its own
 * database they stay empty (the simulator keeps its calls in memory).
 */
const channelColumns = () => ({
  channel: c.varchar(100).notNull(),
  server_ip: c.varchar(15).notNull(),
  channel_group: c.varchar(30),
  extension: c.varchar(100),
  channel_data: c.varchar(100),
});
export const liveChannels = table('live_channels', channelColumns());
export const liveSipChannels = table('live_sip_channels', channelColumns());

export const vicidialManualDialQueue = table(
  'vicidial_manual_dial_queue',
  {
    mdq_id: c.autoId(),
    user: c.varchar(20),
    phone_number: c.varchar(100).default(''),
    entry_time: c.datetime(),
    status: c.enum('READY', 'QUEUE').default('READY'),
    external_dial: c.varchar(100).default(''),
  },
  { indexes: [{ name: 'user', columns: ['user'] }] },
);

export const vicidialLiveInboundAgents = table(
  'vicidial_live_inbound_agents',
  {
    user: c.varchar(20),
    group_id: c.varchar(20),
    group_weight: c.int('TINYINT(1)').default(0),
    calls_today: c.int('SMALLINT(5) UNSIGNED').default(0),
    last_call_time: c.datetime(),
    last_call_finish: c.datetime(),
    group_grade: c.int('TINYINT(2) UNSIGNED').default(1),
    calls_today_filtered: c.int('SMALLINT(5) UNSIGNED').default(0),
    last_call_time_filtered: c.datetime(),
    last_call_finish_filtered: c.datetime(),
    daily_limit: c.int('SMALLINT(5)').default(-1),
  },
  {
    indexes: [
      { name: 'vlia_user_group_id', columns: ['user', 'group_id'], unique: true },
      { name: 'group_id', columns: ['group_id'] },
    ],
  },
);

export const vicidialInboundGroupAgents = table(
  'vicidial_inbound_group_agents',
  {
    user: c.varchar(20),
    group_id: c.varchar(20),
    group_rank: c.int('TINYINT(1)').default(0),
    group_weight: c.int('TINYINT(1)').default(0),
    calls_today: c.int('SMALLINT(5) UNSIGNED').default(0),
    group_web_vars: c.varchar(255).default(''),
    group_grade: c.int('TINYINT(2) UNSIGNED').default(1),
    group_type: c.varchar(1).default('C'),
    calls_today_filtered: c.int('SMALLINT(5) UNSIGNED').default(0),
    daily_limit: c.int('SMALLINT(5)').default(-1),
  },
  { indexes: [{ name: 'viga_user_group_id', columns: ['user', 'group_id'], unique: true }] },
);

export const vicidialUserCloserLog = table(
  'vicidial_user_closer_log',
  {
    user: c.varchar(20),
    campaign_id: c.varchar(20),
    event_date: c.datetime(),
    blended: c.enum('1', '0').default('0'),
    closer_campaigns: c.text(),
    manager_change: c.varchar(20).default(''),
  },
  { indexes: [{ name: 'user', columns: ['user'] }] },
);

export const vicidialLeadMessages = table(
  'vicidial_lead_messages',
  {
    lead_id: c.int('INT(9) UNSIGNED').notNull(),
    call_date: c.datetime(),
    user: c.varchar(20),
    played: c.int('TINYINT(3)').default(0),
    message_entry: c.text('MEDIUMTEXT'),
  },
  { indexes: [{ name: 'lead_id', columns: ['lead_id'] }] },
);

export const vicidialAgentNotifications = table(
  'vicidial_agent_notifications',
  {
    notification_id: c.autoId('INT(10) UNSIGNED'),
    entry_date: c.datetime().defaultNow(),
    recipient: c.varchar(20),
    recipient_type: c.enum('USER', 'USER_GROUP', 'CAMPAIGN', 'ALT_DISPLAY'),
    notification_date: c.datetime().defaultNow(),
    notification_retry: c.enum('Y', 'N').default('N'),
    notification_text: c.text(),
    text_size: c.int('TINYINT(3) UNSIGNED').default(12),
    text_font: c.varchar(30).default('Arial'),
    text_weight: c.varchar(30).default('bold'),
    text_color: c.varchar(15),
    show_confetti: c.enum('Y', 'N').default('N'),
    confetti_options: c.varchar(15),
    notification_status: c.enum('QUEUED', 'READY', 'SENT', 'DEAD'),
  },
  { indexes: [{ name: 'recipient', columns: ['recipient'] }] },
);

export const recordingLog = table(
  'recording_log',
  {
    recording_id: c.autoId('INT(10) UNSIGNED'),
    channel: c.varchar(100),
    server_ip: c.varchar(15),
    extension: c.varchar(100),
    start_time: c.datetime(),
    start_epoch: c.int('INT(10) UNSIGNED'),
    end_time: c.datetime(),
    end_epoch: c.int('INT(10) UNSIGNED'),
    length_in_sec: c.int('MEDIUMINT(8) UNSIGNED'),
    length_in_min: c.decimal('DOUBLE(8,2)'),
    filename: c.varchar(100),
    location: c.varchar(255),
    lead_id: c.int('INT(9) UNSIGNED'),
    user: c.varchar(20),
    vicidial_id: c.varchar(20),
  },
  { indexes: [{ name: 'lead_id', columns: ['lead_id'] }, { name: 'user', columns: ['user'] }] },
);

export const vicidialAdminLog = table(
  'vicidial_admin_log',
  {
    admin_log_id: c.autoId(),
    event_date: c.datetime().notNull(),
    user: c.varchar(20).notNull(),
    ip_address: c.varchar(15).notNull(),
    event_section: c.varchar(30).notNull(),
    event_type: c
      .enum(
        'ADD',
        'COPY',
        'LOAD',
        'RESET',
        'MODIFY',
        'DELETE',
        'SEARCH',
        'LOGIN',
        'LOGOUT',
        'CLEAR',
        'OVERRIDE',
        'EXPORT',
        'OTHER',
      )
      .default('OTHER'),
    record_id: c.varchar(50).notNull(),
    event_code: c.varchar(255).notNull(),
    event_sql: c.text('MEDIUMTEXT'),
    event_notes: c.text('MEDIUMTEXT'),
    user_group: c.varchar(20).defaultNullable('---ALL---'),
  },
  {
    indexes: [
      { name: 'user', columns: ['user'] },
      { name: 'event_section', columns: ['event_section'] },
      { name: 'record_id', columns: ['record_id'] },
    ],
  },
);

export const vicidialApiLog = table(
  'vicidial_api_log',
  {
    api_id: c.autoId(),
    user: c.varchar(20).notNull(),
    api_date: c.datetime(),
    api_script: c.varchar(10),
    function: c.varchar(20).notNull(),
    agent_user: c.varchar(20),
    value: c.varchar(255),
    result: c.varchar(10),
    result_reason: c.varchar(255),
    source: c.varchar(20),
    data: c.text(),
    run_time: c.varchar(20).defaultNullable('0'),
    webserver: c.int('SMALLINT(5) UNSIGNED').defaultNullable(0),
    api_url: c.int('INT(9) UNSIGNED').defaultNullable(0),
  },
  {
    indexes: [
      { name: 'api_date', columns: ['api_date'] },
      { name: 'api_user', columns: ['user'] },
    ],
  },
);

export const vicidialApiUrls = table('vicidial_api_urls', {
  api_id: c.int('INT(9) UNSIGNED').primaryKey(),
  api_date: c.datetime(),
  remote_ip: c.varchar(50),
  url: c.text('MEDIUMTEXT'),
});

export const vicidialWebservers = table(
  'vicidial_webservers',
  {
    webserver_id: c.autoId('SMALLINT(5) UNSIGNED'),
    webserver: c.varchar(125).defaultNullable(''),
    hostname: c.varchar(125).defaultNullable(''),
  },
  { indexes: [{ name: 'vdweb', columns: ['webserver', 'hostname'], unique: true }] },
);

export const vicidialUrls = table(
  'vicidial_urls',
  {
    url_id: c.autoId(),
    url: c.varchar(250).defaultNullable(''),
  },
  { indexes: [{ name: 'url', columns: ['url'], unique: true }] },
);
