/** What update_lead and batch_update_lead share: their rights, the changes a request asks for, and the values refused. */
import { EDITABLE_LEAD_COLUMNS, type EditableLeadColumn } from '../../../domain/lead-record.js';
import { leadValueProblem } from '../../../leads/lead-values.js';
import type { Line } from '../../legacy/lines.js';
import { t4 } from '../messages.js';
import type { NonAgentCall } from '../non-agent-function.js';
import { levelAbove, MODIFY_LEADS, VDC } from '../permissions.js';
import { blank, isYes } from './lead-params.js';

export const LEAD_RIGHTS = [VDC, MODIFY_LEADS, levelAbove(7)];

/** The update a request asks for: every editable field with a non-empty value; --BLANK-- clears. */
export function requestedChanges(call: NonAgentCall, batch: boolean): Partial<Record<EditableLeadColumn, string>> {
  const { p } = call;
  const out: Partial<Record<EditableLeadColumn, string>> = {};
  for (const column of EDITABLE_LEAD_COLUMNS) {
    const param = column === 'user' ? 'user_field' : column === 'list_id' ? 'list_id_field' : column;
    const value = p[param];
    if (!value) continue;
    if (column === 'phone_number' && (batch || p.update_phone_number !== 'Y')) continue;
    if (column === 'entry_list_id' && (batch || isYes(p.custom_fields))) continue;
    out[column] = blank(value).replace(/\n/g, '!N');
  }
  return out;
}

/**
 * API List Restrict on the list leads would move to (list_id_field): it must
 * be an allowed list, whatever its number. One rule for update_lead and
 * batch_update_lead (VICIdial checks only batch_update_lead, and only lists
 * from 99 up).
 */
export async function targetListRefusal(call: NonAgentCall, fn: string): Promise<Line | undefined> {
  const target = call.p.list_id_field ?? '';
  if (!target || (await call.listScope.allowsList(call.unit.store, Number(target)))) return undefined;
  return t4('ERROR', `${fn} NOT AN ALLOWED LIST ID`, [call.rights.user, target]);
}

export function valueError(fn: string, user: string, changes: Partial<Record<EditableLeadColumn, string>>): Line | undefined {
  const text: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(changes)) if (!['list_id', 'called_count', 'rank', 'entry_list_id', 'gmt_offset_now'].includes(k)) text[k] = v;
  const bad = leadValueProblem(text);
  if (!bad) return undefined;
  return bad.kind === 'bad-date'
    ? t4('ERROR', `${fn} INVALID DATE OF BIRTH`, [user, changes.date_of_birth ?? ''])
    : t4('ERROR', `${fn} FIELD VALUE TOO LONG`, [user, bad.field, bad.width]);
}
