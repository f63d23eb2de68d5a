/** check_phone_number (spec §7.23): is a number valid, off the DNC lists, and dialable now, by each time-zone method? */
import { dialableNow } from '../../../domain/call-time.js';
import { dncMode, LeadIntake } from '../../../leads/lead-intake.js';
import { NANPA_MIN_ROWS } from '../../../leads/phone-validation.js';
import { parseDuplicateCheck } from '../../../domain/duplicate-check.js';
import { customLine } from '../../legacy/lines.js';
import { flag, params, text } from '../../parameters.js';
import { leadField } from '../../lead-field-params.js';
import { t1, t4 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, VDC } from '../permissions.js';
import { phpNumber } from '../report-format.js';
import { allowsCampaign } from '../scope.js';
import { isYes } from './lead-params.js';

const METHODS = ['AREACODE', 'POSTAL', 'TZCODE', 'NANPA'] as const;

export const checkPhoneNumber: NonAgentFunction = {
  name: 'check_phone_number',
  prelude: 'standard',
  requires: [VDC, levelAbove(7)],
  params: params({
    phone_number: text('The phone number to check, digits only.', 18),
    phone_code: text('The country calling code of the number (1).', 10).optional(),
    local_call_time: text('The call time to check the number against.', 10),
    tz_method: text('The time zone methods to answer for: any of AREACODE (the default), POSTAL, TZCODE and NANPA.', 40).optional(),
    postal_code: leadField('postal_code', 'The postal code, for the POSTAL method.').optional(),
    state: leadField('state', 'The state, for its call-time rules.').optional(),
    owner: leadField('owner', 'The time zone code, for the TZCODE method.').optional(),
    campaign_id: text('The campaign whose DNC list is checked.', 8).optional(),
    dnc_check: flag('Y: check the system DNC list; AREACODE: also the area code.', ['Y', 'AREACODE', 'N']).optional(),
    campaign_dnc_check: flag("Y: check the campaign's DNC list; AREACODE: also the area code.", ['Y', 'AREACODE', 'N']).optional(),
    usacan_prefix_check: flag('Y: check the prefix of a US/Canada number.').optional(),
    usacan_areacode_check: flag('Y: check the area code of a US/Canada number.').optional(),
    nanpa_ac_prefix_check: flag('Y: check the area code and prefix against the NANPA data.').optional(),
  }),
  denied: (user) => t1('ERROR', 'check_phone_number USER DOES NOT HAVE PERMISSION TO CHECK PHONE NUMBERS', [user, '']),
  async run(call) {
    const { p, unit, rights } = call;
    const store = unit.store;
    const phone = p.phone_number ?? '';
    const phoneCode = p.phone_code || '1';
    const callTimeId = p.local_call_time ?? '';
    const callTime = callTimeId ? await store.timeZones.callTime(callTimeId) : undefined;
    if (!callTime) return { lines: [t1('ERROR', 'check_phone_number THIS IS NOT A VALID CALL TIME', [rights.user, callTimeId, ''])] };
    const tzMethod = p.tz_method || 'AREACODE';
    const nanpaCheck = isYes(p.nanpa_ac_prefix_check);
    if (nanpaCheck || tzMethod.includes('NANPA')) {
      const count = await store.timeZones.nanpaRowCount();
      if (count < NANPA_MIN_ROWS) return { lines: [t4('ERROR', 'check_phone_number NANPA options disabled, NANPA prefix data not loaded', [count, rights.user])] };
    }
    const campaignId = p.campaign_id ?? '';
    // agentgate: a campaign outside the API user's group is one that does not exist (its DNC list is not consulted).
    const usable = campaignId !== '' && (await allowsCampaign(call, campaignId));
    const campaign = usable ? await store.campaigns.find(campaignId) : undefined;
    const intake = new LeadIntake({
      listId: 0,
      phoneChecks: { usacanPrefix: isYes(p.usacan_prefix_check), usacanAreacode: isYes(p.usacan_areacode_check), nanpaPrefix: nanpaCheck },
      dncCheck: dncMode(p.dnc_check),
      campaignDncCheck: dncMode(p.campaign_dnc_check),
      dncCampaignId: usable ? campaign?.useOtherCampaignDnc || campaignId : '',
      duplicates: parseDuplicateCheck(''),
      tzMethod: '',
      lookupState: false,
    });
    const subject = { phone, phoneCode, listId: 0, title: '', altPhone: '', firstName: '', lastName: '', state: p.state ?? '', postalCode: p.postal_code ?? '', owner: p.owner ?? '' };
    const [verdict] = await intake.check(store, [subject], unit.now);
    if (!verdict!.ok) {
      const v = verdict!;
      if (v.kind === 'invalid') return { lines: [t4('ERROR', `check_phone_number ${v.problem}`, [phone, rights.user])] };
      if (v.kind === 'dnc')
        return { lines: [v.campaign ? t4('ERROR', 'check_phone_number PHONE NUMBER IN CAMPAIGN DNC', [phone, campaignId, rights.user]) : t4('ERROR', 'check_phone_number PHONE NUMBER IN DNC', [phone, rights.user])] };
    }
    const state = p.state ?? '';
    const rule = (await store.timeZones.stateCallTime(callTime.stateCallTimeIds, state)) ?? callTime;
    let segments = '';
    for (const method of METHODS) {
      if (!tzMethod.includes(method)) continue;
      const applies =
        method === 'POSTAL' ? (p.postal_code ?? '').length === 5 : method === 'TZCODE' ? (p.owner ?? '').length >= 1 && (p.owner ?? '').length <= 6 : true;
      const gmt = applies
        ? await intake.gmt.offset(
            store,
            { phoneCode, phoneNumber: phone, state, postalCode: p.postal_code ?? '', owner: p.owner ?? '', tzMethod: method === 'AREACODE' ? '' : method },
            unit.now,
          )
        : undefined;
      if (gmt === undefined) segments += `${method}: 0|#`;
      else segments += `${method}: ${dialableNow(rule, gmt, unit.now) ? 1 : 0}|${phpNumber(gmt)}#`;
    }
    const text = `${segments}PHONE: ${phone}|${phoneCode}|${p.postal_code ?? ''}|${state}|${p.owner ?? ''}|\n`;
    return { lines: [customLine('SUCCESS', 'check_phone_number', text)] };
  },
};
