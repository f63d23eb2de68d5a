/** agent_campaigns, campaigns_list, ingroup_list and user_details (spec §7.10–7.13). */
import { campaignScope, parseSet, scopeAllows } from '../../../domain/vicidial-sets.js';
import { customLine } from '../../legacy/lines.js';
import { report, t1, t3 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, MODIFY_USERS, VDC, VIEW_REPORTS } from '../permissions.js';
import { delimiter, table, wantsHeader } from '../report-format.js';
import { campaignList, groupScopeAllows, scopesOf } from '../scope.js';

export const agentCampaigns: NonAgentFunction = {
  name: 'agent_campaigns',
  prelude: 'standard',
  requires: [VDC, VIEW_REPORTS, levelAbove(7), MODIFY_USERS],
  denied: (user) => t1('ERROR', 'agent_campaigns USER DOES NOT HAVE PERMISSION TO GET AGENT INFO', [user, '0', '']),
  async run(call) {
    const { p, unit, rights } = call;
    const store = unit.store;
    const agentUser = p.agent_user ?? '';
    const { groups } = await scopesOf(call);
    const agent = agentUser ? await store.userAdmin.summary(agentUser) : undefined;
    if (!agent || !groupScopeAllows(groups, agent.group)) return { lines: [t1('ERROR', 'agent_campaigns AGENT USER DOES NOT EXIST', [rights.user, agentUser])] };
    const agentScope = campaignScope((await store.users.findGroup(agent.group))?.allowedCampaigns ?? '');
    const campaigns = (await store.campaigns.campaignRows({ activeOnly: true, ...(p.campaign_id ? { campaignId: p.campaign_id } : {}) })).filter((c) =>
      scopeAllows(agentScope, c.campaign_id),
    );
    if (campaigns.length === 0) return { lines: [t3('ERROR', 'agent_campaigns THIS AGENT USER HAS NO AVAILABLE CAMPAIGNS', [agentUser, rights.user, ''])] };
    const closers = new Set(campaigns.flatMap((c) => parseSet(c.closer_campaigns)));
    const ingroups = (await store.campaigns.inboundGroupRows({ activeOnly: true }))
      .filter((g) => closers.has(g.group_id))
      .filter((g) => !(p.ignore_agentdirect === 'Y' && g.group_id.startsWith('AGENTDIRECT')));
    const header = ['user', 'allowed_campaigns_list', 'allowed_ingroups_list'];
    const row = [agentUser, campaigns.map((c) => c.campaign_id).join('-'), ingroups.map((g) => g.group_id).join('-')];
    return { lines: [report('agent_campaigns', table(wantsHeader(p.header) ? header : undefined, [row], delimiter(p.stage)))] };
  },
};

export const campaignsList: NonAgentFunction = {
  name: 'campaigns_list',
  prelude: 'standard',
  requires: [VDC, VIEW_REPORTS, levelAbove(7)],
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

const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** A value inside a single-quoted JavaScript string inside an HTML attribute. */
const jsInHtml = (s: string) => html(s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n'));

export const ingroupList: NonAgentFunction = {
  name: 'ingroup_list',
  prelude: 'permission-first',
  requires: [levelAbove(6)],
  denied: (user) => t1('ERROR', 'ingroup_list USER DOES NOT HAVE PERMISSION TO VIEW INBOUND GROUPS LIST', [user, '0', '']),
  async run(call) {
    const { groups } = await scopesOf(call);
    const rows = (await call.unit.store.campaigns.inboundGroupRows({ activeOnly: true })).filter((g) => groupScopeAllows(groups, g.user_group));
    const body = rows
      .map(
        (g, i) =>
          `<tr><td>${i + 1}</td><td><a href="javascript:choose_file('${jsInHtml(g.group_id)}','${jsInHtml(g.group_name ?? '')}');">${html(g.group_id)}</a></td>` +
          `<td>${html(g.group_name ?? '')}</td><td bgcolor="${html(g.group_color ?? '')}">${html(g.group_color ?? '')}</td></tr>\n`,
      )
      .join('');
    const page =
      '<html>\n<head>\n<title>NON-AGENT API</title>\n<script language="Javascript">\n' +
      'function choose_file(filename, fieldname) {\n\tif (filename.length > 0) {\n\t\tparent.document.getElementById(fieldname).value = filename;\n\t\tdocument.getElementById("selected_file").innerHTML = filename;\n\t}\n}\n</script>\n</head>\n<body>\n' +
      '<table border="0">\n<tr><td>#</td><td>Inbound Groups</td><td>Name</td><td>Color</td></tr>\n' +
      body +
      '</table>\n<span id="selected_file"></span>\n</body>\n</html>\n';
    return { lines: [customLine('SUCCESS', 'ingroup_list', page)] };
  },
};

export const userDetails: NonAgentFunction = {
  name: 'user_details',
  prelude: 'standard',
  requires: [VDC, VIEW_REPORTS, levelAbove(6)],
  denied: (user) => t1('ERROR', 'user_details USER DOES NOT HAVE PERMISSION TO GET USER DETAILS', [user, '0', '']),
  async run(call) {
    const { p, unit, rights } = call;
    const agentUser = p.agent_user ?? '';
    if (!agentUser) return { lines: [t3('ERROR', 'user_details INVALID SEARCH PARAMETERS', [rights.user, agentUser])] };
    const { groups } = await scopesOf(call);
    const user = await unit.store.userAdmin.summary(agentUser);
    if (!user || !groupScopeAllows(groups, user.group)) return { lines: [t3('ERROR', 'user_details USER NOT FOUND', [rights.user, agentUser])] };
    const header = ['user', 'full_name', 'user_group', 'user_level', 'active'];
    const row = [agentUser, user.fullName, user.group, user.level, user.active];
    return { lines: [report('user_details', table(wantsHeader(p.header) ? header : undefined, [row], delimiter(p.stage)))] };
  },
};
