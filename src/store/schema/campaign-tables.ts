/**
 * Campaigns, lists, leads, statuses, pause codes, in-groups, DNC and callbacks
 * (../shared/spec/schema-agent.md §5–10, schema-non-agent.md §1–3, §7).
 */
import { c, table } from './columns.js';

const yn = (d: 'Y' | 'N') => c.enum('Y', 'N').default(d);

export const vicidialCampaigns = table('vicidial_campaigns', {
  campaign_id: c.varchar(8).primaryKey(),
  campaign_name: c.varchar(40),
  active: c.enum('Y', 'N'),
  dial_status_a: c.varchar(6),
  lead_order: c.varchar(30),
  auto_dial_level: c.varchar(6).default('0'),
  local_call_time: c.varchar(10).default('9am-9pm'),
  dial_timeout: c.int('TINYINT(3) UNSIGNED').default(60),
  dial_prefix: c.varchar(20).default('9'),
  campaign_cid: c.varchar(20).default('0000000000'),
  campaign_script: c.varchar(20),
  am_message_exten: c.varchar(100).default('vm-goodbye'),
  alt_number_dialing: c
    .enum(
      'N',
      'Y',
      'SELECTED',
      'SELECTED_TIMER_ALT',
      'SELECTED_TIMER_ADDR3',
      'UNSELECTED',
      'UNSELECTED_TIMER_ALT',
      'UNSELECTED_TIMER_ADDR3',
    )
    .default('N'),
  scheduled_callbacks: yn('N'),
  lead_filter_id: c.varchar(20).default('NONE'),
  closer_campaigns: c.text(),
  dial_method: c
    .enum(
      'MANUAL',
      'RATIO',
      'ADAPT_HARD_LIMIT',
      'ADAPT_TAPERED',
      'ADAPT_AVERAGE',
      'INBOUND_MAN',
      'SHARED_RATIO',
      'SHARED_ADAPT_HARD_LIMIT',
      'SHARED_ADAPT_TAPERED',
      'SHARED_ADAPT_AVERAGE',
    )
    .default('MANUAL'),
  dial_statuses: c.varchar(255).default(' NEW -'),
  campaign_allow_inbound: yn('N'),
  manual_dial_list_id: c.int('BIGINT(14) UNSIGNED').default(998),
  default_xfer_group: c.varchar(20).default('---NONE---'),
  three_way_dial_prefix: c.varchar(20).default(''),
  drop_lockout_time: c.varchar(6).default('0'),
  manual_dial_prefix: c.varchar(20).default(''),
  manual_preview_dial: c
    .enum('DISABLED', 'PREVIEW_AND_SKIP', 'PREVIEW_ONLY')
    .default('PREVIEW_AND_SKIP'),
  api_manual_dial: c.enum('STANDARD', 'QUEUE', 'QUEUE_AND_AUTOCALL').default('STANDARD'),
  agent_lead_search: c
    .enum('ENABLED', 'LIVE_CALL_INBOUND', 'LIVE_CALL_INBOUND_AND_MANUAL', 'DISABLED')
    .default('DISABLED'),
  call_count_limit: c.int('SMALLINT(5) UNSIGNED').default(0),
  user_group: c.varchar(20).default('---ALL---'),
  use_other_campaign_dnc: c.varchar(8).default(''),
  calls_inqueue_count_one: c.varchar(40).default('DISABLED'),
  calls_inqueue_count_two: c.varchar(40).default('DISABLED'),
  agent_hangup_route: c
    .enum('HANGUP', 'MESSAGE', 'EXTENSION', 'IN_GROUP', 'CALLMENU')
    .default('HANGUP'),
  agent_hangup_value: c.text(),
});

