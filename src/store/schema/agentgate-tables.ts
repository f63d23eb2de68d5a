/**
 * agentgate's own tables: facts VICIdial does not keep. Named agentgate_* so
 * they never collide with a VICIdial table on a shared database.
 */
import { c, table } from './columns.js';

/**
 * When each account was created and its password last changed, so the
 * permission matrix can warn about passwords never changed since creation.
 * Accounts created elsewhere (a VICIdial import) have no row: unknown.
 */
export const agentgateUserPasswords = table('agentgate_user_passwords', {
  user: c.varchar(20).primaryKey(),
  created_at: c.datetime().notNull(),
  changed_at: c.datetime(),
});

/**
 * The open screen sessions (agent screen, admin console), so that logging out
 * ends a session on every node at once. The cookie holds a random id; only
 * its SHA-256 digest is stored, so the table gives nobody a usable cookie.
 */
export const agentgateWebSessions = table(
  'agentgate_web_sessions',
  {
    session_digest: c.varchar(64).primaryKey(),
    user: c.varchar(20).notNull(),
    screen: c.varchar(10).notNull(),
    created_at: c.datetime().notNull(),
    expires_at: c.datetime().notNull(),
  },
  { indexes: [{ name: 'agentgate_web_sessions_user', columns: ['user'] }] },
);

/**
 * The event log (an outbox): every session event, written in the transaction
 * of the change it announces, so an event exists if and only if its change
 * committed. Every node follows it (events/event-log.ts). event_id is global
 * and increasing; seq counts one agent's events without a gap
 * (agentgate_agent_sequences), so a follower can tell a missed or repeated
 * event of an agent. Old rows are pruned: the table is a replay window.
 */
export const agentgateEvents = table(
  'agentgate_events',
  {
    event_id: c.autoId('BIGINT(20) UNSIGNED'),
    user: c.varchar(20).notNull(),
    seq: c.int('BIGINT(20) UNSIGNED').notNull(),
    campaign_id: c.varchar(20).default(''),
    event_type: c.varchar(40).notNull(),
    payload: c.text('MEDIUMTEXT').notNull(),
    command_id: c.varchar(64),
    created_at: c.datetime().notNull(),
  },
  // No index on created_at: every index costs each event a write, and pruning goes by event_id.
  { indexes: [{ name: 'agent_seq', columns: ['user', 'seq'], unique: true }] },
);

/**
 * One row per agent: the last sequence number given to its events. Updated
 * atomically in the event's transaction, so two nodes never give two events of
 * one agent the same number, and a rolled-back change leaves no gap.
 */
export const agentgateAgentSequences = table('agentgate_agent_sequences', {
  user: c.varchar(20).primaryKey(),
  seq: c.int('BIGINT(20) UNSIGNED').default(0),
});

/**
 * The command a session change waits on: a PAUSE, RESUME or LOGOUT sent
 * during a call takes effect at the call's disposition, in another request's
 * unit of work. Its command_id waits here (one row per agent: the pause column
 * holds one command), so the event that shows it taking effect carries it.
 */
export const agentgateCommandWaits = table('agentgate_command_waits', {
  user: c.varchar(20).primaryKey(),
  command_id: c.varchar(64).notNull(),
});

/**
 * Leases: work only one node may do at a time (the call simulator). The holder
 * renews its row before it expires; another node takes it over once expired.
 * expires_at is epoch milliseconds of the holder's clock (nodes keep NTP time).
 */
export const agentgateLeases = table('agentgate_leases', {
  name: c.varchar(40).primaryKey(),
  holder: c.varchar(100).notNull(),
  expires_at: c.int('BIGINT(20)').notNull(),
});

/**
 * API keys: an API user's named credentials for integrations. Only the
 * SHA-256 digest of a key is kept (a key is 256 random bits, so a digest
 * cannot be reversed or guessed; see docs/security.md), with a short public
 * prefix to tell keys apart. A key narrows its user: functions and campaigns
 * hold a VICIdial set (' a b -', empty for all of the user's), rate_per_second
 * its own token bucket (NULL: none). A revoked key keeps its row, and its name
 * stays taken, so the audit rows that name it stay unambiguous.
 */
export const agentgateApiKeys = table(
  'agentgate_api_keys',
  {
    key_id: c.autoId(),
    user: c.varchar(20).notNull(),
    name: c.varchar(40).notNull(),
    key_digest: c.char(64).notNull(),
    key_prefix: c.varchar(16).notNull(),
    functions: c.text().notNull(),
    campaigns: c.text().notNull(),
    rate_per_second: c.int('INT(9) UNSIGNED'),
    expires_at: c.datetime(),
    created_at: c.datetime().notNull(),
    revoked_at: c.datetime(),
    last_used_at: c.datetime(),
  },
  {
    indexes: [
      { name: 'agentgate_api_keys_digest', columns: ['key_digest'], unique: true },
      { name: 'agentgate_api_keys_user_name', columns: ['user', 'name'], unique: true },
    ],
  },
);

/**
 * Which API key made a request: one row per vicidial_api_log row of a key
 * request. vicidial_api_log has no column that means "key", and its columns
 * keep VICIdial's meaning, so the key's name lives here, beside it.
 */
export const agentgateApiLogKeys = table('agentgate_api_log_keys', {
  api_id: c.int('INT(9) UNSIGNED').primaryKey(),
  key_id: c.int('INT(9) UNSIGNED').notNull(),
  key_name: c.varchar(40).notNull(),
});
