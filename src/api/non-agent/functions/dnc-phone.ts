/**
 * add_dnc_phone and delete_dnc_phone (spec §7.27). agentgate checks the
 * campaign: it must exist and be one the API user's group allows
 * (SYSTEM_INTERNAL is the system list). VICIdial checks neither.
 */
import { campaignScope, scopeAllows } from '../../../domain/vicidial-sets.js';
import { params, text } from '../../parameters.js';
import { t1, t4 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { DELETE_FROM_DNC, levelAbove, MODIFY_LISTS } from '../permissions.js';
import { adminLog } from './admin-log.js';

const SYSTEM = 'SYSTEM_INTERNAL';

export function dncFunction(action: 'add' | 'delete'): NonAgentFunction {
  const name = `${action}_dnc_phone`;
  return {
    name,
    prelude: 'standard',
    requires: action === 'add' ? [MODIFY_LISTS, levelAbove(7)] : [MODIFY_LISTS, DELETE_FROM_DNC, levelAbove(7)],
    params: params({
      phone_number: text('The phone number, 6 to 18 digits.', 18),
      campaign_id: text("The campaign whose DNC list it is, or SYSTEM_INTERNAL for the system's.", 15),
    }),
    denied: (user) => t1('ERROR', `${name} USER DOES NOT HAVE PERMISSION TO ${action === 'add' ? 'ADD' : 'DELETE'} DNC NUMBERS`, [user, '0']),
    async run(call) {
      const { p, unit, rights } = call;
      const store = unit.store;
      const phone = p.phone_number ?? '';
      const campaignId = p.campaign_id ?? '';
      if (phone.length < 6 || campaignId.length < 1) return { lines: [t1('ERROR', `${name} YOU MUST USE ALL REQUIRED FIELDS`, [rights.user, phone, campaignId])] };
      // agentgate: DNC numbers are 18 characters at most (vicidial_dnc.phone_number), not cut silently.
      if (phone.length > 18) return { lines: [t1('ERROR', `${name} PHONE NUMBER IS TOO LONG`, [rights.user, phone, campaignId])] };
      const system = campaignId === SYSTEM;
      if (!system) {
        const allowed = scopeAllows(campaignScope((await call.group())?.allowedCampaigns ?? ''), campaignId);
        if (!allowed || !(await store.campaigns.exists(campaignId))) return { lines: [t1('ERROR', `${name} CAMPAIGN DOES NOT EXIST`, [rights.user, campaignId])] };
      }
      const exists = system ? await store.leads.inSystemDnc(phone) : await store.leads.inCampaignDnc(phone, campaignId);
      if (action === 'add' && exists) return { lines: [t1('ERROR', 'add_dnc_phone DNC NUMBER ALREADY EXISTS', [rights.user, phone, campaignId])] };
      if (action === 'delete' && !exists) return { lines: [t1('ERROR', 'delete_dnc_phone DNC NUMBER DOES NOT EXIST', [rights.user, phone, campaignId])] };
      let rows = 1;
      if (action === 'add') {
        if (system) await store.leads.addSystemDnc(phone);
        else await store.leads.addCampaignDnc(phone, campaignId);
      } else rows = system ? await store.leads.deleteSystemDnc(phone) : await store.leads.deleteCampaignDnc(phone, campaignId);
      await store.leads.logDnc({ phoneNumber: phone, campaignId: system ? '-SYSINT-' : campaignId, action, user: rights.user, now: unit.now });
      await adminLog(call, {
        section: 'LISTS',
        type: action === 'add' ? 'ADD' : 'DELETE',
        recordId: phone,
        code: action === 'add' ? 'ADMIN API ADD DNC NUMBER' : 'ADMIN API DELETE DNC NUMBER',
        description: `${action} ${phone} ${system ? 'system DNC list' : `campaign DNC list ${campaignId}`}`,
        notes: `${phone}|${campaignId}|${rows}|1`,
      });
      const done = action === 'add' ? 'DNC NUMBER HAS BEEN ADDED' : 'DNC NUMBER HAS BEEN DELETED';
      return { lines: [t4('SUCCESS', `${name} ${done}`, [rights.user, phone, campaignId])] };
    },
  };
}

