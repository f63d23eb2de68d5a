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
 * Leases: work only one node may do at a time (the call simulator). The holder
 * renews its row before it expires; another node takes it over once expired.
 * expires_at is epoch milliseconds of the holder's clock (nodes keep NTP time).
 */
export const agentgateLeases = table('agentgate_leases', {
  name: c.varchar(40).primaryKey(),
  holder: c.varchar(100).notNull(),
  expires_at: c.int('BIGINT(20)').notNull(),
});
