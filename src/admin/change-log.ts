/**
 * The admin change log: every change made through the console becomes a
 * vicidial_admin_log row (VICIdial's own place for it), with the changed
 * fields before and after. Secrets never enter it: the record kinds hide
 * password columns, and a new password is noted only as "password changed".
 * event_sql holds a description, never SQL.
 */
import type { RecordValues } from '../store/repositories/admin-records.js';
import type { Store } from '../store/store.js';
import type { AdminScope } from './admin-scope.js';
import { LOG_SECTION, type Section } from './catalog.js';

/** Bookkeeping columns that change with every edit and tell nothing. */
const IGNORED = new Set(['modify_stamp']);

export interface Actor {
  readonly user: string;
  readonly ip: string;
  readonly group: string;
  /** The administrator's own user record (its level and flags). */
  readonly values: RecordValues;
  /** What its user group lets it administer. */
  readonly scope: AdminScope;
}

export interface FieldChange {
  readonly field: string;
  readonly before: RecordValues[string] | undefined;
  readonly after: RecordValues[string] | undefined;
}

export function changedFields(before: RecordValues, after: RecordValues): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields]
    .filter((f) => !IGNORED.has(f) && String(before[f] ?? '') !== String(after[f] ?? ''))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

const shown = (v: unknown) => (v === undefined || v === null ? '(none)' : `'${String(v)}'`);

export interface LoggedChange {
  readonly section: Section;
  readonly type: 'ADD' | 'MODIFY' | 'DELETE';
  readonly recordId: string;
  readonly before: RecordValues;
  readonly after: RecordValues;
  readonly passwordChanged?: boolean;
}

export async function logChange(store: Store, actor: Actor, now: Date, change: LoggedChange): Promise<void> {
  const fields = changedFields(change.before, change.after);
  const words = fields.map((f) => `${f.field}: ${shown(f.before)} -> ${shown(f.after)}`);
  if (change.passwordChanged) words.push('password changed');
  const section = LOG_SECTION[change.section];
  await store.adminLog.insert({
    user: actor.user,
    ip: actor.ip,
    section,
    type: change.type,
    recordId: change.recordId,
    code: `ADMIN CONSOLE ${change.type} ${section}`,
    description: words.join('; ') || 'no change',
    notes: JSON.stringify({
      before: Object.fromEntries(fields.map((f) => [f.field, f.before ?? null])),
      after: Object.fromEntries(fields.map((f) => [f.field, f.after ?? null])),
      ...(change.passwordChanged ? { password: 'changed' } : {}),
    }),
    now,
  });
}
