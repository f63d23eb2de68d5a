/**
 * audio_playback (agent-api.md §8.26): play an audio file into the agent's
 * conference, and stop, pause, resume or restart it. The manager rows are
 * written as api.php writes them; the telephony plays.
 */
import { compactDateTime } from '../../../domain/clock.js';
import type { ManagerCommand } from '../../../domain/telephony.js';
import type { PlaybackStage } from '../../../telephony/telephony.js';
import { error, notice, success, type Line } from '../../legacy/lines.js';
import { choice, flag, params, text } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { hasTarget } from './shared.js';

const STAGE_NAMES = ['PLAY', 'STOP', 'PAUSE', 'RESUME', 'RESTART'] as const satisfies readonly PlaybackStage[];
const STAGES = new Set<string>(STAGE_NAMES);
const isPlaybackStage = (stage: string): stage is PlaybackStage => STAGES.has(stage);
/** The dialplan context of the session's server (servers.ext_context; VICIdial's default). */
const CONTEXT = 'default';

/** The manager row for a stage (agent-api.md §8.26). */
export function playbackCommand(stage: PlaybackStage, file: string, confExten: string, serverIp: string, channel: string, now: Date): ManagerCommand {
  const ts = compactDateTime(now);
  if (stage === 'PLAY')
    return {
      serverIp,
      action: 'Originate',
      callerId: file,
      lines: [`Channel: Local/47378216${confExten}@${CONTEXT}`, `Context: ${CONTEXT}`, 'Exten: 473782158521111', 'Priority: 1', `CallerID: "${file}" <473782158521111>`],
    };
  if (stage === 'STOP') return { serverIp, action: 'Hangup', callerId: `PLAYHU${ts}`, lines: [`Channel: ${channel}`] };
  const restart = stage === 'RESTART';
  return {
    serverIp,
    action: 'Originate',
    callerId: `${restart ? 'PLAYRS' : 'PLAYPA'}${ts}`,
    lines: [
      `Channel: Local/473782148521111${channel.replace('IAX2/ASTplay-', '')}@${CONTEXT}`,
      `Context: ${CONTEXT}`,
      'Exten: 473782138521111',
      'Priority: 1',
      `CallerID: ${restart ? 4 : 3}`,
    ],
  };
}

export const audioPlayback: AgentFunction = {
  name: 'audio_playback',
  target: 'agent-or-alt',
  deniedLayout: 'value',
  params: params({
    value: text('PLAY: the audio file to play, without its extension.', 100).optional(),
    stage: choice(STAGE_NAMES, 'PLAY, STOP, PAUSE, RESUME or RESTART the playback.'),
    dial_override: flag('Y: PLAY replaces a playback already playing.').optional(),
  }),
  gates: [],
  validate(p) {
    const stage = p.stage ?? '';
    // An unknown stage of 4 characters or more passes here, as in api.php; run() refuses it.
    if ((!p.value && stage === 'PLAY') || stage.length < 4 || !hasTarget(p, 1, 2))
      return error('audio_playback not valid', [p.value ?? '', stage, p.agent_user ?? '']);
    return undefined;
  },
  notLoggedIn: (p, agentUser) => error('agent_user is not logged in', [p.stage ?? '', agentUser]),
  altUserNotFound: (p) => error('no user found', [p.stage ?? '', p.alt_user ?? '']),
  async run(call) {
    const { p, unit, agent, agentUser } = call;
    const stage = p.stage ?? '';
    const file = p.value ?? '';
    const override = p.dial_override ?? '';
    const { confExten, serverIp } = agent;
    if (confExten.length <= 5 || serverIp.length <= 5) return { lines: [error('audio_playback error - entry is empty', [stage, agentUser])] };
    const current = await call.telephony.playbackOf(unit, agent);
    const lines: Line[] = [];
    if (stage === 'PLAY' && current) {
      if (override !== 'Y')
        return { lines: [error('audio_playback error - audio already playing in agent session', [confExten, serverIp, stage, override, agentUser])] };
      await unit.store.telephony.insertManagerCommand(playbackCommand('STOP', '', confExten, serverIp, current.channel, unit.now), unit.now);
      lines.push(notice('audio_playback previous playback stopped', [stage, override, agentUser]));
    }
    // Checked before the stage itself, as api.php does: an unknown stage with nothing playing gets this line too.
    if (stage !== 'PLAY' && !current)
      return { lines: [error('audio_playback error - no audio playing in agent session', [confExten, serverIp, stage, agentUser])] };
    // api.php answers SUCCESS to an unknown stage while audio plays, and does nothing; refused here.
    if (!isPlaybackStage(stage)) return { lines: [error('audio_playback not valid', [file, stage, agentUser])] };
    await unit.store.telephony.insertManagerCommand(playbackCommand(stage, file, confExten, serverIp, current?.channel ?? '', unit.now), unit.now);
    await call.telephony.playback(unit, agent, stage, file);
    return { lines: [...lines, success('audio_playback function sent', [file, stage, agentUser])], auditData: String(call.epoch) };
  },
};