export const vicidialLists = table('vicidial_lists', {
  list_id: c.int('BIGINT(14) UNSIGNED').primaryKey(),
  list_name: c.varchar(30),
  campaign_id: c.varchar(8),
  active: c.enum('Y', 'N'),
  list_description: c.varchar(255),
  list_changedate: c.datetime(),
  list_lastcalldate: c.datetime(),
  reset_time: c.varchar(100).default(''),
  agent_script_override: c.varchar(20).default(''),
  campaign_cid_override: c.varchar(20).default(''),
  am_message_exten_override: c.varchar(100).default(''),
  drop_inbound_group_override: c.varchar(20).default(''),
  xferconf_a_number: c.varchar(50).default(''),
  xferconf_b_number: c.varchar(50).default(''),
  xferconf_c_number: c.varchar(50).default(''),
  xferconf_d_number: c.varchar(50).default(''),
  xferconf_e_number: c.varchar(50).default(''),
  web_form_address: c.text(),
  web_form_address_two: c.text(),
  time_zone_setting: c
    .enum('COUNTRY_AND_AREA_CODE', 'POSTAL_CODE', 'NANPA_PREFIX', 'OWNER_TIME_ZONE_CODE')
    .default('COUNTRY_AND_AREA_CODE'),
  inventory_report: yn('Y'),
  expiration_date: c.date().default('2099-12-31'),
  na_call_url: c.text(),
  local_call_time: c.varchar(10).notNull().default('campaign'),
  web_form_address_three: c.text(),
  status_group_id: c.varchar(20).default(''),
  user_new_lead_limit: c.int('SMALLINT(5)').default(-1),
  inbound_list_script_override: c.varchar(20),
  default_xfer_group: c.varchar(20).default('---NONE---'),
  daily_reset_limit: c.int('SMALLINT(5)').default(-1),
  resets_today: c.int('SMALLINT(5) UNSIGNED').default(0),
  auto_active_list_rank: c.int('SMALLINT(5)').default(0),
  cache_count: c.int('INT(9) UNSIGNED').default(0),
  cache_count_new: c.int('INT(9) UNSIGNED').default(0),
  cache_count_dialable_new: c.int('INT(9) UNSIGNED').default(0),
  cache_date: c.datetime(),
  inbound_drop_voicemail: c.varchar(20),
  inbound_after_hours_voicemail: c.varchar(20),
  qc_scorecard_id: c.varchar(20).default(''),
  qc_statuses_id: c.varchar(20).default(''),
  qc_web_form_address: c.varchar(255).default(''),
  auto_alt_threshold: c.int('TINYINT(3)').default(-1),
  cid_group_id: c.varchar(20).default('---DISABLED---'),
  dial_prefix: c.varchar(20).default(''),
  weekday_resets_container: c.varchar(40).default('DISABLED'),
});

