/**
 * The character whitelists non_agent_api.php applies to every parameter
 * before anything else reads it (../shared/spec/non-agent-api.md §2.3).
 * Characters outside a class are deleted, never rejected. Parameters no
 * function of the subset reads are dropped.
 */
import { ascii, chain, keeper, plusToSpace, type Filter } from '../legacy/char-filters.js';

function buildFilters(nonLatin: boolean): Record<string, Filter> {
  const k = (cls: string) => keeper(cls, nonLatin);
  const table: Record<string, Filter> = {};
  const assign = (names: string[], filter: Filter) => {
    for (const name of names) table[name] = filter;
  };
  const digits = ascii('0-9');

  assign(['user', 'pass', 'function'], k('\\-_0-9L'));
  assign(['source', 'format', 'header'], k('0-9L'));
  assign(['stage'], k('\\-_0-9L'));
  assign(['archived_lead'], k('0-9L'));
  assign(
    [
      'lead_id', 'list_id_field', 'entry_list_id', 'phone_code', 'records', 'called_count', 'rank', 'agent_user_level',
      'hotkeys_active', 'campaign_grade', 'camp_rg_only', 'ingroup_grade', 'ingrp_rg_only', 'force_entry_list_id',
      'file_download', 'agent_choose_ingroups', 'agent_choose_blended', 'closer_default_blended', 'reset_password',
      'custom_fields_copy',
    ],
    digits,
  );
  assign(['outbound_cid'], (v) => (v === '---ALL---' ? v : digits(v)));
  assign(['list_id'], k('\\-_0-9L'));
  assign(['lead_ids', 'phone_number'], ascii(',0-9'));
  assign(['hopper_priority', 'wrapup_seconds_override'], ascii('\\-0-9'));
  assign(['campaign_rank', 'ingroup_rank', 'reset_time'], ascii('\\-_0-9'));
  assign(['gmt_offset_now'], ascii('\\-_.0-9'));
  assign(['date_of_birth', 'query_date', 'end_date', 'date'], ascii('\\-0-9'));
  assign(['query_time', 'end_time'], ascii(':0-9'));
  assign(['datetime_start', 'datetime_end'], ascii('\\- +:_0-9'));
  assign(
    [
      'gender', 'dnc_check', 'campaign_dnc_check', 'add_to_hopper', 'hopper_local_call_time_check', 'insert_if_not_found',
      'search_location', 'no_update', 'delete_lead', 'active', 'reset_list', 'delete_list', 'delete_leads', 'reset_lead',
      'usacan_areacode_check', 'usacan_prefix_check', 'callback', 'callback_type', 'time_format', 'nanpa_ac_prefix_check',
      'delete_user', 'show_sub_status', 'lookup_state', 'detail', 'update_phone_number', 'delete_cf_data',
      'ignore_agentdirect', 'group_by_campaign',
    ],
    ascii('A-Z'),
  );
  assign(['status_breakdown', 'show_percentages'], ascii('1Y'));
  assign(
    ['custom_fields', 'list_exists_check', 'use_internal_webserver', 'include_ip', 'remove_from_hopper', 'call_id', 'voicemail_id'],
    k('0-9L'),
  );
  assign(
    [
      'search_method', 'duplicate_check', 'tz_method', 'campaign_id', 'status', 'ingroups', 'user_field', 'agent_user',
      'agent_pass', 'agent_user_group', 'phone_pass', 'phone_login', 'country_code', 'middle_initial', 'script', 'am_message',
      'drop_inbound_group', 'callback_status', 'callback_user', 'expiration_date', 'local_call_time', 'leads_counts',
      'custom_copy_method', 'source_user', 'xferconf_one', 'xferconf_two', 'xferconf_three', 'xferconf_four',
      'xferconf_five', 'field_name',
    ],
    k('\\-_0-9L'),
  );
  // Only update_user's USER DOES NOT EXIST line prints it, as VICIdial does.
  assign(['server_ip'], k('\\-.:_0-9L'));
  assign(['group_id', 'dialable_count', 'custom_fields_add', 'custom_fields_update', 'custom_fields_delete'], k('_0-9L'));
  assign(['users', 'categories'], k('\\-,_0-9L'));
  assign(['statuses'], k('\\- .,_0-9L'));
  assign(['campaigns'], k('\\-,|_0-9L'));
  assign(['user_groups', 'in_groups'], k('\\-|,_0-9L'));
  assign(['did_ids'], k(',+0-9L'));
  assign(['did_patterns'], k(',:+*#._0-9L'));
  assign(['title'], k("\\- '_.0-9L"));
  assign(['first_name', 'last_name', 'alt_phone'], chain(k("\\- '+_.0-9L"), plusToSpace));
  assign(['address1', 'address2', 'address3', 'city', 'owner', 'security_phrase'], chain(k("\\- '+.:/@_0-9L"), plusToSpace));
  assign(['state'], k('\\- 0-9L'));
  assign(['province'], chain(k("\\- '+._0-9L"), plusToSpace));
  assign(['postal_code'], chain(k("\\- '+0-9L"), plusToSpace));
  assign(['email'], chain(k("\\- '+.:/@%_0-9L"), plusToSpace));
  assign(['vendor_lead_code', 'source_id', 'comments'], chain((v) => v.replace(/[;#"]/g, ''), plusToSpace));
  assign(['multi_alt_phones'], chain(k('\\- +!:_0-9L'), plusToSpace));
  assign(['callback_datetime'], k('\\- +.:/@_0-9L'));
  assign(['callback_comments', 'agent_full_name', 'custom_one', 'custom_two', 'custom_three', 'custom_four', 'custom_five'], k('\\- +.:/@_0-9L'));
  assign(['list_name', 'list_description'], k('\\- +.:/@?&_0-9L'));
  assign(['web_form_address', 'web_form_address_two', 'web_form_address_three'], k('\\- %=+.:/@?&_0-9L'));
  return table;
}

const latinFilters = buildFilters(false);
const nonLatinFilters = buildFilters(true);

export type FilteredParams = Readonly<Record<string, string>>;

export function filterNonAgentParams(raw: Readonly<Record<string, string>>, nonLatin: boolean): FilteredParams {
  const filters = nonLatin ? nonLatinFilters : latinFilters;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    const filter = filters[name];
    if (filter) out[name] = filter(value);
  }
  return out;
}
