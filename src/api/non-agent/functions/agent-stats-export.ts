/**
 * agent_stats_export (spec §7.6): per-agent activity over a time range, from
 * vicidial_agent_log. agentgate limits it to the API user's allowed campaigns
 * (VICIdial applies no scope) and fixes two legacy sums: the first row's
 * dispo time is counted once, and avg_talk_time is this agent's own.
 */
import { isSqlDateTime } from '../../../domain/clock.js';
import { flag, params, text } from '../../parameters.js';
import { report, t1, t3, t4 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, VDC, VIEW_REPORTS } from '../permissions.js';
import { delimiter, formatDuration, phpRound1, ratio, REPORT_PARAMS, table, wantsHeader } from '../report-format.js';
import { campaignList, scopesOf } from '../scope.js';

type Row = { user: string | null; lead_id: number | null; sub_status: string | null; pause_sec: number; wait_sec: number; talk_sec: number; dispo_sec: number; dead_sec: number; pause_epoch: number | null; campaign_id: string | null };

const HEADER = [
  'user', 'full_name', 'user_group', 'calls', 'login_time', 'total_talk_time', 'avg_talk_time', 'avg_wait_time', 'pct_of_queue', 'pause_time',
  'sessions', 'avg_session', 'pauses', 'avg_pause_time', 'pause_pct', 'pauses_per_session', 'wait_time', 'talk_time', 'dispo_time', 'dead_time',
];

export const agentStatsExport: NonAgentFunction = {
  name: 'agent_stats_export',
  prelude: 'standard',
  requires: [VDC, VIEW_REPORTS, levelAbove(6)],
  params: params({
    datetime_start: text('The start of the period, YYYY-MM-DD HH:MM:SS.', 19),
    datetime_end: text('The end of the period, YYYY-MM-DD HH:MM:SS.', 19),
    agent_user: text('Only this agent.', 20).optional(),
    campaign_id: text('Only this campaign.', 8).optional(),
    time_format: text('How durations print: HF or H (H:MM:SS, the default), M (M:SS) or S (seconds).', 2).optional(),
    group_by_campaign: flag('YES: one row per campaign and agent.', ['YES', 'NO']).optional(),
    ...REPORT_PARAMS,
  }),
  denied: (user) => t1('ERROR', 'agent_stats_export USER DOES NOT HAVE PERMISSION TO GET AGENT INFO', [user, '0', '']),
  async run(call) {
    const { p, unit, rights } = call;
    const start = (p.datetime_start ?? '').replace('+', ' ');
    const end = (p.datetime_end ?? '').replace('+', ' ');
    const agentUser = p.agent_user ?? '';
    const campaignId = p.campaign_id ?? '';
    const data = [rights.user, agentUser, p.datetime_start ?? '', p.datetime_end ?? '', campaignId];
    if (!isSqlDateTime(start) || !isSqlDateTime(end) || agentUser.length > 20 || campaignId.length > 8)
      return { lines: [t3('ERROR', 'agent_stats_export INVALID SEARCH PARAMETERS', data)] };
    const grouped = p.group_by_campaign === 'YES';
    const campaigns = campaignList((await scopesOf(call)).campaigns);
    const rows = (await unit.store.reports.agentLogRange({
      start,
      end,
      ...(agentUser ? { user: agentUser } : {}),
      ...(campaignId ? { campaignId } : {}),
      ...(campaigns ? { campaigns } : {}),
      groupByCampaign: grouped,
    })) as Row[];
    if (rows.length === 0) return { lines: [t4('ERROR', 'agent_stats_export NO RECORDS FOUND', data)] };

    const groups: Row[][] = [];
    let key = '';
    for (const row of rows) {
      const k = (grouped ? `${row.campaign_id ?? ''} ${row.user ?? ''}` : (row.user ?? '')).toLowerCase();
      if (groups.length === 0 || k !== key) groups.push([]);
      key = k;
      groups[groups.length - 1]!.push(row);
    }
    const totalCalls = rows.filter((r) => Number(r.lead_id) > 0).length;
    const users = await unit.store.userAdmin.summaries(groups.map((g) => g[0]!.user ?? ''));
    const T = (s: number) => formatDuration(s, p.time_format);
    const out = groups.map((g) => {
      const first = g[0]!;
      const last = g[g.length - 1]!;
      const sum = (f: 'pause_sec' | 'wait_sec' | 'talk_sec' | 'dispo_sec' | 'dead_sec') => g.reduce((a, r) => a + Number(r[f]), 0);
      const calls = g.filter((r) => Number(r.lead_id) > 0).length;
      const pauses = g.length;
      const sessions = Math.max(1, g.filter((r) => /LOGIN/.test(r.sub_status ?? '')).length);
      const [pause, wait, talk, dispo, dead] = [sum('pause_sec'), sum('wait_sec'), sum('talk_sec'), sum('dispo_sec'), sum('dead_sec')];
      let login = pause + wait + talk + dispo;
      if (grouped) {
        const span = Number(last.pause_epoch ?? 0) - Number(first.pause_epoch ?? 0);
        const lastOwn = Number(last.pause_sec) + Number(last.wait_sec) + Number(last.talk_sec) + Number(last.dispo_sec);
        login = Math.min(login, span + lastOwn);
      }
      const shown = (v: number) => (calls === 0 ? 0 : v);
      const cust = shown(talk - dead);
      const user = users.get(first.user ?? '');
      const pausePct = pauses < 1 || login < 1 ? 100 : ratio(pause, login) * 100;
      return [
        ...(grouped ? [first.campaign_id ?? ''] : []),
        first.user ?? '', user?.fullName ?? '', user?.group ?? '', calls, T(login), T(cust), T(ratio(cust, calls)), T(ratio(wait, calls)),
        `${phpRound1(ratio(calls, totalCalls) * 100)}%`, pause, sessions, T(ratio(login, sessions)), pauses, T(ratio(pause, pauses)),
        `${phpRound1(pausePct)}%`, Math.round(ratio(pauses, sessions)), T(shown(wait)), T(shown(talk)), T(shown(dispo)), T(shown(dead)),
      ];
    });
    const header = grouped ? ['campaign_id', ...HEADER] : HEADER;
    return { lines: [report('agent_stats_export', table(wantsHeader(p.header) ? header : undefined, out, delimiter(p.stage)))] };
  },
};
