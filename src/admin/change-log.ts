/**
 * The admin change log: every change made through the console becomes a
 * vicidial_admin_log row (VICIdial's own place for it), with the changed
 * fields before and after. Secrets never enter it: the record kinds hide
 * password columns, and a new password is noted only as "password changed".
 * event_sql holds a description, never SQL.
 */
import type { AdminLogRow } from '../store/repositories/admin-log.js';
import type { RecordValue, RecordValues } from '../store/repositories/admin-records.js';
import type { Store } from '../store/store.js';
import type { AdminScope } from './admin-scope.js';
import type { AdminChange, FieldChangeView } from '../wire/admin.js';
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
  /** ADD: the fields the administrator set besides the key, which summarise the new record (not its every column). */
  readonly set?: RecordValues;
  readonly passwordChanged?: boolean;
}

/** Off, empty or absent: left out of an added record's summary. */
const isUnset = (v: unknown) => v === undefined || v === null || v === '' || v === '0';

function describe(change: LoggedChange, fields: readonly FieldChange[]): string {
  if (change.type === 'ADD' && change.set) {
    const set = Object.entries(change.set).filter(([field, v]) => !isUnset(v) && field in change.after);
    const words = set.map(([field]) => `${field} ${shown(change.after[field])}`);
    if (change.passwordChanged) words.push('password set');
    return `added: ${words.join('; ') || 'defaults only'}`;
  }
  const words = fields.map((f) => `${f.field}: ${shown(f.before)} -> ${shown(f.after)}`);
  if (change.passwordChanged) words.push('password changed');
  return words.join('; ') || 'no change';
}

export async function logChange(store: Store, actor: Actor, now: Date, change: LoggedChange): Promise<void> {
  const fields = changedFields(change.before, change.after);
  const section = LOG_SECTION[change.section];
  await store.adminLog.insert({
    user: actor.user,
    ip: actor.ip,
    section,
    type: change.type,
    recordId: change.recordId,
    code: `ADMIN CONSOLE ${change.type} ${section}`,
    description: describe(change, fields),
    notes: JSON.stringify({
      before: Object.fromEntries(fields.map((f) => [f.field, f.before ?? null])),
      after: Object.fromEntries(fields.map((f) => [f.field, f.after ?? null])),
      ...(change.passwordChanged ? { password: 'changed' } : {}),
    }),
    now,
  });
}

/** A change log row for the console: its summary, and the changed fields from its notes when it has them. */
export function changeView(row: AdminLogRow): AdminChange {
  const { notes, code: _code, ...shownRow } = row;
  return { ...shownRow, fields: fieldsFromNotes(notes) };
}

function fieldsFromNotes(notes: string): FieldChangeView[] {
  try {
    const parsed = JSON.parse(notes) as { before?: Record<string, RecordValue>; after?: Record<string, RecordValue> };
    if (!parsed || typeof parsed.after !== 'object' || typeof parsed.before !== 'object') return [];
    const names = [...new Set([...Object.keys(parsed.before ?? {}), ...Object.keys(parsed.after ?? {})])];
    return names.map((field) => ({ field, before: parsed.before?.[field] ?? null, after: parsed.after?.[field] ?? null }));
  } catch {
    // Rows written by VICIdial (or non-agent API functions) hold free text.
    return [];
  }
}
