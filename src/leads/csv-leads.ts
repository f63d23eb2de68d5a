/**
 * Reading leads from a CSV file: the header → lead-field mapping, and each
 * record turned into a candidate lead or a reason it cannot be one. Pure, so
 * the mapping rules are tested without a database.
 */
import { LEAD_TEXT_FIELDS } from '../domain/lead-record.js';

/** Lead fields a CSV column may fill. */
export const LOADABLE_FIELDS = ['phone_number', 'phone_code', 'rank', ...LEAD_TEXT_FIELDS] as const;
export type LoadableField = (typeof LOADABLE_FIELDS)[number];

/** Header spellings seen in real lead files, beyond the field names themselves. */
const ALIASES: Readonly<Record<string, LoadableField>> = {
  phone: 'phone_number',
  phonenumber: 'phone_number',
  telephone: 'phone_number',
  firstname: 'first_name',
  lastname: 'last_name',
  zip: 'postal_code',
  zipcode: 'postal_code',
  postcode: 'postal_code',
  address: 'address1',
  vendorid: 'vendor_lead_code',
  vendorleadcode: 'vendor_lead_code',
  dob: 'date_of_birth',
  dateofbirth: 'date_of_birth',
  mi: 'middle_initial',
  countrycode: 'country_code',
  altphone: 'alt_phone',
};

const normalise = (header: string) => header.trim().toLowerCase().replace(/[^a-z0-9]/g, '');

export class MappingError extends Error {}

/**
 * Column index of each lead field. `explicit` (from --map field=Header) wins;
 * other headers are matched by name or alias, case and punctuation ignored.
 */
export function mapColumns(headers: readonly string[], explicit: Readonly<Record<string, string>> = {}): Map<LoadableField, number> {
  const byName = new Map(headers.map((h, i) => [normalise(h), i]));
  const mapping = new Map<LoadableField, number>();
  for (const [field, header] of Object.entries(explicit)) {
    if (!(LOADABLE_FIELDS as readonly string[]).includes(field))
      throw new MappingError(`--map names "${field}", which is not a lead field (one of: ${LOADABLE_FIELDS.join(', ')})`);
    const index = /^\d+$/.test(header) ? Number(header) - 1 : byName.get(normalise(header));
    if (index === undefined || index < 0 || index >= headers.length)
      throw new MappingError(`--map ${field}=${header}: the file has no such column (columns: ${headers.join(', ')})`);
    mapping.set(field as LoadableField, index);
  }
  headers.forEach((header, i) => {
    const key = normalise(header);
    const direct = LOADABLE_FIELDS.find((f) => normalise(f) === key) ?? ALIASES[key];
    if (direct && !mapping.has(direct) && ![...mapping.values()].includes(i)) mapping.set(direct, i);
  });
  if (!mapping.has('phone_number'))
    throw new MappingError(`no column holds the phone number: name one phone_number (or phone), or pass --map phone_number=<header>`);
  return mapping;
}

export interface CsvLead {
  readonly phoneNumber: string;
  readonly phoneCode: string;
  readonly rank: number;
  readonly fields: Partial<Record<LoadableField, string>>;
}

/** A record as a lead, or the reason it is not one. */
export function recordToLead(
  record: readonly string[],
  columnCount: number,
  mapping: ReadonlyMap<LoadableField, number>,
  defaultPhoneCode: string,
): CsvLead | { problem: string } {
  if (record.length !== columnCount) return { problem: `has ${record.length} fields, the header has ${columnCount}` };
  const fields: Partial<Record<LoadableField, string>> = {};
  let phoneText = '';
  let codeText = '';
  let rankText = '';
  for (const [field, index] of mapping) {
    const value = (record[index] ?? '').trim();
    if (value.includes('\uFFFD')) return { problem: `${field} is not valid UTF-8 text (convert the file to UTF-8)` };
    if (value.includes('"')) return { problem: `${field} has a stray double quote (broken CSV quoting)` };
    // phone_number, phone_code and rank are columns of their own, not lead text fields.
    if (field === 'phone_number') phoneText = value;
    else if (field === 'phone_code') codeText = value;
    else if (field === 'rank') rankText = value;
    else fields[field] = value;
  }
  // Phone numbers keep only their digits, as VICIdial's loaders do ("(312) 555-0101" → 3125550101).
  const phoneNumber = phoneText.replace(/\D/g, '');
  const phoneCode = codeText.replace(/\D/g, '') || defaultPhoneCode;
  if (rankText && !/^-?\d{1,5}$/.test(rankText)) return { problem: `rank "${rankText}" is not a whole number` };
  return { phoneNumber, phoneCode, rank: Number(rankText) || 0, fields };
}
