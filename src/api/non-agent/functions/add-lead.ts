/**
 * add_lead (spec §7.16): validate, check DNC and duplicates, look up the GMT
 * offset, insert the lead; then alternate phones, custom fields, hopper and
 * callback. Bad values get an ERROR line and nothing is written.
 */
import { duplicateMessage, parseDuplicateCheck } from '../../../domain/duplicate-check.js';
import { LEAD_TEXT_FIELDS, type NewLeadRecord } from '../../../domain/lead-record.js';
import { dncMode, LeadIntake } from '../../../leads/lead-intake.js';
import { leadValueProblem } from '../../../leads/lead-values.js';
import { NANPA_MIN_ROWS } from '../../../leads/phone-validation.js';
import type { Line } from '../../legacy/lines.js';
import { flag, integer, params, text } from '../../parameters.js';
import { leadField, leadFieldParams } from '../../lead-field-params.js';
import { t1, t4 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, MODIFY_LEADS, VDC } from '../permissions.js';
import { phpNumber } from '../report-format.js';
import { allowsCampaign, listVisible } from '../scope.js';
import { addAltPhones, addToHopper, createCallback, LEAD_EXTRA_PARAMS } from './lead-extras.js';
import { digitsOnly, isYes, leadFieldsOf } from './lead-params.js';

