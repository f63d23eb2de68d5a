/**
 * What an agent's own screen may do, as messages over its WebSocket: pause
 * and resume (now, or after this call), pause codes, hang up, disposition
 * (with a callback), dial (a number or one of its callbacks), transfer to an
 * in-group, an agent or a number, the 3-way call, park, DTMF, recording, and
 * saving the lead's fields. Every message is checked before anything changes;
 * a bad one gets an error — naming the field it is about — and changes nothing.
 */
import { z } from 'zod';
import type { Unit } from '../store/unit-of-work.js';
import { isSqlDateTime, sqlDateTime } from '../domain/clock.js';
import type { Lead, LeadEdit } from '../domain/lead.js';
import { hasLiveCall, phaseOf, type LiveAgent } from '../domain/live-agent.js';
import { parseSet } from '../domain/vicidial-sets.js';
import type { SessionCommands } from '../sessions/session-commands.js';
import { availableStatus } from '../sessions/rules.js';
import type { SessionService } from '../sessions/session-service.js';
import type { SettingsCache } from '../store/settings-cache.js';
import { PARK_ACTIONS, type Telephony, type TransferRequest } from '../telephony/telephony.js';
import { dtmfDigits } from '../domain/telephony.js';
import type { ScreenCommand as WireScreenCommand } from '../wire/agent-screen.js';

const ref = z.string().max(40).optional();
/** A message may name its agent; it must then be the socket's own. */
const user = z.string().max(20).optional();
const base = { ref, user };
const code = z.string().min(1).max(6).regex(/^[0-9A-Za-z_-]+$/);

export const screenCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping'), ...base }),
  z.object({ type: z.literal('pause'), ...base }),
  z.object({ type: z.literal('resume'), ...base }),
  z.object({ type: z.literal('cancel_pending'), ...base }),
  z.object({ type: z.literal('pause_code'), code, ...base }),
  z.object({ type: z.literal('hangup'), ...base }),
  z.object({
    type: z.literal('dispo'),
    status: code,
    callback: z.object({ at: z.string().max(19), type: z.enum(['USERONLY', 'ANYONE']), comments: z.string().max(200).default('') }).optional(),
    ...base,
  }),
  z.object({
    type: z.literal('dial'),
    phone: z.string().regex(/^\d{2,18}$/, 'digits only, 2 to 18').optional(),
    phoneCode: z.string().regex(/^\d{0,10}$/).default('1'),
    callbackId: z.number().int().positive().optional(),
    ...base,
  }),
  z.object({
    type: z.literal('transfer'),
    action: z.enum(['blind', 'ingroup', 'warm', 'dial', 'agent', 'agent_warm', 'hangup_xfer', 'hangup_both', 'leave_3way']),
    target: z.string().max(20).regex(/^[0-9A-Za-z_-]*$/, 'letters, digits, - and _ only').default(''),
    ...base,
  }),
  z.object({ type: z.literal('park'), action: z.enum(PARK_ACTIONS), ...base }),
  z.object({ type: z.literal('dtmf'), digits: z.string().min(1).max(40).regex(/^[0-9*#PSQ]+$/, 'digits, * and # only'), ...base }),
  z.object({ type: z.literal('record'), action: z.enum(['start', 'stop']), ...base }),
  z.object({ type: z.literal('save_lead'), fields: z.record(z.string().max(40), z.string().max(1000)), ...base }),
]);

export type ScreenCommand = z.infer<typeof screenCommand>;

/** The schema accepts exactly the commands the wire type declares: the browser and the server cannot drift apart. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const SCHEMA_MATCHES_WIRE: Same<z.input<typeof screenCommand>, WireScreenCommand> = true;

export class ScreenCommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The input the error is about, for the screen to show it there. */
    readonly field?: string,
  ) {
    super(message);
  }
}

const refuse = (code: string, message: string, field?: string): never => {
  throw new ScreenCommandError(code, message, field);
};

export interface ScreenDeps {
  readonly sessions: SessionService;
  readonly commands: SessionCommands;
  readonly telephony: Telephony;
  readonly settings: SettingsCache;
  /** update_fields' rules for lead fields (api/agent/lead-edit.ts). */
  readonly checkLeadEdit: (input: Readonly<Record<string, string>>, nonLatin: boolean) => LeadEdit;
}


