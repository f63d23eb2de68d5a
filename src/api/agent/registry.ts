/**
 * Every agent API function, by name: the one registry both faces (the legacy
 * /agc/api.php and, later, the JSON API) dispatch through.
 */
import type { AgentFunction } from './agent-function.js';
import { callsInQueueCount } from './functions/calls-in-queue-count.js';
import { changeIngroups } from './functions/change-ingroups.js';
import { externalAddLead } from './functions/external-add-lead.js';
import { externalDial } from './functions/external-dial.js';
import { externalHangup } from './functions/external-hangup.js';
import { externalPause } from './functions/external-pause.js';
import { externalStatus } from './functions/external-status.js';
import { logout } from './functions/logout.js';
import { needsTelephony, TELEPHONY_FUNCTIONS } from './functions/needs-telephony.js';
import { pauseCode } from './functions/pause-code.js';
import { previewDialAction } from './functions/preview-dial-action.js';
import { recording } from './functions/recording.js';
import { refreshPanel } from './functions/refresh-panel.js';
import { sendNotification } from './functions/send-notification.js';
import { setTimerAction } from './functions/set-timer-action.js';
import { stGetAgentActiveLead } from './functions/st-get-agent-active-lead.js';
import { stLoginLog } from './functions/st-login-log.js';
import { switchLead } from './functions/switch-lead.js';
import { updateFields } from './functions/update-fields.js';
import { vmMessage } from './functions/vm-message.js';
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
    ...TELEPHONY_FUNCTIONS.map(needsTelephony),
  ];
  return new Map(all.map((fn) => [fn.name, fn]));
}

/** Names an administrator may put in API Allowed Functions for the agent API (plus version). */
export const AGENT_FUNCTION_NAMES: readonly string[] = [
  'version',
  ...agentFunctions({ version: '', startedAt: new Date(0) }).keys(),
];
