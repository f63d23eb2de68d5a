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
