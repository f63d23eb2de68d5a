/**
 * Lead fields edited on the agent's own screen, checked with update_fields'
 * rules — written once, here and beside it: the fields update_fields may set
 * (UPDATABLE_FIELDS), the character whitelists api.php applies to them
 * (input-filters.ts), and the column limits the lead functions refuse past
 * (lead-values.ts). Where the API silently drops a character or cuts a value,
 * the screen says so next to the field instead, and saves nothing. The
 * screen's commands receive this check from the HTTP layer (http/agent-stream.ts).
 */
import type { LeadEdit, LeadField } from '../../domain/lead.js';
import { describeProblem, leadValueProblem } from '../../leads/lead-values.js';
import { UPDATABLE_FIELDS } from './functions/update-fields.js';
import { filterParams } from './input-filters.js';

const updatable = new Set<string>(UPDATABLE_FIELDS);

export function checkLeadEdit(input: Readonly<Record<string, string>>, nonLatin: boolean): LeadEdit {
  for (const name of Object.keys(input)) if (!updatable.has(name)) return { ok: false, field: name, message: `${name} is not a lead field the screen may change.` };
  const filtered = filterParams(input, nonLatin);
  for (const [name, value] of Object.entries(input)) {
    const kept = filtered[name] ?? '';
    if (kept === value) continue;
    const refused = [...new Set(Array.from(value).filter((ch) => !kept.includes(ch)))].join(' ');
    return { ok: false, field: name, message: `${label(name)} cannot contain ${refused ? `these characters: ${refused}` : 'this text'}.` };
  }
  const problem = leadValueProblem(filtered);
  if (problem) return { ok: false, field: problem.field, message: `${describeProblem(problem).replace(problem.field, label(problem.field))}.` };
  return { ok: true, fields: Object.fromEntries(Object.keys(input).map((name) => [name, filtered[name] ?? ''])) as Partial<Record<LeadField, string>> };
}

const label = (name: string) => name.replaceAll('_', ' ');
