/**
 * The drop-in's agent commands: written, not acted on. VICIdial's own agent
 * screen (vicidial.php polling conf_exten_check.php) and its dialer own the
 * session, so each command writes exactly the vicidial_live_agents columns
 * api.php writes, in api.php's formats (command-values.ts, dial-request.ts),
 * and nothing else: no status change, no call, no heartbeat. The screen acts
 * on its next poll (agent-api.md §6) and VICIdial clears the columns as it
 * always does.
 *
 * The API functions' own checks run before (they read VICIdial's row as it
 * is); only the effect differs from the embedded SessionCommands.
 */
import type { Campaign } from '../domain/campaign.js';
import type { Lead } from '../domain/lead.js';
import type { ApiCommands, LiveAgent } from '../domain/live-agent.js';
import { parseSet } from '../domain/vicidial-sets.js';
import { pauseCommand, transferCommand, type TransferCommand } from '../sessions/command-values.js';
import { formatDialRequest, type DialRequest } from '../sessions/dial-request.js';
import { SessionCommands } from '../sessions/session-commands.js';
import type { DialTarget } from '../sessions/session-service.js';
import type { Unit } from '../store/unit-of-work.js';

export class WrittenCommands extends SessionCommands {
  /** One UPDATE of these columns only; the agent as the row now reads. */
  private async put(u: Unit, agent: LiveAgent, commands: Partial<ApiCommands>): Promise<LiveAgent> {
    const { stored } = await u.store.liveAgents.writeCommands(agent.user, commands);
    return { ...agent, commands: { ...agent.commands, ...stored } };
  }

  private epoch(u: Unit): number {
    return Math.floor(u.now.getTime() / 1000);
  }

  /** external_pause=`<value>!<epoch>`: the screen pauses, or ticks "pause after this call". */
  override pause(u: Unit, agent: LiveAgent, value: string, epoch: number): Promise<LiveAgent> {
    return this.put(u, agent, { pause: pauseCommand(value, epoch) });
  }

  override pauseAfterDisposition(u: Unit, agent: LiveAgent): Promise<LiveAgent> {
    return this.put(u, agent, { pause: pauseCommand('PAUSE', this.epoch(u)) });
  }

  override cancelPendingPause(u: Unit, agent: LiveAgent): Promise<LiveAgent> {
    return this.put(u, agent, { pause: pauseCommand('RESUME', this.epoch(u)) });
  }

  /** logout: external_pause=`LOGOUT` (no epoch); the poll reports API_LOGOUT and the screen logs out. */
  override async logout(u: Unit, agent: LiveAgent, value: string): Promise<void> {
    await this.put(u, agent, { pause: value });
  }

  override hangup(u: Unit, agent: LiveAgent, value: string): Promise<LiveAgent> {
    return this.put(u, agent, { hangup: value });
  }

  override status(u: Unit, agent: LiveAgent, composed: string): Promise<LiveAgent> {
    return this.put(u, agent, { status: composed });
  }

  override pauseCode(u: Unit, agent: LiveAgent, code: string): Promise<LiveAgent> {
    return this.put(u, agent, { pauseCode: code });
  }

  /** STANDARD: the 14-field string in external_dial; the screen dials it. */
  override dial(u: Unit, agent: LiveAgent, request: DialRequest, _target: DialTarget): Promise<LiveAgent> {
    return this.put(u, agent, { dial: formatDialRequest(request) });
  }

  /** QUEUE modes: the vicidial_manual_dial_queue row only; VICIdial's poll promotes it. */
  override async queueDial(u: Unit, agent: LiveAgent, request: DialRequest, phoneNumber: string): Promise<LiveAgent> {
    await u.store.liveAgents.enqueueDial(agent.user, phoneNumber, formatDialRequest(request), u.now);
    return agent;
  }

  override previewAction(u: Unit, agent: LiveAgent, action: string): Promise<LiveAgent> {
    return this.put(u, agent, { dial: action });
  }

  /**
   * change_ingroups: the external_* columns with manager_ingroup_set='SET' and the in-group rows
   * (vicidial_live_inbound_agents);
   * conf_exten_check copies the list into closer_campaigns on the screen's next poll.
   */
  override async ingroups(u: Unit, agent: LiveAgent, change: { list: string; blended: boolean; setBy: string; campaign: Campaign }): Promise<LiveAgent> {
    // api.php's own write to the in-group rows; vicidial_user_closer_log is the poll's, not api.php's.
    await u.store.liveAgents.setLiveIngroups(agent.user, parseSet(change.list), u.now);
    return this.put(u, agent, { ingroups: change.list, blended: change.blended, ingroupsSetBy: change.setBy, managerIngroupSet: 'SET' });
  }

  override async fields(u: Unit, agent: LiveAgent, names: readonly string[]): Promise<void> {
    await this.put(u, agent, { updateFields: true, updateFieldsData: names.join(',') });
  }

  override async timerAction(u: Unit, agent: LiveAgent, action: string, message: string, seconds: number): Promise<void> {
    await this.put(u, agent, { timerAction: action, timerActionMessage: message, timerActionSeconds: seconds });
  }

  /**
   * The recording function hands over what VICIdial's back end leaves once it has acted (the new
   * recording's id, '' after STOP); here api.php's START/STOP is already written by the telephony
   * (VicidialTelephony) and VICIdial's screen writes the id itself, so nothing is written.
   */
  override async recording(): Promise<void> {}

  override dtmf(u: Unit, agent: LiveAgent, value: string): Promise<LiveAgent> {
    return this.put(u, agent, { dtmf: value });
  }

  override park(u: Unit, agent: LiveAgent, value: string): Promise<LiveAgent> {
    return this.put(u, agent, { park: value });
  }

  override transfer(u: Unit, agent: LiveAgent, command: TransferCommand): Promise<LiveAgent> {
    return this.put(u, agent, { transferConf: transferCommand(command) });
  }

  override switchLead(u: Unit, agent: LiveAgent, lead: Lead): Promise<LiveAgent> {
    return this.put(u, agent, { switchLeadId: lead.leadId });
  }
}
