/**
 * Values a lead column cannot hold, refused rather than cut or zeroed as a
 * non-strict MySQL would: a text longer than its column, a date of birth
 * that is not a date. Shared by add_lead, update_lead and the bulk loader.
 */
import { leadColumnWidth } from '../store/lead-columns.js';

export type ValueProblem = { readonly field: string; readonly kind: 'too-long'; readonly width: number } | { readonly field: string; readonly kind: 'bad-date' };

export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The first problem among the given lead columns, in the order given. */
export function leadValueProblem(fields: Readonly<Record<string, string | undefined>>): ValueProblem | undefined {
  for (const field in fields) {
    const value = fields[field];
    if (!value) continue;
    if (field === 'date_of_birth' && !isRealDate(value)) return { field, kind: 'bad-date' };
    const width = leadColumnWidth(field);
    if (width !== undefined && value.length > width && Array.from(value).length > width) return { field, kind: 'too-long', width };
  }
  return undefined;
}

export function describeProblem(p: ValueProblem): string {
  return p.kind === 'bad-date' ? `${p.field} is not a date (YYYY-MM-DD)` : `${p.field} is longer than ${p.width} characters`;
}
