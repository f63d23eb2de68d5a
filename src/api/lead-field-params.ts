/**
 * The standard lead fields (vicidial_list columns) as parameters, for every
 * function that writes them: update_fields and external_add_lead, add_lead,
 * update_lead and batch_update_lead. A text field is as long as its column
 * (the store's fact, store/lead-columns.ts), which is where the functions
 * refuse a longer value; a number column takes a whole number.
 */
import { leadColumnWidth } from '../store/lead-columns.js';
import { integer, text } from './parameters.js';

const DESCRIPTIONS = {
  phone_code: "The country calling code of the lead's phone number (1 for North America).",
  phone_number: "The lead's phone number, digits only.",
  vendor_lead_code: "The lead's id in the vendor's or CRM's system.",
  source_id: 'Where the lead came from.',
  gmt_offset_now: "The lead's time zone offset from GMT in hours, such as -5.00.",
  title: "The lead's title (Mr, Ms…).",
  first_name: "The lead's first name.",
  middle_initial: "The lead's middle initial.",
  last_name: "The lead's last name.",
  address1: 'First line of the address.',
  address2: 'Second line of the address.',
  address3: 'Third line of the address (VICIdial also dials it as a third number).',
  city: 'City.',
  state: 'State, as a two-letter code.',
  province: 'Province.',
  postal_code: 'Postal or ZIP code.',
  country_code: 'Country code, such as USA.',
  gender: 'Gender: M, F or U.',
  date_of_birth: 'Date of birth, YYYY-MM-DD.',
  alt_phone: 'An alternate phone number.',
  email: 'Email address.',
  security_phrase: 'Security phrase.',
  comments: 'Comments on the lead.',
  rank: "The lead's rank: higher-ranked leads are dialed first where the campaign orders by rank.",
  owner: "The lead's owner (a user, group or territory; a time zone code for the owner time zone method).",
  status: "The lead's status code.",
  user: 'The user the lead belongs to.',
  list_id: 'The list the lead belongs to.',
  called_count: 'How many times the lead has been called.',
  entry_list_id: 'The list whose custom fields the lead uses.',
} as const;

export type LeadFieldName = keyof typeof DESCRIPTIONS;

/** Whole-number columns and their ranges (the input filters keep digits only, so none is negative). */
const NUMBERS: Partial<Record<LeadFieldName, number>> = {
  rank: 32_767,
  called_count: 65_535,
  list_id: 99_999_999_999_999,
  entry_list_id: 99_999_999_999_999,
};

/** Text columns that are not VARCHARs, so the store gives them no width. */
const UNSIZED: Partial<Record<LeadFieldName, number>> = {
  gmt_offset_now: 6, // DECIMAL(4,2): '-12.75' at most
  date_of_birth: 10, // DATE: YYYY-MM-DD
};

/** One lead field's schema, described as `description` or by its column. */
export function leadField(name: LeadFieldName, description: string = DESCRIPTIONS[name]) {
  const max = NUMBERS[name];
  if (max !== undefined) return integer(description, { max });
  const width = leadColumnWidth(name) ?? UNSIZED[name];
  if (width === undefined) throw new Error(`lead field ${name} has no width: add it to UNSIZED`);
  return text(description, width);
}

/** Optional lead fields by name, each as its column takes it. */
export function leadFieldParams(names: readonly LeadFieldName[]) {
  return Object.fromEntries(names.map((name) => [name, leadField(name).optional()]));
}