/** Apply one command of `user`'s screen inside a unit; throws ScreenCommandError when it cannot apply. */
export async function applyScreenCommand(u: Unit, deps: ScreenDeps, user: string, command: ScreenCommand): Promise<void> {
  if (command.type === 'ping') return;
  const agent = await u.store.liveAgents.find(user);
  if (!agent) return refuse('no-session', 'You are not logged into a campaign.');
  const { sessions, commands, telephony } = deps;
  const phase = phaseOf(agent);
  switch (command.type) {
    case 'pause':
      if (phase === 'on-call' || phase === 'disposition') {
        // "Pause after this call", kept where the API keeps it.
        await commands.pauseAfterDisposition(u, agent);
        return;
      }
      await sessions.pause(u, agent, 'screen-pause');
      return;
    case 'cancel_pending':
      if (agent.commands.pause === 'LOGOUT' && (phase === 'on-call' || phase === 'disposition'))
        return refuse('logout-pending', 'A logout is waiting for the end of this call; it cannot be undone from the screen.');
      if (!agent.commands.pause.startsWith('PAUSE!') || (phase !== 'on-call' && phase !== 'disposition'))
        return refuse('nothing-pending', 'No pause is waiting for the end of this call.');
      // As an API RESUME during the call would: the pending PAUSE is replaced, the agent goes available afterwards.
      await commands.cancelPendingPause(u, agent);
      return;
    case 'resume':
      if (phase !== 'paused') return refuse('not-paused', 'Only a paused agent can resume.');
      await sessions.resume(u, agent, 'screen-resume');
      return;
    case 'pause_code': {
      if (agent.status !== 'PAUSED') return refuse('not-paused', 'Pause codes apply while paused.');
      const codes = await u.store.campaigns.pauseCodes(agent.campaignId);
      if (!codes.some((c) => c.code === command.code)) return refuse('unknown-pause-code', `${command.code} is not a pause code of ${agent.campaignId}.`, 'code');
      await sessions.setPauseCode(u, agent, command.code);
      return;
    }
    case 'hangup':
      if (!agent.call) return refuse('no-call', 'There is no call to hang up.');
      await sessions.endCall(u, agent, 'agent');
      return;
    case 'dispo':
      return disposition(u, deps, agent, command);
    case 'dial':
      return dial(u, deps, agent, command);
    case 'transfer':
      return transfer(u, deps, agent, command);
    case 'park':
      answeredCall(deps, agent);
      if (!(await telephony.park(u, agent, command.action))) refuse('no-call', 'There is no call to park.');
      return;
    case 'dtmf':
      answeredCall(deps, agent);
      await telephony.sendDtmf(u, agent, dtmfDigits(command.digits));
      return;
    case 'record':
      if (command.action === 'start') {
        if (!hasLiveCall(agent)) return refuse('no-call', 'There is no call to record.');
        const rec = await telephony.startRecording(u, agent, '');
        await commands.recording(u, agent, String(rec.recordingId));
      } else {
        await telephony.stopRecording(u, agent);
        await commands.recording(u, agent, '');
      }
      return;
    case 'save_lead':
      return saveLead(u, deps, agent, command.fields);
  }
}

/** Transfers, park and digits act on an answered call: not before the customer picks up. */
function answeredCall(deps: ScreenDeps, agent: LiveAgent): void {
  if (!hasLiveCall(agent)) refuse('no-call', 'There is no call.');
  if (deps.telephony.stateOf(agent).call?.stage === 'ringing') refuse('not-answered', 'The customer has not answered yet.');
}

async function disposition(u: Unit, deps: ScreenDeps, agent: LiveAgent, command: Extract<ScreenCommand, { type: 'dispo' }>) {
  if (phaseOf(agent) !== 'disposition') return refuse('not-in-disposition', 'There is no call to disposition.');
  const statuses = (await u.store.campaigns.dispositions(agent.campaignId)).filter((d) => d.selectable);
  const status = statuses.find((d) => d.status === command.status);
  if (!status) return refuse('unknown-status', `${command.status} is not a disposition of ${agent.campaignId}.`, 'status');
  if (!status.scheduledCallback) return void (await deps.sessions.disposition(u, agent, { status: status.status, qmCode: '' }, 'screen-disposition'));
  const at = command.callback?.at ?? '';
  if (!at) return refuse('callback-date-required', `${command.status} is a callback: choose its date and time.`, 'callback.at');
  if (!isSqlDateTime(at)) return refuse('callback-date-invalid', `${at} is not a date and time (YYYY-MM-DD HH:MM:SS).`, 'callback.at');
  const now = sqlDateTime(u.now);
  if (at <= now) return refuse('callback-in-past', `Choose a time after now (${now.slice(0, 16)}, server time).`, 'callback.at');
  const callback = { at, type: command.callback!.type, comments: command.callback!.comments };
  await deps.sessions.disposition(u, agent, { status: status.status, callback, qmCode: '' }, 'screen-disposition');
}

/**
 * A manual dial from the paused screen: a number, or one of the agent's own
 * callbacks (which is then done). Dialled from a pause, the agent stays
 * paused after the call — where the campaign would otherwise make it
 * available — until it unticks "stay paused after this call".
 */
