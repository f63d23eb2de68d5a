/** What list_info, add_list and update_list share: their rights, campaign scope, and the optional list settings. */
import { isRealDate } from '../../../leads/lead-values.js';
import type { Line } from '../../legacy/lines.js';
import { choice, text, TEXT_WIDTH } from '../../parameters.js';
import { t1 } from '../messages.js';
import type { NonAgentCall } from '../non-agent-function.js';
import { levelAbove, MODIFY_LISTS, VDC } from '../permissions.js';
import { blank } from './lead-params.js';

export const LIST_RIGHTS = [VDC, MODIFY_LISTS, levelAbove(7)];
const TZ_METHODS = ['COUNTRY_AND_AREA_CODE', 'POSTAL_CODE', 'NANPA_PREFIX', 'OWNER_TIME_ZONE_CODE'] as const;
const XFER = [
  ['xferconf_one', 'xferconf_a_number', 'ONE'],
  ['xferconf_two', 'xferconf_b_number', 'TWO'],
  ['xferconf_three', 'xferconf_c_number', 'THREE'],
  ['xferconf_four', 'xferconf_d_number', 'FOUR'],
  ['xferconf_five', 'xferconf_e_number', 'FIVE'],
] as const;
const WEB_FORMS = [
  ['web_form_address', 'first'],
  ['web_form_address_two', 'second'],
  ['web_form_address_three', 'third'],
] as const;

/** The optional list settings as parameters (list_name and active are each function's own). */
export const LIST_SETTINGS_PARAMS = {
  script: text("A script to use instead of the campaign's.", 20).optional(),
  drop_inbound_group: text("An in-group for dropped calls instead of the campaign's.", 20).optional(),
  outbound_cid: text("A caller id number to use instead of the campaign's, 6 to 18 digits.", 18).optional(),
  am_message: text("An answering-machine message to use instead of the campaign's.", 100).optional(),
  reset_time: text('Times of day to reset the list, HHMM separated by dashes (0900-1700).', 100).optional(),
  expiration_date: text('The day the list expires, YYYY-MM-DD (2099-12-31).', 10).optional(),
  ...Object.fromEntries(WEB_FORMS.map(([name, which]) => [name, text(`The ${which} web form address, instead of the campaign's.`, TEXT_WIDTH).optional()])),
  list_description: text('A description of the list.', 255).optional(),
  tz_method: choice(TZ_METHODS, "How the list's leads get their time zone.").optional(),
  local_call_time: text("A call time to use instead of the campaign's, or campaign.", 10).optional(),
  ...Object.fromEntries(XFER.map(([name, , word]) => [name, text(`Transfer-conference number ${word.toLowerCase()} to use instead of the campaign's.`, 50).optional()])),
};

/** Web form addresses arrive URL-encoded when they hold "://" (spec §7.25 step 8). */
function webForm(value: string): string {
  if (value === '--BLANK--') return '';
  if (!value.includes('%3A%2F%2F')) return value;
  try {
    return decodeURIComponent(value).replaceAll(' ', '+');
  } catch {
    return value;
  }
}

/** The optional list settings add_list and update_list share, checked in VICIdial's order. */
export async function listSettings(call: NonAgentCall, fn: string, forUpdate: boolean): Promise<{ changes: Record<string, string>; error?: Line }> {
  const { p, unit, rights } = call;
  const store = unit.store;
  const err = (reason: string, value: string) => ({ changes: {}, error: t1('ERROR', `${fn} ${reason}, THIS IS AN OPTIONAL FIELD`, [rights.user, value]) });
  const changes: Record<string, string> = {};
  if (p.script) {
    if (forUpdate && p.script === '--BLANK--') changes.agent_script_override = '';
    else if (!(await store.campaigns.scriptExists(p.script))) return err('SCRIPT DOES NOT EXIST', p.script);
    else changes.agent_script_override = p.script;
  }
  if (p.drop_inbound_group) {
    if (forUpdate && p.drop_inbound_group === '--BLANK--') changes.drop_inbound_group_override = '';
    else if (!(await store.campaigns.findInboundGroup(p.drop_inbound_group))) return err('IN-GROUP DOES NOT EXIST', p.drop_inbound_group);
    else changes.drop_inbound_group_override = p.drop_inbound_group;
  }
  if (forUpdate && p.list_name !== undefined && p.list_name !== '') {
    if (p.list_name.length < 6 || p.list_name.length > 30) return err('LIST NAME MUST BE FROM 6 TO 30 CHARACTERS', p.list_name);
    changes.list_name = p.list_name;
  }
  if (forUpdate && p.active) {
    if (p.active !== 'Y' && p.active !== 'N') return err('ACTIVE MUST BE Y OR N', p.active);
    changes.active = p.active;
  }
  if (p.outbound_cid) {
    if (forUpdate && (p.outbound_cid.length < 6 || p.outbound_cid.length > 18)) return err('OUTBOUND CID MUST BE FROM 6 TO 18 DIGITS', p.outbound_cid);
    changes.campaign_cid_override = p.outbound_cid;
  }
  if (p.am_message) {
    if (p.am_message.length > 100) return err('ANSWERING MACHINE MESSAGE MUST LESS THAN 101 DIGITS', p.am_message);
    changes.am_message_exten_override = p.am_message;
  }
  if (p.reset_time) {
    if (forUpdate ? p.reset_time.length < 4 : p.reset_time.length < 4) return err('RESET TIME IS NOT VALID', p.reset_time);
    changes.reset_time = p.reset_time;
  }
  if ((p.expiration_date ?? '').length > 9) {
    // agentgate: a date that is not a date is refused (VICIdial stores 0000-00-00), and reset_time is kept.
    if (!isRealDate(p.expiration_date!)) return err('EXPIRATION DATE IS NOT VALID', p.expiration_date!);
    changes.expiration_date = p.expiration_date!;
  } else if (!forUpdate) changes.expiration_date = '2099-12-31';
  for (const [name] of WEB_FORMS) if (p[name]) changes[name] = webForm(p[name]);
  if (p.list_description) changes.list_description = blank(p.list_description);
  if (p.tz_method) {
    if (!(TZ_METHODS as readonly string[]).includes(p.tz_method)) return err('TIME ZONE METHOD IS NOT VALID', p.tz_method);
    changes.time_zone_setting = p.tz_method;
  }
  if (p.local_call_time) {
    if (p.local_call_time !== 'campaign' && !(await store.campaigns.callTimeExists(p.local_call_time))) return err('LOCAL CALL TIME DOES NOT EXIST', p.local_call_time);
    changes.local_call_time = p.local_call_time;
  }
  for (const [param, column, word] of XFER) {
    const value = p[param];
    if (!value) continue;
    if (value.length > 50) return err(`TRANSFER CONF OVERRIDE ${word} IS NOT VALID`, value);
    changes[column] = blank(value);
  }
  return { changes };
}
