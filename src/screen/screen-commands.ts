/**
 * What an agent's own screen may do, as messages over its WebSocket: pause
 * and resume, pause codes, hang up, disposition, dial, transfer, park,
 * DTMF, recording. Every message is checked before anything changes; a bad
 * one gets an error and changes nothing.
 */
import { z } from 'zod';
import type { Unit } from '../store/unit-of-work.js';
import { isSqlDateTime } from '../domain/clock.js';
import { phaseOf, type LiveAgent } from '../domain/live-agent.js';
import type { SessionCommands } from '../sessions/session-commands.js';
import type { SessionService } from '../sessions/session-service.js';
import { PARK_ACTIONS, type Telephony, type TransferRequest } from '../telephony/telephony.js';
import { dtmfDigits } from '../domain/telephony.js';

const ref = z.string().max(40).optional();
/** A message may name its agent; it must then be the socket's own. */
const user = z.string().max(20).optional();
const base = { ref, user };

export const screenCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping'), ...base }),
  z.object({ type: z.literal('pause'), ...base }),
  z.object({ type: z.literal('resume'), ...base }),
  z.object({ type: z.literal('pause_code'), code: z.string().min(1).max(6).regex(/^[0-9A-Za-z_-]+$/), ...base }),
  z.object({ type: z.literal('hangup'), ...base }),
  z.object({
    type: z.literal('dispo'),
    status: z.string().min(1).max(6).regex(/^[0-9A-Za-z_-]+$/),
    callback: z.object({ at: z.string().max(19), type: z.enum(['USERONLY', 'ANYONE']), comments: z.string().max(200).default('') }).optional(),
    ...base,
  }),
  z.object({ type: z.literal('dial'), phone: z.string().regex(/^\d{2,18}$/, 'digits only, 2 to 18'), phoneCode: z.string().regex(/^\d{0,10}$/).default('1'), ...base }),
  z.object({
    type: z.literal('transfer'),
    action: z.enum(['blind', 'ingroup', 'warm', 'dial', 'hangup_xfer', 'hangup_both', 'leave_3way']),
    target: z.string().max(20).regex(/^[0-9A-Za-z_-]*$/).default(''),
    ...base,
  }),
  z.object({ type: z.literal('park'), action: z.enum(PARK_ACTIONS), ...base }),
  z.object({ type: z.literal('dtmf'), digits: z.string().min(1).max(40).regex(/^[0-9*#PSQ]+$/), ...base }),
  z.object({ type: z.literal('record'), action: z.enum(['start', 'stop']), ...base }),
]);

export type ScreenCommand = z.infer<typeof screenCommand>;

export class ScreenCommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const refuse = (code: string, message: string): never => {
  throw new ScreenCommandError(code, message);
};

export interface ScreenDeps {
  readonly sessions: SessionService;
  readonly commands: SessionCommands;
  readonly telephony: Telephony;
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
        // "Pause after disposition", kept where the API keeps it.
        await commands.pauseAfterDisposition(u, agent);
        return;
      }
      await sessions.pause(u, agent, 'screen-pause');
      return;
    case 'resume':
      if (phase !== 'paused') return refuse('not-paused', 'Only a paused agent can resume.');
      await sessions.resume(u, agent, 'screen-resume');
      return;
    case 'pause_code': {
      if (agent.status !== 'PAUSED') return refuse('not-paused', 'Pause codes apply while paused.');
      const codes = await u.store.campaigns.pauseCodes(agent.campaignId);
      if (!codes.some((c) => c.code === command.code)) return refuse('unknown-pause-code', `${command.code} is not a pause code of ${agent.campaignId}.`);
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
      if ((await u.store.users.find(user))?.agentcallManual !== '1') return refuse('no-manual-dial', 'You may not place manual calls.');
      if (phase !== 'paused') return refuse('not-paused', 'Pause before you dial.');
      await sessions.screenDial(u, agent, command.phone, command.phoneCode);
      return;
    case 'transfer':
      return transfer(u, deps, agent, command);
    case 'park':
      if (!(await telephony.park(u, agent, command.action))) refuse('no-call', 'There is no call to park.');
      return;
    case 'dtmf':
      await telephony.sendDtmf(u, agent, dtmfDigits(command.digits));
      return;
    case 'record':
      if (command.action === 'start') {
        const rec = await telephony.startRecording(u, agent, '');
        await commands.recording(u, agent, String(rec.recordingId));
      } else {
        await telephony.stopRecording(u, agent);
        await commands.recording(u, agent, '');
      }
      return;
  }
}

async function disposition(u: Unit, deps: ScreenDeps, agent: LiveAgent, command: Extract<ScreenCommand, { type: 'dispo' }>) {
  if (phaseOf(agent) !== 'disposition') return refuse('not-in-disposition', 'There is no call to disposition.');
  const statuses = (await u.store.campaigns.dispositions(agent.campaignId)).filter((d) => d.selectable);
  const status = statuses.find((d) => d.status === command.status);
  if (!status) return refuse('unknown-status', `${command.status} is not a disposition of ${agent.campaignId}.`);
  if (status.scheduledCallback && (!command.callback || !isSqlDateTime(command.callback.at)))
    return refuse('callback-date-required', `${command.status} is a callback: give its date as YYYY-MM-DD HH:MM:SS.`);
  const callback = status.scheduledCallback && command.callback ? { at: command.callback.at, type: command.callback.type, comments: command.callback.comments } : undefined;
  await deps.sessions.disposition(u, agent, callback ? { status: status.status, callback, qmCode: '' } : { status: status.status, qmCode: '' }, 'screen-disposition');
}

async function transfer(u: Unit, deps: ScreenDeps, agent: LiveAgent, command: Extract<ScreenCommand, { type: 'transfer' }>) {
  const { action, target } = command;
  let request: TransferRequest;
  if (action === 'ingroup' || action === 'warm') {
    const group = await u.store.campaigns.findInboundGroup(target);
    if (!group?.active) return refuse('unknown-ingroup', `${target} is not an active in-group.`);
    request = { kind: 'ingroup', ingroup: group.id, agent: '', warm: action === 'warm' };
  } else if (action === 'blind' || action === 'dial') {
    if (!/^\d{2,18}$/.test(target)) return refuse('invalid-number', 'Give the number to transfer to, in digits.');
    request = action === 'blind' ? { kind: 'blind-number', number: target } : { kind: 'dial-with-customer', number: target };
  } else request = { kind: action === 'hangup_xfer' ? 'hangup-xfer' : action === 'hangup_both' ? 'hangup-both' : 'leave-3way' };
  if (!(await deps.telephony.transfer(u, agent, request))) refuse('no-call', 'There is no call to transfer.');
}
