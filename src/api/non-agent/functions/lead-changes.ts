/** What update_lead and batch_update_lead share: their rights, the changes a request asks for, and the values refused. */
import { EDITABLE_LEAD_COLUMNS, type EditableLeadColumn } from '../../../domain/lead-record.js';
import { leadValueProblem } from '../../../leads/lead-values.js';
import type { Line } from '../../legacy/lines.js';
import { leadField } from '../../lead-field-params.js';
import { t4 } from '../messages.js';
import type { NonAgentCall } from '../non-agent-function.js';
import { levelAbove, MODIFY_LEADS, VDC } from '../permissions.js';
import { blank } from './lead-params.js';

export const LEAD_RIGHTS = [VDC, MODIFY_LEADS, levelAbove(7)];

/** The parameter that sets a column: user and list_id are named otherwise, as those names are taken. */
const changeParam = (column: EditableLeadColumn) => (column === 'user' ? 'user_field' : column === 'list_id' ? 'list_id_field' : column);

/** What batch_update_lead may change: every editable column but the phone number and the custom-fields list. */
export const BATCH_COLUMNS = EDITABLE_LEAD_COLUMNS.filter((column) => column !== 'phone_number' && column !== 'entry_list_id');

/** The update a request asks for, among `columns`: every one with a non-empty value; --BLANK-- clears. */
export function requestedChanges(call: NonAgentCall, columns: readonly EditableLeadColumn[]): Partial<Record<EditableLeadColumn, string>> {
  const { p } = call;
  const out: Partial<Record<EditableLeadColumn, string>> = {};
  for (const column of columns) {
    const param = changeParam(column);
    const value = p[param];
    if (value) out[column] = blank(value).replace(/\n/g, '!N');
  }
  return out;
}

/** The parameters that set `columns`, as requestedChanges reads them. */
export function changeParams(columns: readonly EditableLeadColumn[]) {
  return Object.fromEntries(columns.map((column) => [changeParam(column), leadField(column).optional()]));
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
