/**
 * The character whitelists api.php applies to every parameter before anything
 * else (../shared/spec/agent-api.md §3). Characters outside a whitelist are
 * deleted, never rejected: this is compatibility normalisation, not security —
 * every value still travels to SQL as a bound parameter.
 */

import { ascii, chain, keeper, plusToSpace, type Filter } from '../legacy/char-filters.js';

function buildFilters(nonLatin: boolean): Record<string, Filter> {
  const k = (cls: string) => keeper(cls, nonLatin);
  const table: Record<string, Filter> = {};
  const assign = (names: string[], filter: Filter) => {
    for (const name of names) table[name] = filter;
  };

  assign(['user'], k('\\-_0-9L'));
  assign(['pass'], ascii('\\-.+/=_0-9A-Za-z'));
  assign(
    [
      'agent_user',
      'function',
      'focus',
      'preview',
      'search',
      'status',
      'dial_ingroup',
      'cid_choice',
      'outbound_cid',
      'recipient',
      'close_window_link',
      'dnc_check',
      'campaign_dnc_check',
    ],
    k('\\-_0-9L'),
  );
  assign(['value'], k('\\-|_0-9L'));
  assign(
    ['source', 'format', 'group_alias', 'dial_prefix', 'DB', 'md_check', 'tw_check', 'text_color', 'middle_initial', 'alt_user'],
    k('0-9L'),
  );
  assign(
    ['vtiger_callback', 'blended', 'set_as_default', 'dial_override', 'consultative', 'callback_type', 'country_code', 'gender'],
    ascii('A-Z'),
  );
  assign(['alt_dial'], ascii('0-9A-Z'));
  assign(['phone_code'], ascii('0-9X'));
  assign(['phone_number'], k('*#0-9L'));
  assign(['lead_id', 'rank', 'text_size', 'duration', 'maxParticleCount', 'particleSpeed'], ascii('0-9'));
  assign(['ingroup_choices'], chain(plusToSpace, k('\\- _0-9L')));
  assign(['notes', 'callback_comments'], chain(plusToSpace, k('\\- ._0-9L')));
  assign(['callback_datetime'], chain(plusToSpace, k('\\- :._0-9L')));
  assign(['qm_dispo_code'], k('\\-._0-9L'));
  assign(
    ['vendor_id', 'vendor_lead_code', 'source_id', 'comments', 'notification_text'],
    chain((v) => v.replace(/[;#]/g, ''), plusToSpace),
  );
  assign(['gmt_offset_now'], ascii('\\-_.0-9'));
  assign(['title'], k("\\- '_.0-9L"));
  assign(['first_name', 'last_name', 'alt_phone'], chain(k("\\- '+_.0-9L"), plusToSpace));
  assign(
    ['address1', 'address2', 'address3', 'city', 'security_phrase', 'owner'],
    chain(k("\\- '+.:/@_0-9L"), plusToSpace),
  );
  assign(['email'], chain(k("\\- '+.:/@%_0-9L"), plusToSpace));
  assign(['state'], k('\\- 0-9L'));
  assign(['province'], chain(k("\\- '+._0-9L"), plusToSpace));
  assign(['postal_code'], chain(k("\\- '+0-9L"), plusToSpace, k('\\- ._0-9L')));
  assign(['date_of_birth'], ascii('\\-0-9'));
  assign(['agent_debug'], k('\\- .:|_0-9L'));
  assign(['recipient_type'], k('_L'));
  assign(['notification_retry', 'show_confetti'], ascii('YNyn'));
  assign(['text_font'], k(',\\- L'));
  assign(['text_weight'], k(',L'));
  assign(['notification_date'], ascii('\\- :0-9'));
  assign(['multi_dial_phones'], ascii(',0-9'));
  assign(['stage'], (v) => v.replace(/['"\\;]/g, ''));
  // Reload triggers of update_fields/refresh_panel: only their presence matters.
  assign(['formreload', 'scriptreload', 'script2reload', 'emailreload', 'chatreload', 'callbacksreload'], ascii('0-9A-Za-z'));
  return table;
}

const latinFilters = buildFilters(false);
const nonLatinFilters = buildFilters(true);

/** The parameters after filtering. A name nobody filters is dropped: no function reads it. */
export type FilteredParams = Readonly<Record<string, string>>;

export function filterParams(raw: Readonly<Record<string, string>>, nonLatin: boolean): FilteredParams {
  const filters = nonLatin ? nonLatinFilters : latinFilters;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    const filter = filters[name];
    if (filter) out[name] = filter(value);
  }
  if (out.consultative !== undefined && out.consultative !== 'YES') out.consultative = 'NO';
  return out;
}

/** Names whose values are secrets: scrubbed from every URL we store or log. */
export const SECRET_PARAMS: ReadonlySet<string> = new Set(['pass', 'agent_pass', 'phone_pass']);