async function dial(u: Unit, deps: ScreenDeps, agent: LiveAgent, command: Extract<ScreenCommand, { type: 'dial' }>) {
  if ((await u.store.users.find(agent.user))?.agentcallManual !== '1') return refuse('no-manual-dial', 'You may not place manual calls.');
  if (phaseOf(agent) !== 'paused') return refuse('not-paused', 'Pause before you dial.');
  let lead: Lead | undefined;
  let phone = command.phone ?? '';
  if (command.callbackId !== undefined) {
    const callback = await u.store.leads.findAgentCallback(agent.user, command.callbackId);
    lead = callback && (await u.store.leads.find(callback.leadId));
    if (!callback || !lead) return refuse('unknown-callback', 'That callback is not one of yours, or it has been called already.', 'callbackId');
    if (lead.phoneNumber.length < 2) return refuse('invalid-number', 'That callback’s lead has no number to dial.', 'callbackId');
    phone = lead.phoneNumber;
    await u.store.leads.closeCallback(callback.id, u.now);
  }
  if (!phone) return refuse('invalid-number', 'Enter the number to dial.', 'phone');
  const dialled = await deps.sessions.screenDial(u, agent, phone, lead?.phoneCode || command.phoneCode, lead);
  if (phaseOf(dialled) === 'on-call' && availableStatus(dialled, await deps.sessions.campaignOf(u, dialled)) !== 'PAUSED')
    await deps.commands.pauseAfterDisposition(u, dialled);
}

async function transfer(u: Unit, deps: ScreenDeps, agent: LiveAgent, command: Extract<ScreenCommand, { type: 'transfer' }>) {
  const { action, target } = command;
  answeredCall(deps, agent);
  const thirdParty = deps.telephony.stateOf(agent).call?.thirdParty;
  let request: TransferRequest;
  if (action === 'hangup_xfer' || action === 'hangup_both' || action === 'leave_3way') {
    // Leaving or hanging up a 3-way call that is not there would hang up the customer instead.
    if (!thirdParty) return refuse('no-3way', 'There is no 3-way call.');
    request = { kind: action === 'hangup_xfer' ? 'hangup-xfer' : action === 'hangup_both' ? 'hangup-both' : 'leave-3way' };
  } else if (thirdParty) return refuse('3way-in-progress', 'Hang up or leave the 3-way call first.');
  else if (action === 'ingroup' || action === 'warm') {
    const group = await u.store.campaigns.findInboundGroup(target);
    if (!group?.active) return refuse('unknown-ingroup', `${target || 'That'} is not an active in-group.`, 'target');
    request = { kind: 'ingroup', ingroup: group.id, agent: '', warm: action === 'warm' };
  } else if (action === 'agent' || action === 'agent_warm') {
    request = { kind: 'ingroup', ingroup: await agentRoute(u, deps, agent, target), agent: target, warm: action === 'agent_warm' };
  } else {
    if (!/^\d{2,18}$/.test(target)) return refuse('invalid-number', 'Give the number to transfer to, in digits.', 'target');
    request = action === 'blind' ? { kind: 'blind-number', number: target } : { kind: 'dial-with-customer', number: target };
  }
  if (!(await deps.telephony.transfer(u, agent, request))) refuse('no-call', 'There is no call to transfer.');
}

/**
 * A transfer to an agent waits in an in-group for that agent only (VICIdial's
 * AGENTDIRECT): the call's own in-group, else the campaign's default transfer
 * group, else its first in-group. The agent must be logged into the same campaign.
 */
async function agentRoute(u: Unit, deps: ScreenDeps, agent: LiveAgent, target: string): Promise<string> {
  const other = target && target !== agent.user ? await u.store.liveAgents.find(target) : undefined;
  if (!other || other.campaignId !== agent.campaignId) return refuse('unknown-agent', `${target || 'That agent'} is not logged into ${agent.campaignId}.`, 'target');
  const live = agent.call && (await u.store.liveAgents.findLiveCall(agent.call.callerId));
  const campaign = await deps.sessions.campaignOf(u, agent);
  const candidates = [agent.call?.kind === 'INBOUND' ? live?.campaignOrIngroup : undefined, campaign?.defaultXferGroup, ...parseSet(campaign?.closerCampaigns ?? '')];
  for (const id of candidates) if (id && (await u.store.campaigns.findInboundGroup(id))?.active) return id;
  return refuse('no-transfer-route', `${agent.campaignId} has no in-group to carry a transfer to an agent.`, 'target');
}

async function saveLead(u: Unit, deps: ScreenDeps, agent: LiveAgent, input: Readonly<Record<string, string>>) {
  if (agent.leadId < 1) return refuse('no-lead', 'There is no lead on your screen.');
  const edit = deps.checkLeadEdit(input, (await deps.settings.current()).useNonLatin);
  if (!edit.ok) return refuse('invalid-field', edit.message, `fields.${edit.field}`);
  const names = Object.keys(edit.fields);
  if (names.length === 0) return;
  await u.store.leads.updateFields(agent.leadId, edit.fields, u.now);
  u.events.add({ type: 'lead.updated', user: agent.user, leadId: agent.leadId, fields: names });
}