export const vicidialList = table(
  'vicidial_list',
  {
    lead_id: c.autoId(),
    entry_date: c.datetime(),
    modify_date: c.timestamp(),
    status: c.varchar(6),
    user: c.varchar(20),
    vendor_lead_code: c.varchar(20),
    source_id: c.varchar(50),
    list_id: c.int('BIGINT(14) UNSIGNED').notNull().default(0),
    gmt_offset_now: c.decimal('DECIMAL(4,2)').default(0),
    called_since_last_reset: c
      .enum('Y', 'N', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7', 'Y8', 'Y9', 'Y10', 'D')
      .default('N'),
    phone_code: c.varchar(10),
    phone_number: c.varchar(18).notNull(),
    title: c.varchar(4),
    first_name: c.varchar(30),
    middle_initial: c.varchar(1),
    last_name: c.varchar(30),
    address1: c.varchar(100),
    address2: c.varchar(100),
    address3: c.varchar(100),
    city: c.varchar(50),
    state: c.varchar(2),
    province: c.varchar(50),
    postal_code: c.varchar(10),
    country_code: c.varchar(3),
    gender: c.enum('M', 'F', 'U').defaultNullable('U'),
    date_of_birth: c.date(),
    alt_phone: c.varchar(12),
    email: c.varchar(70),
    security_phrase: c.varchar(100),
    comments: c.varchar(255),
    called_count: c.int('SMALLINT(5) UNSIGNED').default(0),
    last_local_call_time: c.datetime(),
    rank: c.int('SMALLINT(5)').notNull().default(0),
    owner: c.varchar(20).defaultNullable(''),
    entry_list_id: c.int('BIGINT(14) UNSIGNED').notNull().default(0),
  },
  {
    indexes: [
      // phone_number and list_id alone are served by phone_list and list_status (their leading
      // columns); leaving the single-column copies out makes bulk loads half again as fast.
      { name: 'status', columns: ['status'] },
      { name: 'vendor_lead_code', columns: ['vendor_lead_code'] },
      { name: 'phone_list', columns: ['phone_number', 'list_id'] },
      { name: 'list_status', columns: ['list_id', 'status'] },
    ],
  },
);

const statusColumns = {
  status: c.varchar(6).notNull(),
  status_name: c.varchar(30),
  selectable: c.enum('Y', 'N').defaultNullable('N'),
  human_answered: yn('N'),
  category: c.varchar(20).defaultNullable('UNDEFINED'),
  sale: yn('N'),
  dnc: yn('N'),
  customer_contact: yn('N'),
  not_interested: yn('N'),
  unworkable: yn('N'),
  scheduled_callback: yn('N'),
  completed: yn('N'),
  min_sec: c.int('INT(5) UNSIGNED').default(0),
  max_sec: c.int('INT(5) UNSIGNED').default(0),
  answering_machine: yn('N'),
};

export const vicidialStatuses = table('vicidial_statuses', {
  ...statusColumns,
  status: c.varchar(6).primaryKey(),
});

export const vicidialCampaignStatuses = table(
  'vicidial_campaign_statuses',
  { ...statusColumns, campaign_id: c.varchar(20) },
  {
    indexes: [
      { name: 'vicidial_campaign_statuses_key', columns: ['status', 'campaign_id'], unique: true },
      { name: 'campaign_id', columns: ['campaign_id'] },
    ],
  },
);

export const vicidialPauseCodes = table(
  'vicidial_pause_codes',
  {
    pause_code: c.varchar(6).notNull(),
    pause_code_name: c.varchar(30),
    billable: c.enum('NO', 'YES', 'HALF').default('NO'),
    campaign_id: c.varchar(8),
    time_limit: c.int('SMALLINT(5) UNSIGNED').default(65000),
    require_mgr_approval: c.enum('NO', 'YES').default('NO'),
  },
  { indexes: [{ name: 'pause_code_campaign', columns: ['pause_code', 'campaign_id'], unique: true }] },
);

export const vicidialInboundGroups = table('vicidial_inbound_groups', {
  group_id: c.varchar(20).primaryKey(),
  group_name: c.varchar(30),
  group_color: c.varchar(20),
  active: c.enum('Y', 'N'),
  default_xfer_group: c.varchar(20).default('---NONE---'),
  user_group: c.varchar(20).default('---ALL---'),
});

export const vicidialDnc = table('vicidial_dnc', {
  phone_number: c.varchar(18).primaryKey(),
});

export const vicidialCampaignDnc = table(
  'vicidial_campaign_dnc',
  {
    phone_number: c.varchar(18).notNull(),
    campaign_id: c.varchar(8).notNull(),
  },
  { indexes: [{ name: 'phonecamp', columns: ['phone_number', 'campaign_id'], unique: true }] },
);

export const vicidialCallbacks = table(
  'vicidial_callbacks',
  {
    callback_id: c.autoId(),
    lead_id: c.int('INT(9) UNSIGNED'),
    list_id: c.int('BIGINT(14) UNSIGNED'),
    campaign_id: c.varchar(8),
    status: c.varchar(10),
    entry_time: c.datetime(),
    callback_time: c.datetime(),
    modify_date: c.timestamp(),
    user: c.varchar(20),
    recipient: c.enum('USERONLY', 'ANYONE'),
    comments: c.varchar(255),
    user_group: c.varchar(20),
    lead_status: c.varchar(6).defaultNullable('CALLBK'),
    email_alert: c.datetime(),
    email_result: c.enum('SENT', 'FAILED', 'NOT AVAILABLE'),
    customer_timezone: c.varchar(100).defaultNullable(''),
    customer_timezone_diff: c.varchar(6).defaultNullable(''),
    customer_time: c.datetime(),
  },
  {
    indexes: [
      { name: 'lead_id', columns: ['lead_id'] },
      { name: 'status', columns: ['status'] },
      { name: 'callback_time', columns: ['callback_time'] },
    ],
  },
);

export const vicidialHopper = table(
  'vicidial_hopper',
  {
    hopper_id: c.autoId(),
    lead_id: c.int('INT(9) UNSIGNED').notNull(),
    campaign_id: c.varchar(8),
    status: c
      .enum('READY', 'QUEUE', 'INCALL', 'DONE', 'HOLD', 'DNC', 'RHOLD', 'RQUEUE')
      .default('READY'),
    user: c.varchar(20),
    list_id: c.int('BIGINT(14) UNSIGNED').notNull(),
    gmt_offset_now: c.decimal('DECIMAL(4,2)').default(0),
    state: c.varchar(2).default(''),
    alt_dial: c.varchar(6).default('NONE'),
    priority: c.int('TINYINT(2)').default(0),
    source: c.varchar(1).default(''),
    vendor_lead_code: c.varchar(20).default(''),
  },
  { indexes: [{ name: 'lead_id', columns: ['lead_id'] }] },
);

export const groupsAlias = table('groups_alias', {
  group_alias_id: c.varchar(30).primaryKey(),
  group_alias_name: c.varchar(50),
  caller_id_number: c.varchar(20),
  caller_id_name: c.varchar(20),
  active: c.enum('Y', 'N').default('N'),
  user_group: c.varchar(20).default('---ALL---'),
});
