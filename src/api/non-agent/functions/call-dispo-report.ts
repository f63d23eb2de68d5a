/** call_dispo_report (spec §7.9): dispositions per campaign, in-group or DID, as CSV. */
import { sqlDateTime } from '../../../domain/clock.js';
import { customLine } from '../../legacy/lines.js';
import { flag, integer, params, text, TEXT_WIDTH } from '../../parameters.js';
import { report } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, VIEW_REPORTS } from '../permissions.js';
import { callQueueScope, scopesOf } from '../scope.js';
import { ALL, campaignsOf, dashList, denied, missing, natural, RANGE_PARAMS, range } from './stats-params.js';

export const callDispoReport: NonAgentFunction = {
  name: 'call_dispo_report',
  prelude: 'parameters-first',
  requires: [VIEW_REPORTS, levelAbove(8)],
  params: params({
    campaigns: text('The campaigns, separated by dashes; ALLCAMPAIGNS or ---ALL--- for every one.', TEXT_WIDTH).optional(),
    ingroups: text('The in-groups, separated by dashes; ALLGROUPS or ---ALL--- for every one.', TEXT_WIDTH).optional(),
    did_ids: text('The DIDs, separated by dashes; ALLDIDS or ---ALL--- for every one (only without ingroups).', TEXT_WIDTH).optional(),
    did_patterns: text('DID patterns, separated by dashes; ALLPATTERNS or ---ALL--- for every one (only without ingroups).', TEXT_WIDTH).optional(),
    statuses: text('Only these statuses, separated by dashes; ALLSTATUSES or ---ALL--- for every one.', TEXT_WIDTH).optional(),
    categories: text('Only the statuses of these categories, separated by dashes; ALLCATEGORIES or ---ALL--- for every one.', TEXT_WIDTH).optional(),
    users: text('Only calls of these users, separated by dashes; ALLUSERS or ---ALL--- for every one.', TEXT_WIDTH).optional(),
    user_groups: text('Only calls of the users of these groups, separated by dashes; ALLGROUPS or ---ALL--- for every one.', TEXT_WIDTH).optional(),
    status_breakdown: flag('Y or 1: a column per status.', ['Y', '1']).optional(),
    show_percentages: flag('Y or 1: with status_breakdown, each count with its percentage.', ['Y', '1']).optional(),
    file_download: integer('1: answer as a CSV file to download.', { max: 1 }).optional(),
    ...RANGE_PARAMS,
  }),
  denied,
  parameters: (p) =>
    (p.campaigns ?? '').length < 2 && (p.ingroups ?? '').length < 2 && (p.did_ids ?? '').length < 1 && (p.did_patterns ?? '').length < 2
      ? missing('call_dispo_report', 'CAMPAIGNS, INGROUPS, OR DIDS', p.source ?? '')
      : undefined,
  async run(call) {
    const { p, unit } = call;
    const store = unit.store;
    const when = range(call);
    if (!when) return { lines: [customLine('ERROR', 'call_dispo_report INVALID DATE OR TIME', `ERROR: call_dispo_report INVALID DATE OR TIME - ${p.source ?? ''}\n`)] };
    const scopes = await scopesOf(call);
    const visible = await callQueueScope(call, scopes);
    const isAll = (v: string | undefined, token: string) => (v ?? '').includes(ALL) || dashList(v).includes(token);

    const campaigns = (p.campaigns ?? '').length >= 2 ? await campaignsOf(call, p.campaigns, ['ALLCAMPAIGNS']) : [];
    let ingroups: string[] = [];
    if ((p.ingroups ?? '').length >= 2) {
      ingroups = isAll(p.ingroups, 'ALLGROUPS') ? (await store.campaigns.inboundGroupRows()).map((g) => g.group_id) : dashList(p.ingroups);
      ingroups = ingroups.filter((g) => !visible || visible.includes(g));
    }
    let didIds: string[] = [];
    if (ingroups.length === 0 && ((p.did_ids ?? '').length >= 1 || (p.did_patterns ?? '').length >= 2)) {
      if (isAll(p.did_ids, 'ALLDIDS') || isAll(p.did_patterns, 'ALLPATTERNS')) didIds = await store.reports.didIdsForPatterns(undefined);
      else didIds = [...dashList(p.did_ids), ...(await store.reports.didIdsForPatterns(dashList(p.did_patterns)))];
    }
    let statuses: string[] | undefined = p.statuses && !isAll(p.statuses, 'ALLSTATUSES') ? p.statuses.split('-').filter(Boolean) : undefined;
    if (p.categories && !isAll(p.categories, 'ALLCATEGORIES')) statuses = [...(statuses ?? []), ...(await store.reports.statusesInCategories(dashList(p.categories)))];
    let users: string[] | undefined = p.users && !isAll(p.users, 'ALLUSERS') ? dashList(p.users) : undefined;
    if (p.user_groups && !isAll(p.user_groups, 'ALLGROUPS')) users = [...(users ?? []), ...(await store.userAdmin.usersOfGroups(dashList(p.user_groups)))];

    const counts = [
      ...(await store.reports.dispoCounts('OUT', { ids: campaigns, ...when, ...(statuses ? { statuses } : {}), ...(users ? { users } : {}) })),
      ...(await store.reports.dispoCounts('IN', { ids: ingroups, ...when, ...(statuses ? { statuses } : {}), ...(users ? { users } : {}) })),
      ...(didIds.length > 0
        ? await store.reports.didDispoCounts({ didIds, ...when, ...(statuses ? { statuses } : {}), ...(users ? { users } : {}), ...(visible ? { campaigns: visible } : {}) })
        : []),
    ];
    const rowIds = [...campaigns, ...ingroups, ...new Set(counts.filter((c) => !campaigns.includes(c.id) && !ingroups.includes(c.id)).map((c) => c.id))];
    const breakdown = p.status_breakdown === '1' || p.status_breakdown === 'Y';
    const percentages = breakdown && (p.show_percentages === '1' || p.show_percentages === 'Y');
    const columns = breakdown ? [...new Set(counts.map((c) => c.status))].sort(natural) : [];
    const cell = (n: number, total: number) => (percentages ? `${n} (${total === 0 ? '0.0' : ((100 * n) / total).toFixed(1)}%)` : String(n));
    const line = (id: string, of: typeof counts) => {
      const total = of.reduce((a, c) => a + c.n, 0);
      const parts = columns.map((s) => cell(of.filter((c) => c.status === s).reduce((a, c) => a + c.n, 0), total));
      return [id, String(total), ...parts].join(',');
    };
    const text = [`CAMPAIGN,TOTAL CALLS${columns.map((s) => `,${s}`).join('')}`, ...rowIds.map((id) => line(id, counts.filter((c) => c.id === id))), line('TOTAL', counts)].join('\n');
    const download = Number(p.file_download ?? 0) > 0;
    const stamp = sqlDateTime(unit.now).replace(/[- :]/g, '');
    const headers: Record<string, string> = download
      ? {
          'Content-Type': 'application/octet-stream',
          'Content-Disposition': `attachment; filename="API_call_dispo_report_${stamp}.csv"`,
          Expires: '0',
          'Cache-Control': 'must-revalidate, post-check=0, pre-check=0',
          Pragma: 'public',
        }
      : { 'Content-Type': 'text/plain' };
    return { lines: [report('call_dispo_report', text)], headers };
  },
};
