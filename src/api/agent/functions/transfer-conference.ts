/**
 * transfer_conference (agent-api.md §8.19): transfer the agent's call (blind
 * or warm, to an in-group, an agent or a number), dial a third party into the
 * conference, hang up either side, or leave the three-way call.
 */
import { error, reply, success, type Line, type Reply } from '../../legacy/lines.js';
import { HANGUP_AND_LEAVE_ACTIONS, type TransferCommand } from '../../../sessions/command-values.js';
import type { TransferRequest } from '../../../telephony/telephony.js';
import { choice, flag, params, text } from '../../parameters.js';
import type { AgentCall, AgentFunction } from '../agent-function.js';
import { groupAliasCallerId, hasTarget, liveCallRefusal, notValid } from './shared.js';

const CID_CHOICES = ['CAMPAIGN', 'AGENT_PHONE', 'CUSTOMER', 'CUSTOM_CID'];
const DIAL_ACTIONS = new Set(['BLIND_TRANSFER', 'LEAVE_VM', 'DIAL_WITH_CUSTOMER', 'PARK_CUSTOMER_DIAL']);
/** Every action api.php takes: any other value is refused. */
const ACTIONS = ['LOCAL_CLOSER', ...DIAL_ACTIONS, ...HANGUP_AND_LEAVE_ACTIONS] as [string, ...string[]];

/** multi_dial_phones: entries of 5–18 digits, without those contained in an entry already taken. */
export function multiDialPhones(text: string): { accepted: string[]; submitted: number } {
  const entries = text.split(',').filter((e) => e.length > 0);
  const accepted: string[] = [];
  for (const entry of entries) {
    if (entry.length < 5 || entry.length > 18) continue;
    if (accepted.some((a) => a.includes(entry))) continue;
    accepted.push(entry);
  }
  return { accepted, submitted: entries.length };
}

/** The in-group a transfer names; DEFAULTINGROUP is the call's own in-group or the campaign's default. */
async function transferIngroup(call: AgentCall, named: string): Promise<string | undefined> {
  const { unit, agent } = call;
  let group = named;
  if (named === 'DEFAULTINGROUP') {
    const live = agent.call ? await unit.store.liveAgents.findLiveCall(agent.call.callerId) : undefined;
    group = live?.direction === 'IN' ? live.campaignOrIngroup : ((await unit.store.campaigns.find(agent.campaignId))?.defaultXferGroup ?? '');
  }
  const found = group ? await unit.store.campaigns.findInboundGroup(group) : undefined;
  return found?.active ? found.id : undefined;
}

/** api.php's $consultative: anything but YES, a missing parameter included, is NO (agent-api.md §3). */
const consultativeOf = (p: AgentCall['p']) => (p.consultative === 'YES' ? 'YES' : 'NO');

/** What the telephony does for the command; undefined where the screen would do nothing. */
function requestFor(value: string, p: AgentCall['p'], group: string): TransferRequest | undefined {
  const phone = p.phone_number ?? '';
  const warm = consultativeOf(p) === 'YES';
  if (value === 'LOCAL_CLOSER' || (warm && (value === 'DIAL_WITH_CUSTOMER' || value === 'PARK_CUSTOMER_DIAL')))
    return { kind: 'ingroup', ingroup: group, agent: group === 'AGENTDIRECT' ? phone : '', warm };
  if (value === 'BLIND_TRANSFER') return phone ? { kind: 'blind-number', number: phone } : undefined;
  if (value === 'LEAVE_VM') return { kind: 'voicemail' };
  if (value === 'DIAL_WITH_CUSTOMER') return phone ? { kind: 'dial-with-customer', number: phone } : undefined;
  if (value === 'PARK_CUSTOMER_DIAL') return phone ? { kind: 'park-customer-dial', number: phone } : undefined;
  if (value === 'HANGUP_XFER') return { kind: 'hangup-xfer' };
  if (value === 'HANGUP_BOTH') return { kind: 'hangup-both' };
  if (value === 'LEAVE_3WAY_CALL') return { kind: 'leave-3way' };
  return undefined;
}

