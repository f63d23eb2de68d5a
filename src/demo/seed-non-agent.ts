/**
 * Demo data for the non-agent API: its API account and the time-zone and
 * call-time rows add_lead needs. The call simulator writes the call history
 * the reports read; seedCallHistory() writes a fixed morning of it for tests.
 */
import { sqlDateTime, epochSeconds } from '../domain/clock.js';
import type { Store } from '../store/store.js';

export const NON_AGENT_ADMIN = '6000';

/** The full set of administrative flags the non-agent API reads. */
export const ADMIN_FLAGS = {
  user_level: 9,
  vdc_agent_api_access: '1',
  view_reports: '1',
  modify_leads: '1',
  modify_lists: '1',
  delete_lists: '1',
  delete_from_dnc: '1',
  custom_fields_modify: '1',
  modify_users: '1',
  delete_users: '1',
  modify_same_user_level: '1',
} as const;

/** TESTCAMP's script (campaign_script): VICIdial's --A--field--B-- placeholders take the lead's values on screen. */
export const DEMO_SCRIPT_TEXT = [
  'Hello, may I speak with --A--first_name--B-- --A--last_name--B--?',
  '',
  'This is --A--fullname--B-- calling for the --A--campaign--B-- campaign.',
  'I see you are in --A--city--B--, --A--state--B--. Is --A--phone_number--B-- still the best number to reach you?',
  '',
  'If yes: thank them, offer the product and ask for the sale (SALE).',
  'If they want time to think: offer a callback at a time that suits them (CALLBK).',
  'If not: thank them for their time (NI).',
].join('\n');

/** How a demo user's password is stored: agentgate's hash, or VICIdial's plain column (test/support/dropin-database.ts). */
export type PasswordColumns = { readonly pass_hash: string } | { readonly pass: string; readonly pass_hash: '' };

export async function seedNonAgentDemo(tx: Store, password: PasswordColumns): Promise<void> {
  // API Only: an account for the API, never for a screen or the admin console.
  await tx.users.insert({ ...ADMIN_FLAGS, api_only_user: '1', user: NON_AGENT_ADMIN, ...password, full_name: 'Non-agent API administrator', user_group: 'ADMIN' });

  const zones: [string, string, string, boolean, string][] = [
    ['USA', '312', 'IL', true, '-6.00'],
    ['USA', '617', 'MA', true, '-5.00'],
    ['USA', '213', 'CA', true, '-8.00'],
    ['USA', '808', 'HI', false, '-10.00'],
  ];
  await tx.referenceData.add({
    phoneCodes: zones.map(([country, areaCode, state, dst, gmtOffset]) => ({
      countryCode: 1,
      country,
      areaCode,
      state,
      gmtOffset,
      dst,
      dstRange: dst ? 'SSM-FSN' : '',
      description: state,
    })),
    postalCodes: [{ postalCode: '60601', state: 'IL', gmtOffset: '-6.00', dst: true, dstRange: 'SSM-FSN', country: 'USA', countryCode: 1 }],
    callTimes: [
      { id: '9am-9pm', name: 'default 9am to 9pm', defaultStart: 900, defaultStop: 2100 },
      { id: '24hours', name: 'default 24 hours', defaultStart: 0, defaultStop: 2400 },
    ],
    scripts: [{ id: 'DEMOSCRIPT', name: 'Demo script', text: DEMO_SCRIPT_TEXT, active: true }],
    phones: [{ extension: '8001', login: 'demo8001' }],
  });
}

/**
 * A morning of call and agent history for agent 1001, ending at `now`: a
 * login, two outbound calls of TESTCAMP (SALE, NI) and an inbound call of
 * TESTIN (SALE), each with its agent-log row and caller code.
 */
export async function seedCallHistory(tx: Store, now: Date): Promise<void> {
  const at = (secondsAgo: number) => new Date(now.getTime() - secondsAgo * 1000);
  // Agent 1001 worked TESTCAMP that morning: a login, two outbound calls and an inbound one.
  const calls: [string, number, 'OUT' | 'IN', string, string, number, string][] = [
    ['1700000001.1', 1, 'OUT', 'TESTCAMP', 'SALE', 5400, 'V1128090000000000001'],
    ['1700000002.1', 2, 'OUT', 'TESTCAMP', 'NI', 4800, 'V1128091000000000002'],
    ['1700000003.1', 3, 'IN', 'TESTIN', 'SALE', 3600, 'Y1128092000000000003'],
  ];
  for (const [uniqueid, leadId, kind, campaign, status, ago, callerCode] of calls) {
    const start = at(ago);
    const row = {
      uniqueid,
      lead_id: leadId,
      list_id: 101,
      campaign_id: campaign,
      call_date: sqlDateTime(start),
      start_epoch: epochSeconds(start),
      end_epoch: epochSeconds(start) + 120,
      length_in_sec: 120,
      status,
      phone_code: '1',
      phone_number: `312555010${leadId}`,
      user: '1001',
      user_group: 'AGENTS',
      comments: kind === 'IN' ? '' : 'AUTO',
    };
    await tx.reports.insertCallLog(kind, row);
    await tx.reports.insertLogExtended({ uniqueid, call_date: sqlDateTime(start), lead_id: leadId, caller_code: callerCode, server_ip: '127.0.0.1' });
  }
  await tx.reports.insertAgentLog({ user: '1001', server_ip: '127.0.0.1', event_time: sqlDateTime(at(6000)), lead_id: 0, campaign_id: 'TESTCAMP', pause_epoch: epochSeconds(at(6000)), pause_sec: 300, wait_sec: 0, talk_sec: 0, dispo_sec: 0, dead_sec: 0, sub_status: 'LOGIN', user_group: 'AGENTS', uniqueid: '' });
  for (const [uniqueid, leadId, , , status, ago] of calls)
    await tx.reports.insertAgentLog({
      user: '1001',
      server_ip: '127.0.0.1',
      event_time: sqlDateTime(at(ago + 30)),
      lead_id: leadId,
      campaign_id: 'TESTCAMP',
      pause_epoch: epochSeconds(at(ago + 30)),
      pause_sec: 10,
      wait_sec: 20,
      talk_sec: 120,
      dispo_sec: 15,
      dead_sec: 5,
      status,
      sub_status: '',
      user_group: 'AGENTS',
      uniqueid,
    });
}
