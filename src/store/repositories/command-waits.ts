/**
 * Commands waiting for a call's disposition (agentgate_command_waits): the
 * id of the request whose PAUSE, RESUME or LOGOUT the pause column holds, so
 * that the disposition's events can say whose command took effect.
 */
import type { Executor } from './executor.js';

export class CommandWaitsRepository {
  constructor(private readonly db: Executor) {}

  /** The agent's pending command is now `commandId`'s; null: no request's (the screen's own), forget any. */
  async set(user: string, commandId: string | null): Promise<void> {
    await this.db.deleteFrom('agentgate_command_waits').where('user', '=', user).execute();
    if (commandId) await this.db.insertInto('agentgate_command_waits').values({ user, command_id: commandId }).execute();
  }

  /** The command the agent's pending change waits on, removed as it is read. */
  async take(user: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('agentgate_command_waits').select('command_id').where('user', '=', user).executeTakeFirst();
    if (row) await this.db.deleteFrom('agentgate_command_waits').where('user', '=', user).execute();
    return row?.command_id;
  }
}
