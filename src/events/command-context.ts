/**
 * The command a request carries out, for every unit of work it runs: the
 * events those units raise are stamped with its id (the log's command_id), so
 * an integration watching the event stream learns when its command took effect.
 *
 * Carried in AsyncLocalStorage rather than passed down: a face (http/) names
 * the command once around its handler, and the unit runner (store/) reads it —
 * the API pipelines in between need not know. Only there: inside a unit, the
 * unit's own events know it (`u.events.causingCommand`); a unit may run in
 * another request's turn when units share a commit (store/group-commit.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

const current = new AsyncLocalStorage<string>();

/** A new command id: opaque, unique across nodes, short enough for the log's 64 characters. */
export const newCommandId = (): string => randomUUID();

/** Run `work` as the command `commandId`: every unit of work it runs attributes its events to it. */
export function asCommand<T>(commandId: string, work: () => Promise<T>): Promise<T> {
  return current.run(commandId, work);
}

/** The command being carried out here, if any. */
export function currentCommandId(): string | null {
  return current.getStore() ?? null;
}

/**
 * Run `work` outside any command: what listeners do on hearing an event (the
 * simulator routing a call to an agent who went READY) is not the command's effect.
 */
export function outsideCommand<T>(work: () => T): T {
  return current.exit(work);
}
