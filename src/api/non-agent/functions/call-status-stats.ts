/** call_status_stats (spec §7.8): calls per campaign and in-group, by hour and by status. */
import { customLine } from '../../legacy/lines.js';
import { params, text, TEXT_WIDTH } from '../../parameters.js';
import { report } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, VIEW_REPORTS } from '../permissions.js';
import { callQueueScope, scopesOf } from '../scope.js';
import { campaignsOf, dashList, denied, missing, natural, RANGE_PARAMS, range } from './stats-params.js';

export const callStatusStats: NonAgentFunction = {
  name: 'call_status_stats',
  prelude: 'parameters-first',
  requires: [VIEW_REPORTS, levelAbove(8)],
  params: params({
    campaigns: text('The campaigns, separated by dashes; ALLCAMPAIGNS or ---ALL--- for every one.', TEXT_WIDTH),
    ingroups: text("The in-groups, separated by dashes (the campaigns' in-groups).", TEXT_WIDTH).optional(),
    statuses: text('Only these statuses, separated by dashes.', TEXT_WIDTH).optional(),
    ...RANGE_PARAMS,
  }),
  denied,
  parameters: (p) => ((p.campaigns ?? '').length < 2 ? missing('call_status_stats', 'CAMPAIGNS', p.source ?? '') : undefined),
  async run(call) {
    const { p, unit } = call;
    const store = unit.store;
    const when = range(call);
    if (!when) return { lines: [customLine('ERROR', 'call_status_stats INVALID DATE OR TIME', `ERROR: call_status_stats INVALID DATE OR TIME - ${p.source ?? ''}\n`)] };
    const campaigns = (await campaignsOf(call, p.campaigns, ['ALLCAMPAIGNS'])).sort(natural);
    const visible = await callQueueScope(call, await scopesOf(call));
    let ingroups = dashList(p.ingroups);
    if (ingroups.length === 0) {
      const rows = await store.campaigns.campaignRows({ ids: campaigns });
      ingroups = [...new Set(rows.flatMap((r) => (r.closer_campaigns ?? '').split(/\s+/).filter((g) => g && g !== '-')))];
    }
    ingroups = ingroups.filter((g) => !visible || visible.includes(g)).sort(natural);
    const statuses = p.statuses ? p.statuses.split('-').filter(Boolean) : undefined;
    const human = await store.reports.humanAnsweredStatuses(campaigns);
    const lines: string[] = [];
    for (const [kind, ids] of [['OUT', campaigns], ['IN', ingroups]] as const) {
      const counts = await store.reports.callCounts(kind, ids, when.start, when.end, statuses);
      for (const id of ids) {
        const mine = counts.filter((c) => c.id === id);
        const total = mine.reduce((a, c) => a + c.n, 0);
        const answered = mine.filter((c) => human.has(c.status)).reduce((a, c) => a + c.n, 0);
        const hours = Array.from({ length: 24 }, (_, h) => {
          const hh = String(h).padStart(2, '0');
          return `${hh}-${mine.filter((c) => c.hour === hh).reduce((a, c) => a + c.n, 0)}`;
        });
        const byStatus = new Map<string, number>();
        for (const c of mine) byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + c.n);
        const statusText = [...byStatus.keys()].sort(natural).map((s) => `${s}-${byStatus.get(s)}`).join(',');
        lines.push(`${id}|${total}|${answered}|${hours.join(',')}|${statusText}|\n`);
      }
    }
    return { lines: [report('call_status_stats', lines.join(''))] };
  },
};
