/**
 * The standard lead fields an API request may set (vicidial_list column
 * names), in api.php 2.14's update_fields order (agent-api.md §8.11): its
 * answer and external_update_fields_data list them in this order, whatever the
 * order of the request.
 */
export const LEAD_FIELDS = [
  'phone_code',
  'address1',
  'address2',
  'address3',
  'alt_phone',
  'city',
  'comments',
  'country_code',
  'date_of_birth',
  'email',
  'first_name',
  'gender',
  'gmt_offset_now',
  'last_name',
  'middle_initial',
  'phone_number',
  'postal_code',
  'province',
  'security_phrase',
  'source_id',
  'state',
  'title',
  'vendor_lead_code',
  'rank',
  'owner',
] as const;

export type LeadField = (typeof LEAD_FIELDS)[number];
export type LeadFields = Partial<Record<LeadField, string>>;

/** Lead fields edited by hand, once checked: the values to store, or the field refused and why. */
export type LeadEdit = { readonly ok: true; readonly fields: LeadFields } | { readonly ok: false; readonly field: string; readonly message: string };

export interface Lead {
  readonly leadId: number;
  readonly listId: number;
  readonly status: string;
  readonly user: string;
  readonly phoneCode: string;
  readonly phoneNumber: string;
  readonly altPhone: string;
  readonly address3: string;
  readonly vendorLeadCode: string;
  readonly sourceId: string;
  readonly province: string;
  readonly securityPhrase: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly calledCount: number;
  /** Every standard field as stored, for screen pops and update_fields. */
  readonly fields: Readonly<Record<LeadField, string>>;
}
