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
