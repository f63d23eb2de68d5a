/**
 * Every agent API function, by name: the one registry both faces (the legacy
 * /agc/api.php and, later, the JSON API) dispatch through.
 */
import type { AgentFunction } from './agent-function.js';
import { audioPlayback } from './functions/audio-playback.js';
import { callAgent } from './functions/call-agent.js';
import { callsInQueueCount } from './functions/calls-in-queue-count.js';
import { changeIngroups } from './functions/change-ingroups.js';
import { externalAddLead } from './functions/external-add-lead.js';
import { externalDial } from './functions/external-dial.js';
import { externalHangup } from './functions/external-hangup.js';
import { externalPause } from './functions/external-pause.js';
import { externalStatus } from './functions/external-status.js';
import { forceFronterAudioStop } from './functions/force-fronter-audio-stop.js';
import { forceFronterLeave3way } from './functions/force-fronter-leave-3way.js';
import { logout } from './functions/logout.js';
import { parkCall } from './functions/park-call.js';
import { pauseCode } from './functions/pause-code.js';
import { previewDialAction } from './functions/preview-dial-action.js';
import { raCallControl } from './functions/ra-call-control.js';
import { recording } from './functions/recording.js';
import { refreshPanel } from './functions/refresh-panel.js';
import { sendDtmf } from './functions/send-dtmf.js';
import { sendNotification } from './functions/send-notification.js';
import { setTimerAction } from './functions/set-timer-action.js';
import { stGetAgentActiveLead } from './functions/st-get-agent-active-lead.js';
import { stLoginLog } from './functions/st-login-log.js';
import { switchLead } from './functions/switch-lead.js';
import { transferConference } from './functions/transfer-conference.js';
import { updateFields } from './functions/update-fields.js';
import { vmMessage } from './functions/vm-message.js';
import { webphoneUrl } from './functions/webphone-url.js';
import { webserver, type ServerInfo } from './functions/webserver.js';

export function agentFunctions(info: ServerInfo): ReadonlyMap<string, AgentFunction> {
  const all: AgentFunction[] = [
    webserver(info),
    externalHangup,
    externalStatus,
    externalPause,
    logout,
    externalDial,
    previewDialAction,
    externalAddLead,
    changeIngroups,
    updateFields,
    setTimerAction,
    stLoginLog,
    stGetAgentActiveLead,
    pauseCode,
    switchLead,
    callsInQueueCount,
    recording,
    vmMessage,
    refreshPanel,
    sendNotification,
    transferConference,
    parkCall,
    sendDtmf,
    raCallControl,
    callAgent,
    audioPlayback,
    webphoneUrl,
    forceFronterLeave3way,
    forceFronterAudioStop,
  ];
  return new Map(all.map((fn) => [fn.name, fn]));
}

/** Names an administrator may put in API Allowed Functions for the agent API (plus version). */
export const AGENT_FUNCTION_NAMES: readonly string[] = [
  'version',
  ...agentFunctions({ version: '', startedAt: new Date(0) }).keys(),
];
