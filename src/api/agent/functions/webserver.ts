/**
 * webserver (agent-api.md §8.2): VICIdial prints the operating system, PHP and
 * Apache details here; agentgate reports only its own version and uptime
 * (permissions.md §10 #12).
 */
import { customLine } from '../../legacy/lines.js';
import { NO_PARAMS } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { VICIDIAL_BUILD, VICIDIAL_VERSION } from '../version.js';

export interface ServerInfo {
  readonly version: string;
  readonly startedAt: Date;
}

export function webserver(info: ServerInfo): AgentFunction {
  return {
    name: 'webserver',
    target: 'none',
    deniedLayout: 'short',
    params: NO_PARAMS,
    gates: [],
    validate: () => undefined,
    async run(call) {
      const uptime = Math.max(0, Math.floor((call.unit.now.getTime() - info.startedAt.getTime()) / 1000));
      const facts = [
        `server name: agentgate`,
        `agentgate version: ${info.version}`,
        `agent API version: ${VICIDIAL_VERSION}`,
        `agent API build: ${VICIDIAL_BUILD}`,
        `uptime seconds: ${uptime}`,
      ];
      const text = `<PRE>Webserver Data:\n${facts.map((f) => `${f}\n`).join('')}</PRE>\n`;
      return { lines: [customLine('SUCCESS', 'webserver data', text)], auditData: facts.join('|') };
    },
  };
}
