/**
 * recording (agent-api.md §8.27): START (with an optional file-name suffix),
 * STOP, or STATUS of the agent's conference recording. START makes a
 * recording_log row (the id and file name STATUS reports); STOP ends every
 * recording of the conference.
 */
import { error, notice, reply, success } from '../../legacy/lines.js';
import { params, text } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { notValid } from './shared.js';

/** PHP 8's "< 1" on the column: numeric text below 1; other text is not. */
const belowOne = (column: string) => column.trim() !== '' && !Number.isNaN(Number(column)) && Number(column) < 1;

export const recording: AgentFunction = {
  name: 'recording',
  target: 'agent-or-alt',
  deniedLayout: 'value',
  params: params({
    value: text("START or STOP the agent's conference recording, or ask its STATUS.", 20),
    stage: text("With START: a suffix for the recording's file name.", 14).optional(),
  }),
  gates: [],
  validate(p) {
    if (!/START|STOP|STATUS/.test(p.value ?? '')) return notValid('recording', [p.value ?? '', p.agent_user ?? '']);
    return undefined;
  },
  async run(call) {
    const { p, unit, agent, agentUser } = call;
    const value = p.value ?? '';
    const column = agent.commands.recording;
    const where = [agent.serverIp, agent.confExten, agent.status];

    if (value === 'STATUS') {
      const id = Number(column);
      const active = column !== 'START' && column !== 'STOP' && id > 0 ? await unit.store.messages.findRecording(id) : undefined;
      if (active)
        return reply(
          notice('recording active', [agentUser, active.recordingId, active.filename, active.serverIp, active.startTime, ...where]),
        );
      return reply(notice('not recording', [agentUser, '', '', '', '', ...where]));
    }
    if (value.includes('STOP') && !value.includes('START') && (column === 'STOP' || column === '' || belowOne(column)))
      return reply(error('stop recording error', [agentUser, column, '', '', '', ...where]));

    const stage = value.includes('START') ? Array.from(p.stage ?? '').slice(0, 14).join('') : '';
    const command = `${value}${stage}`;
    // The telephony acts at once and the column reads as VICIdial's back end leaves it:
    // the new recording's id after START, empty after STOP.
    if (value.includes('START')) {
      const started = await call.telephony.startRecording(unit, agent, stage);
      await call.commands.recording(unit, agent, String(started.recordingId));
    } else if (value.includes('STOP')) {
      await call.telephony.stopRecording(unit, agent);
      await call.commands.recording(unit, agent, '');
    } else await call.commands.recording(unit, agent, command);
    return { lines: [success('recording function sent', [agentUser, value, '', '', '', ...where])], auditValue: command };
  },
};
