/**
 * call_status_stats and call_dispo_report (spec §7.8, §7.9): call counts per
 * campaign and in-group from the call logs. Both check their parameters
 * before anything else and have no source check. agentgate limits both to
 * the campaigns and in-groups the API user may see (VICIdial applies no scope).
 */
import { sqlDateTime } from '../../../domain/clock.js';
import { customLine, type Line } from '../../legacy/lines.js';
import { report, t1 } from '../messages.js';
import type { NonAgentCall, NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, VIEW_REPORTS } from '../permissions.js';
import { callQueueScope, campaignList, scopesOf } from '../scope.js';

const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
const dashList = (v: string | undefined) => (v ?? '').split(/[-,|]/).filter(Boolean);
const ALL = '---ALL---';

function missing(fn: string, what: string, source: string): Line[] {
  return [
    customLine('ERROR', `${fn} INVALID OR MISSING ${what}`, `ERROR: ${fn} INVALID OR MISSING ${what} - ${source}\n`),
    customLine('ERROR', 'Invalid Source', `ERROR: Invalid Source: |${source}|\n`),
  ];
}

/** The time range of query_date/query_time … end_date/end_time, or undefined when a part is not a date or time. */
function range(call: NonAgentCall): { start: string; end: string } | undefined {
  const p = call.p;
  const today = sqlDateTime(call.unit.now).slice(0, 10);
  const date = p.query_date || today;
  const start = `${date} ${p.query_time || '00:00:00'}`;
  const end = `${p.end_date || date} ${p.end_time || '23:59:59'}`;
  const ok = (t: string) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(t);
  return ok(start) && ok(end) ? { start, end } : undefined;
}

const denied = (user: string) => t1('ERROR', 'call_status_stats USER DOES NOT HAVE PERMISSION TO VIEW STATS', [user, '0', '']);

/** Requested campaign ids within scope; `all` tokens mean every campaign the user may see. */
async function campaignsOf(call: NonAgentCall, value: string | undefined, allTokens: string[]): Promise<string[]> {
  const scope = campaignList((await scopesOf(call)).campaigns);
  const requested = dashList(value);
  const everything = (value ?? '').includes(ALL) || requested.some((r) => allTokens.includes(r));
  const ids = everything ? await call.unit.store.campaigns.allCampaignIds() : requested;
  return ids.filter((id) => !scope || scope.includes(id));
}

export const callStatusStats: NonAgentFunction = {
  name: 'call_status_stats',
  prelude: 'parameters-first',
  requires: [VIEW_REPORTS, levelAbove(8)],
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

export const callDispoReport: NonAgentFunction = {
  name: 'call_dispo_report',
  prelude: 'parameters-first',
  requires: [VIEW_REPORTS, levelAbove(8)],
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
