/**
 * Fit values to their column widths and ENUM members before a write, as a
 * non-strict MySQL server (the VICIdial norm) does silently. Doing it in the store makes SQLite,
 * non-strict and strict MariaDB store the same thing, instead of the last one
 * refusing the write.
 */
import { tables, type TableName } from './database.js';

/** The members of an ENUM column type, or undefined for any other type. */
const enumMembers = (mysqlType: string) => (mysqlType.startsWith('ENUM(') ? new Set([...mysqlType.matchAll(/'([^']*)'/g)].map((m) => m[1]!)) : undefined);
const membersByType = new Map<string, Set<string> | undefined>();

export function fitRow<T extends Record<string, unknown>>(tableName: TableName, row: T): T {
  const columns = tables[tableName].columns as Record<string, { spec: { width?: number; mysqlType: string } }>;
  let fitted: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(row)) {
    const spec = columns[key]?.spec;
    if (typeof value !== 'string' || !spec) continue;
    const type = spec.mysqlType;
    if (!membersByType.has(type)) membersByType.set(type, enumMembers(type));
    // A value an ENUM does not list is stored as '' (a strict server would refuse the write).
    const members = membersByType.get(type);
    if (members && !members.has(value)) {
      fitted ??= { ...row };
      fitted[key] = '';
      continue;
    }
    const width = spec.width;
    if (width === undefined || value.length <= width) continue;
    // Widths count characters, not UTF-16 units: slice by code point.
    const chars = Array.from(value);
    if (chars.length <= width) continue;
    fitted ??= { ...row };
    fitted[key] = chars.slice(0, width).join('');
  }
  return (fitted ?? row) as T;
}
