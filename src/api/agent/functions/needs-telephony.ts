/**
 * The functions that act on calls through telephony (transfers, parking,
 * DTMF, playback…) arrive with the call simulator. Until then they pass the
 * usual gates and answer one clear line instead of pretending to work.
 */
import { error, reply } from '../../legacy/lines.js';
import type { AgentFunction } from '../agent-function.js';

export const TELEPHONY_FUNCTIONS = [
  'transfer_conference',
  'park_call',
  'send_dtmf',
  'ra_call_control',
  'call_agent',
  'audio_playback',
  'webphone_url',
  'force_fronter_leave_3way',
  'force_fronter_audio_stop',
] as const;

export function needsTelephony(name: string): AgentFunction {
  return {
    name,
    target: 'none',
    deniedLayout: 'value',
    validate: () => undefined,
    async run(call) {
      return reply(error(`${name} needs telephony, which this agentgate does not have yet`, [call.p.agent_user ?? '']));
    },
  };
}
