/**
 * Fit values to their column widths before a write, as a non-strict MySQL
 * server (the VICIdial norm) does silently. Doing it in the store makes SQLite,
 * non-strict and strict MariaDB store the same thing, instead of the last one
 * refusing the write.
 */
import { tables, type TableName } from './database.js';

export function fitRow<T extends Record<string, unknown>>(tableName: TableName, row: T): T {
  const columns = tables[tableName].columns as Record<string, { spec: { width?: number } }>;
  let fitted: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(row)) {
    const width = columns[key]?.spec.width;
    if (typeof value !== 'string' || width === undefined || value.length <= width) continue;
    // Widths count characters, not UTF-16 units: slice by code point.
    const chars = Array.from(value);
    if (chars.length <= width) continue;
    fitted ??= { ...row };
    fitted[key] = chars.slice(0, width).join('');
  }
  return (fitted ?? row) as T;
}
