/** The standard lead fields an API request may set (vicidial_list column names). */
export const LEAD_FIELDS = [
  'vendor_lead_code',
  'source_id',
  'gmt_offset_now',
  'phone_code',
  'phone_number',
  'title',
  'first_name',
  'middle_initial',
  'last_name',
  'address1',
  'address2',
  'address3',
  'city',
  'state',
  'province',
  'postal_code',
  'country_code',
  'gender',
  'date_of_birth',
  'alt_phone',
  'email',
  'security_phrase',
  'comments',
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
