/** campaigns_list (spec §7.11): the campaigns the API user's group allows. */
import { params, text } from '../../parameters.js';
import { report, t1, t3 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, VDC, VIEW_REPORTS } from '../permissions.js';
import { delimiter, REPORT_PARAMS, table, wantsHeader } from '../report-format.js';
import { campaignList, scopesOf } from '../scope.js';

export const campaignsList: NonAgentFunction = {
  name: 'campaigns_list',
  prelude: 'standard',
  requires: [VDC, VIEW_REPORTS, levelAbove(7)],
  params: params({
    campaign_id: text('Only this campaign.', 8).optional(),
    ...REPORT_PARAMS,
  }),
  denied: (user) => t1('ERROR', 'campaigns_list USER DOES NOT HAVE PERMISSION TO GET CAMPAIGN INFO', [user, '0', '']),
  async run(call) {
    const { p, unit, rights } = call;
    const ids = campaignList((await scopesOf(call)).campaigns);
    const rows = await unit.store.campaigns.campaignRows({ ...(ids ? { ids } : {}), ...(p.campaign_id ? { campaignId: p.campaign_id } : {}) });
    if (rows.length === 0) return { lines: [t3('ERROR', 'campaigns_list THIS USER HAS NO VIEWABLE CAMPAIGNS', [rights.user, ''])] };
    const header = [
      'campaign_id', 'campaign_name', 'active', 'user_group', 'dial_method', 'dial_level', 'lead_order', 'dial_statuses', 'dial_timeout',
      'dial_prefix', 'manual_dial_prefix', 'three_way_dial_prefix',
    ];
    const out = rows.map((c) => [
      c.campaign_id, c.campaign_name ?? '', c.active ?? '', c.user_group, c.dial_method, c.auto_dial_level, c.lead_order ?? '',
      c.dial_statuses.replace(/^ /, '').replace(/ -$/, ''), c.dial_timeout, c.dial_prefix, c.manual_dial_prefix, c.three_way_dial_prefix,
    ]);
    return { lines: [report('campaigns_list', table(wantsHeader(p.header) ? header : undefined, out, delimiter(p.stage)))] };
  },
};
