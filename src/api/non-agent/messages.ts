/**
 * non_agent_api.php's message templates (spec §2.5). The separators are what
 * integrations parse, so each layout has its own builder:
 * T1 `R: reason: |f1|f2`, T3 `R: reason: f1|f2`, T4 `R: reason - f1|f2`.
 */
import { customLine, line, type Line, type Result } from '../legacy/lines.js';

type Field = string | number;

export const t1 = (result: Result, reason: string, fields: readonly Field[]): Line =>
  customLine(result, reason, `${result}: ${reason}: |${fields.join('|')}\n`);

export const t3 = (result: Result, reason: string, fields: readonly Field[]): Line =>
  customLine(result, reason, `${result}: ${reason}: ${fields.join('|')}\n`);

export const t4 = (result: Result, reason: string, fields: readonly Field[]): Line => line(result, reason, fields);

/** A report: rows printed, no SUCCESS line (spec §2.5); one audit row for the whole text. */
export const report = (fn: string, text: string): Line => customLine('SUCCESS', fn, text);

/** The two lines of a missing or short `source` (spec §2.5). */
export function invalidSource(source: string): Line[] {
  return [
    customLine('ERROR', 'Invalid Source', `ERROR: Invalid Source - ${source}\n`),
    customLine('ERROR', 'Invalid Source', `ERROR: Invalid Source: |${source}|\n`),
  ];
}