/** The command of agent-api.md §7 for the action (api.php's three branches), or a refusal. */
async function command(call: AgentCall, value: string): Promise<{ command: TransferCommand; group: string } | Line> {
  const { p, agentUser, epoch } = call;
  const consultative = consultativeOf(p);
  const phone = p.phone_number ?? '';
  if (HANGUP_AND_LEAVE_ACTIONS.has(value)) return { command: { action: value, epoch }, group: '' };
  const toIngroup = value === 'LOCAL_CLOSER' || (consultative === 'YES' && (value === 'DIAL_WITH_CUSTOMER' || value === 'PARK_CUSTOMER_DIAL'));
  if (!toIngroup && !DIAL_ACTIONS.has(value)) return error('value is not valid', [value, call.apiUser.user]);

  let group = '';
  if (toIngroup) {
    const named = (p.ingroup_choices ?? '').trim();
    const found = named.length >= 2 ? await transferIngroup(call, named) : undefined;
    if (!found) return error('ingroup is not valid', [p.ingroup_choices ?? '']);
    group = found;
  }
  const groupAlias = p.group_alias ?? '';
  const cid = await groupAliasCallerId(call, groupAlias);
  if (typeof cid !== 'string') return cid;
  const cidChoice = p.cid_choice ?? '';
  if (cidChoice && !CID_CHOICES.some((c) => cidChoice.includes(c))) return error('cid_choice is not valid', [agentUser, cidChoice]);
  const target = { phoneNumber: phone, groupAlias, callerIdNumber: cid, cidChoice };
  return toIngroup
    ? { command: { action: value, epoch, ingroup: group, consultative, ...target }, group }
    : { command: { action: value, epoch, dialOverride: p.dial_override ?? '', ...target }, group };
}

export const transferConference: AgentFunction = {
  name: 'transfer_conference',
  target: 'agent-or-alt',
  deniedLayout: 'value',
  params: params({
    value: choice(ACTIONS, 'The action: transfer to an in-group (LOCAL_CLOSER) or a number, dial a third party, leave a voicemail, hang up a side, or leave the 3-way call.'),
    ingroup_choices: text("LOCAL_CLOSER and consultative dials: the in-group, or DEFAULTINGROUP for the call's own.", 20).optional(),
    phone_number: text('The number to dial, or the agent to reach through an AGENTDIRECT in-group.', 20).optional(),
    consultative: flag('YES: a warm transfer to the in-group; anything else is NO.', ['YES', 'NO']).optional(),
    dial_override: flag('YES: dial the number exactly as given.', ['YES', 'NO']).optional(),
    group_alias: text('A group alias whose caller id the dial shows.', 30).optional(),
    cid_choice: text('The caller id to show: CAMPAIGN, AGENT_PHONE, CUSTOMER or CUSTOM_CID.', 20).optional(),
    multi_dial_phones: text('Several numbers to dial at once, comma-separated (5 to 18 digits each).', 255).optional(),
    tw_check: flag('YES: refuse while the agent already has a 3-way call.', ['YES', 'NO']).optional(),
  }),
  gates: ['live_call'],
  validate(p) {
    const value = p.value ?? '';
    if (value.length < 8 || value.includes('|') || !hasTarget(p, 1, 2)) return notValid('transfer_conference', [value, p.agent_user ?? '']);
    return undefined;
  },
  async run(call) {
    const { p, unit, agent, agentUser } = call;
    const value = p.value ?? '';
    const noCall = liveCallRefusal(call);
    if (noCall) return reply(noCall);
    const built = await command(call, value);
    if ('result' in built) return reply(built);

    let multi = '';
    const phones = p.multi_dial_phones ?? '';
    if (phones.length > 4) {
      // md_check: no earlier 3-way press calls are kept here, so none can still be active.
      const { accepted, submitted } = multiDialPhones(phones);
      const rows = await unit.store.telephony.saveThreeWayPhones(agentUser, accepted, unit.now);
      multi = `|Multi-phones: ${accepted.join(',')} ${submitted} ${rows}`;
    }
    const threeWay = p.tw_check === 'YES' ? await call.telephony.threeWayCalls(unit, agent) : 0;
    if (threeWay > 0) return reply(error('agent_user has current active 3-way call', [agentUser, threeWay, 0, 'YES']));

    const written = await call.commands.transfer(unit, agent, built.command);
    const request = requestFor(value, p, built.group);
    if (request) await call.telephony.transfer(unit, written, request);
    const line = success('transfer_conference function set', [
      value,
      p.ingroup_choices ?? '',
      p.phone_number ?? '',
      consultativeOf(p),
      agentUser,
      `${agent.call?.callerId ?? ''}${multi}|`,
    ]);
    const out: Reply = reply(line);
    return out;
  },
};