export const addLead: NonAgentFunction = {
  name: 'add_lead',
  prelude: 'standard',
  requires: [VDC, MODIFY_LEADS, levelAbove(7)],
  params: params({
    phone_number: text('The phone number of the new lead, digits only.', 18),
    phone_code: text('The country calling code of the number (1).', 10).optional(),
    list_id: integer('The list to add the lead to (999 when shorter than 3 digits).', { max: 99_999_999_999_999 }).optional(),
    list_exists_check: flag('Y: refuse a list that does not exist.').optional(),
    ...leadFieldParams(LEAD_TEXT_FIELDS),
    rank: leadField('rank').optional(),
    entry_list_id: leadField('entry_list_id').optional(),
    campaign_id: text('The campaign whose DNC list is checked and that a callback is for.', 8).optional(),
    dnc_check: flag('Y: refuse a number on the system DNC list; AREACODE: also one whose area code is on it.', ['Y', 'AREACODE', 'N']).optional(),
    campaign_dnc_check: flag("Y: refuse a number on the campaign's DNC list; AREACODE: also one whose area code is on it.", ['Y', 'AREACODE', 'N']).optional(),
    duplicate_check: text('Duplicates to refuse: any of DUPLIST, DUPCAMP, DUPSYS, DUPPHONEALT…, DUPTITLEALTPHONE…, DUPNAMEPHONE…, with an age such as 30DAY.', 255).optional(),
    usacan_prefix_check: flag('Y: refuse a US/Canada number with an invalid prefix.').optional(),
    usacan_areacode_check: flag('Y: refuse a US/Canada number with an unknown area code.').optional(),
    nanpa_ac_prefix_check: flag('Y: refuse a number whose area code and prefix are not in the NANPA data.').optional(),
    tz_method: text("How the lead's time zone is found: POSTAL, TZCODE or NANPA (by area code otherwise).", 40).optional(),
    lookup_state: flag('Y: fill an empty state from the area code.').optional(),
    add_to_hopper: flag('Y: put the lead in the hopper to be dialed.').optional(),
    remove_from_hopper: flag('Y: keep the lead out of the hopper (wins over add_to_hopper).').optional(),
    callback: flag('Y: give the lead a scheduled callback (its status becomes CBHOLD).').optional(),
    custom_fields: flag('Y: store custom fields (agentgate has none: answered with a NOTICE).').optional(),
    ...LEAD_EXTRA_PARAMS,
  }),
  denied: (user) => t1('ERROR', 'add_lead USER DOES NOT HAVE PERMISSION TO ADD LEADS TO THE SYSTEM', [user, '0', '']),
  async run(call) {
    const { p, unit, rights, settings } = call;
    const store = unit.store;
    const user = rights.user;
    const phone = p.phone_number ?? '';
    let listIdText = digitsOnly(p.list_id);
    const lines: Line[] = [];
    const fail = (reason: string, fields: (string | number)[]) => ({ lines: [...lines, t4('ERROR', reason, fields)] });

    if (listIdText.length > 14) return fail('add_lead NOT A VALID LIST ID', [phone, listIdText]);
    if (!(await call.listScope.allowsList(store, Number(listIdText)))) return fail('add_lead NOT AN ALLOWED LIST ID', [phone, listIdText]);
    if (/Y/i.test(p.list_exists_check ?? '') && !(await store.campaigns.findList(Number(listIdText))))
      return fail('add_lead NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED', [phone, listIdText]);
    if (listIdText.length < 3) listIdText = '999';
    const listId = Number(listIdText);
    const phoneCode = p.phone_code || '1';

    let tzMethod = p.tz_method ?? '';
    let nanpaCheck = isYes(p.nanpa_ac_prefix_check);
    if (nanpaCheck || tzMethod.includes('NANPA')) {
      const count = await store.timeZones.nanpaRowCount();
      if (count < NANPA_MIN_ROWS) {
        nanpaCheck = false;
        tzMethod = tzMethod.replace('NANPA', '');
        lines.push(t4('NOTICE', 'add_lead NANPA options disabled, NANPA prefix data not loaded', [count, user]));
      }
    }

    const fields = leadFieldsOf(p);
    const bad = leadValueProblem(fields);
    if (bad) {
      return bad.kind === 'bad-date'
        ? fail('add_lead INVALID DATE OF BIRTH', [phone, fields.date_of_birth ?? '', user])
        : fail('add_lead FIELD VALUE TOO LONG', [phone, bad.field, bad.width, user]);
    }

    const campaignId = p.campaign_id ?? '';
    // agentgate: a campaign outside the API user's group is one that does not exist (its DNC list is not consulted).
    const usable = campaignId !== '' && (await allowsCampaign(call, campaignId));
    const campaign = usable ? await store.campaigns.find(campaignId) : undefined;
    const intake = new LeadIntake({
      listId,
      phoneChecks: { usacanPrefix: isYes(p.usacan_prefix_check), usacanAreacode: isYes(p.usacan_areacode_check), nanpaPrefix: nanpaCheck },
      dncCheck: dncMode(p.dnc_check),
      campaignDncCheck: dncMode(p.campaign_dnc_check),
      dncCampaignId: usable ? campaign?.useOtherCampaignDnc || campaignId : '',
      duplicates: parseDuplicateCheck(p.duplicate_check),
      tzMethod,
      lookupState: isYes(p.lookup_state),
    });
    const subject = {
      phone,
      phoneCode,
      listId: listIdText,
      title: fields.title ?? '',
      altPhone: fields.alt_phone ?? '',
      firstName: fields.first_name ?? '',
      lastName: fields.last_name ?? '',
      state: fields.state ?? '',
      postalCode: fields.postal_code ?? '',
      owner: fields.owner ?? '',
    };
    const [verdict] = await intake.check(store, [subject], unit.now);
    if (!verdict!.ok) {
      const v = verdict!;
      if (v.kind === 'invalid') return fail(`add_lead ${v.problem}`, [phone, user]);
      if (v.kind === 'dnc') return v.campaign ? fail('add_lead PHONE NUMBER IN CAMPAIGN DNC', [phone, campaignId, user]) : fail('add_lead PHONE NUMBER IN DNC', [phone, user]);
      if ('leadId' in v.hit) {
        const m = duplicateMessage(v.rule, subject, v.hit, !(await listVisible(call, Number(v.hit.listId))));
        return fail(m.reason, m.fields);
      }
    }
    const accepted = verdict as { ok: true; gmt: number | undefined; state: string };

    const record: NewLeadRecord = {
      listId,
      status: isYes(p.callback) ? 'CBHOLD' : 'NEW',
      user,
      phoneCode,
      phoneNumber: phone,
      gmtOffset: accepted.gmt ?? 0,
      entryListId: Number(p.entry_list_id) || 0,
      rank: Number.parseInt(p.rank ?? '', 10) || 0,
      fields: { ...fields, state: accepted.state },
    };
    const [leadId] = await store.leadAdmin.insertLeads([record], unit.now);
    const gmtText = accepted.gmt === undefined ? '' : phpNumber(accepted.gmt);
    lines.push(t4('SUCCESS', 'add_lead LEAD HAS BEEN ADDED', [phone, listIdText, leadId!, gmtText, user]));

    lines.push(...(await addAltPhones(call, 'add_lead', leadId!)));
    if (isYes(p.custom_fields)) {
      // Custom field tables (custom_<list_id>) are not part of agentgate yet: say so as VICIdial would.
      lines.push(
        settings.customFieldsEnabled
          ? t4('NOTICE', 'add_lead CUSTOM FIELDS NOT ADDED, NO CUSTOM FIELDS DEFINED FOR THIS LIST', [phone, leadId!, listIdText])
          : t4('NOTICE', 'add_lead CUSTOM FIELDS NOT ADDED, CUSTOM FIELDS DISABLED', [phone, leadId!, p.custom_fields ?? '', '0']),
      );
    }
    if (isYes(p.add_to_hopper) && p.remove_from_hopper !== 'Y')
      lines.push(await addToHopper(call, 'add_lead', { leadId: leadId!, listId, phone, gmt: accepted.gmt ?? 0, state: accepted.state, vendorLeadCode: fields.vendor_lead_code ?? '' }));
    if (isYes(p.callback)) lines.push(await createCallback(call, 'add_lead', leadId!, listId));
    return { lines };
  },
};
