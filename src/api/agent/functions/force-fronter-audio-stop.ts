/** force_fronter_audio_stop (agent-api.md §8.25): stop the audio playing in the fronter's session. */
import { error, reply, success } from '../../legacy/lines.js';
import { params, text } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { playbackCommand } from './audio-playback.js';
import { FRONTER_PARAMS, findFronter, skipsLoggedIn, validateFronter } from './fronter.js';

export const forceFronterAudioStop: AgentFunction = {
  name: 'force_fronter_audio_stop',
  target: 'agent-or-alt',
  deniedLayout: 'value',
  params: params({ ...FRONTER_PARAMS, stage: text('Echoed in the answer lines.', 20).optional() }),
  gates: ['agent_scope'],
  validate: validateFronter('force_fronter_audio_stop'),
  skipsLoggedIn,
  async run(call) {
    const { p, unit, agentUser } = call;
    const stage = p.stage ?? '';
    const fronter = await findFronter(call);
    if ('result' in fronter) return reply(fronter);
    const { confExten, serverIp } = fronter;
    if (confExten.length <= 5 || serverIp.length <= 5)
      return reply(error('force_fronter_audio_stop error - no fronter session found', [stage, agentUser, fronter.user]));
    const playing = await call.telephony.playbackOf(unit, fronter);
    if (!playing)
      return reply(
        error('force_fronter_audio_stop error - no audio playing in other agent session', [confExten, serverIp, stage, agentUser, fronter.user]),
      );
    await unit.store.telephony.insertManagerCommand(playbackCommand('STOP', '', confExten, serverIp, playing.channel, unit.now), unit.now);
    await call.telephony.playback(unit, fronter, 'STOP', '');
    return reply(success('force_fronter_audio_stop function sent', [p.value ?? '', stage, agentUser, fronter.user]));
  },
};
