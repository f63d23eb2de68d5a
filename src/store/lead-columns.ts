/**
 * Facts about the lead table's columns for code outside the store: which
 * names are columns (a field name from a request is checked against them,
 * never put into SQL) and how wide each text column is (a value that does not
 * fit is refused rather than cut).
 */
import { tables } from './schema/database.js';

const columns = tables.vicidial_list.columns as Record<string, { spec: { width?: number } }>;
/** Looked up once: the loader asks for every field of every row. */
const widths = new Map(Object.entries(columns).map(([name, col]) => [name, col.spec.width]));

export const isLeadColumn = (name: string): boolean => widths.has(name);

/** The width of a lead text column, or undefined for a column without one (or no such column). */
export const leadColumnWidth = (name: string): number | undefined => widths.get(name);
