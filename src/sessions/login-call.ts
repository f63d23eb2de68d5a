/**
 * The call that brings an agent's phone into its session at login, as
 * VICIdial keeps it in vicidial_session_data.agent_login_call: the manager
 * row's values separated by pipes. call_agent (agent-api.md §8.29) replays it.
 */
import { sqlDateTime } from '../domain/clock.js';
import type { ManagerCommand } from '../domain/telephony.js';
import type { LiveAgent } from '../domain/live-agent.js';

/** man_id | uniqueid | entry_date | status | response | server_ip | channel | action | callerid | cmd_line_b … cmd_line_k */
export function loginCall(agent: LiveAgent, extension: string, now: Date): string {
  const callerId = `S${String(agent.confExten).padStart(7, '0')}${agent.user}`.slice(0, 20);
  return [
    '',
    '',
    sqlDateTime(now),
    'NEW',
    'N',
    agent.serverIp,
    '',
    'Originate',
    callerId,
    `Channel: Local/${extension}@agentgate`,
    'Context: agentgate',
    `Exten: ${agent.confExten}`,
    'Priority: 1',
    `Callerid: "${agent.user}" <${agent.confExten}>`,
    '',
    '',
    '',
    '',
    '',
  ].join('|');
}

/**
 * The manager command to call the agent again into its current conference:
 * the login call with its 7-digit Exten replaced by the session's conf_exten.
 * Undefined when the stored text is not a manager row.
 */
export function callAgainCommand(stored: string, confExten: string): ManagerCommand | undefined {
  const fields = stored.split('|');
  const [serverIp = '', channel = '', action = '', callerId = ''] = [fields[5], fields[6], fields[7], fields[8]];
  if (action !== 'Originate' && action !== 'Redirect' && action !== 'Hangup') return undefined;
  const lines = fields.slice(9, 19).map((line) => line.replace(/^Exten: \d{7}\b/, `Exten: ${confExten}`));
  return { serverIp, action, callerId, channel, lines };
}
