/**
 * A lead as the non-agent reports print it: every standard column as text,
 * in the order of lead_all_info's header (spec §7.20).
 */
export const LEAD_RECORD_COLUMNS = [
  'status', 'user', 'vendor_lead_code', 'source_id', 'list_id', 'gmt_offset_now', 'phone_code', 'phone_number', 'title',
  'first_name', 'middle_initial', 'last_name', 'address1', 'address2', 'address3', 'city', 'state', 'province',
  'postal_code', 'country_code', 'gender', 'date_of_birth', 'alt_phone', 'email', 'security_phrase', 'comments',
  'called_count', 'last_local_call_time', 'rank', 'owner', 'entry_list_id', 'lead_id',
] as const;

export type LeadRecordColumn = (typeof LEAD_RECORD_COLUMNS)[number];
export type LeadRecord = Readonly<Record<LeadRecordColumn, string>> & { readonly entry_date: string };

/** The standard text fields a new lead takes from a request or a CSV file (gmt_offset_now is always looked up). */
export const LEAD_TEXT_FIELDS = [
  'vendor_lead_code', 'source_id', 'title', 'first_name', 'middle_initial', 'last_name', 'address1', 'address2',
  'address3', 'city', 'state', 'province', 'postal_code', 'country_code', 'gender', 'date_of_birth', 'alt_phone', 'email',
  'security_phrase', 'comments', 'owner',
] as const satisfies readonly LeadRecordColumn[];

/** The columns update_lead and batch_update_lead may set (user_field → user, list_id_field → list_id). */
export const EDITABLE_LEAD_COLUMNS = [
  'user', 'list_id', 'status', 'vendor_lead_code', 'source_id', 'gmt_offset_now', 'title', 'first_name', 'middle_initial',
  'last_name', 'address1', 'address2', 'address3', 'city', 'state', 'province', 'postal_code', 'country_code', 'gender',
  'date_of_birth', 'alt_phone', 'email', 'security_phrase', 'comments', 'rank', 'owner', 'called_count', 'phone_code',
  'entry_list_id', 'phone_number',
] as const;
export type EditableLeadColumn = (typeof EDITABLE_LEAD_COLUMNS)[number];

/** A new lead's columns (add_lead, update_lead's insert path, the bulk loader). */
export interface NewLeadRecord {
  readonly listId: number;
  readonly status: string;
  readonly user: string;
  readonly phoneCode: string;
  readonly phoneNumber: string;
  readonly gmtOffset: number;
  readonly entryListId: number;
  readonly rank: number;
  /** The other standard text fields, by column name. */
  readonly fields: Readonly<Partial<Record<LeadRecordColumn, string>>>;
}
