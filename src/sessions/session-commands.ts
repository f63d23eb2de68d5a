/**
 * VICIdial's agent commands (the external_* columns of vicidial_live_agents):
 * the one place that writes them. Each command is written to its column in
 * the format api.php writes (command-values.ts, dial-request.ts) — so a
 * VICIdial agent screen could read it — and then acts through the session
 * service, where VICIdial's browser would have acted on its next poll. The
 * telephony's commands (DTMF, park, transfer) are only written here; the
 * caller then has the telephony act.
 *
 * Acting does not clear a column: the row reads as api.php leaves it, and the
 * events at which VICIdial's back end clears columns whoever acted — a new
 * call, a disposition, going READY, logout — clear them here too (rules.ts).
 * The exceptions, where the engine needs the column's new value, say so
 * below; docs/compatibility.md lists what each column holds after each command.
 */
import type { Unit } from '../store/unit-of-work.js';
import type { Campaign } from '../domain/campaign.js';
import type { Lead } from '../domain/lead.js';
import { hasLiveCall, phaseOf, type ApiCommands, type LiveAgent } from '../domain/live-agent.js';
import { parseSet } from '../domain/vicidial-sets.js';
import { formatDialRequest, type DialRequest } from './dial-request.js';
import { pauseCommand, transferCommand, type TransferCommand } from './command-values.js';
import { decideLogout, decidePause, parsePresetDisposition } from './rules.js';
import type { DialTarget, SessionService } from './session-service.js';

export class SessionCommands {
  constructor(private readonly sessions: SessionService) {}

  private write(u: Unit, agent: LiveAgent, commands: Partial<ApiCommands>, cause: string): Promise<LiveAgent> {
    return this.sessions.change(u, agent, { commands }, cause);
  }

  /**
   * external_pause PAUSE/RESUME: the column gets `<value>!<epoch>`; only the
   * exact words act. A PAUSE during a call waits in that column for the
   * disposition (see rules.afterDisposition).
   */
  async pause(u: Unit, agent: LiveAgent, value: string, epoch: number): Promise<LiveAgent> {
    // A logout waiting for the disposition is not undone by a later PAUSE or RESUME
    // (VICIdial's screen keeps the logout it has seen); the command is answered and dropped.
    if (agent.commands.pause === 'LOGOUT' && decideLogout(agent) === 'after-disposition') return agent;
    const commands = { pause: pauseCommand(value, epoch) };
    if (value === 'PAUSE' && decidePause(agent) === 'pause-now') return this.sessions.pause(u, agent, 'api-pause', '', commands);
    const written = value === 'RESUME' ? await this.sessions.resume(u, agent, 'api-resume', commands) : await this.sessions.change(u, agent, { commands }, 'api-pause-command');
    await this.awaitingDisposition(u, written);
    return written;
  }

  /**
   * The pause column now holds a command for the disposition (a PAUSE, RESUME
   * or LOGOUT during a call): remember whose it is, so that the event showing
   * it take effect carries its command_id. A screen's own change is nobody's.
   */
  private async awaitingDisposition(u: Unit, agent: LiveAgent): Promise<void> {
    const phase = phaseOf(agent);
    if (phase === 'on-call' || phase === 'disposition') await u.store.commandWaits.set(agent.user, u.events.causingCommand);
  }

  /** The agent screen's "pause after this call": the same column and value as an API PAUSE during a call. */
  async pauseAfterDisposition(u: Unit, agent: LiveAgent): Promise<LiveAgent> {
    const written = await this.write(u, agent, { pause: pauseCommand('PAUSE', Math.floor(u.now.getTime() / 1000)) }, 'screen-pause-pending');
    await this.awaitingDisposition(u, written);
    return written;
  }

  /** The agent screen undoes a pending pause as an API RESUME during the call would: available after the call. */
  async cancelPendingPause(u: Unit, agent: LiveAgent): Promise<LiveAgent> {
    const written = await this.write(u, agent, { pause: pauseCommand('RESUME', Math.floor(u.now.getTime() / 1000)) }, 'screen-pause-cancelled');
    await this.awaitingDisposition(u, written);
    return written;
  }

  /** logout: external_pause=LOGOUT; ends the session now or after the disposition. `cause` tells the screen who ended it. */
  async logout(u: Unit, agent: LiveAgent, value: string, cause: 'api-logout' | 'screen-logout' = 'api-logout'): Promise<void> {
    const written = await this.sessions.change(u, agent, { commands: { pause: value } }, `${cause}-command`);
    if (value === 'LOGOUT' && decideLogout(written) === 'logout-now') await this.sessions.end(u, written, cause);
    else await this.awaitingDisposition(u, written);
  }

  /** external_hangup: only '1' hangs up, and only when there is a call to hang up; the column keeps the value. */
  async hangup(u: Unit, agent: LiveAgent, value: string): Promise<LiveAgent> {
    const written = await this.sessions.change(u, agent, { commands: { hangup: value } }, 'api-hangup-command');
    if (written.commands.hangup === '1' && hasLiveCall(written)) return this.sessions.endCall(u, written, 'api');
    return written;
  }

  /**
   * external_status (composed by command-values.statusCommand): dispositions now during the
   * disposition step, else waits in the column for it. The disposition clears the column, as
   * VICIdial's dispo submit does; the engine reads a waiting status when the call ends.
   */
  async status(u: Unit, agent: LiveAgent, composed: string): Promise<LiveAgent> {
    const written = await this.sessions.change(u, agent, { commands: { status: composed } }, 'api-status-command');
    const preset = parsePresetDisposition(written.commands.status);
    if (preset && phaseOf(written) === 'disposition') return this.sessions.disposition(u, written, preset, 'api-disposition');
    return written;
  }

  /** pause_code: the code is submitted at once while the agent is paused; the column keeps it until the agent is READY. */
  async pauseCode(u: Unit, agent: LiveAgent, code: string): Promise<LiveAgent> {
    const written = await this.write(u, agent, { pauseCode: code }, 'api-pause-code');
    return written.status === 'PAUSED' ? this.sessions.setPauseCode(u, written, code) : written;
  }

  /**
   * STANDARD external_dial: write the 14-field command, and dial (or preview)
   * now if the agent is free; otherwise the dial waits for the disposition.
   * Dialling clears the column (VICIdial's call start does too): the engine
   * dials what it finds there after a disposition, so a dial left behind
   * would be dialled again — VICIdial's screen remembers the epochs it has
   * dialled, agentgate keeps no such memory.
   */
  async dial(u: Unit, agent: LiveAgent, request: DialRequest, target: DialTarget): Promise<LiveAgent> {
    const written = await this.sessions.change(u, agent, { commands: { dial: formatDialRequest(request) } }, 'api-dial-command');
    return phaseOf(written) === 'paused' ? this.sessions.dial(u, written, request, target) : written;
  }

  /** QUEUE modes: the dial waits in the agent's manual dial queue until the agent is free. */
  async queueDial(u: Unit, agent: LiveAgent, request: DialRequest, phoneNumber: string): Promise<LiveAgent> {
    await u.store.liveAgents.enqueueDial(agent.user, phoneNumber, formatDialRequest(request), u.now);
    return this.sessions.promoteQueuedDial(u, agent);
  }

  /** preview_dial_action: acts only on a previewed lead. */
  async previewAction(u: Unit, agent: LiveAgent, action: string): Promise<LiveAgent> {
    const written = await this.sessions.change(u, agent, { commands: { dial: action } }, 'api-preview-action');
    if (phaseOf(written) !== 'preview') return written;
    const lead = await u.store.leads.find(written.previewLeadId);
    if (action === 'SKIP' || !lead) {
      const skipped = await this.sessions.change(u, written, { previewLeadId: 0, commands: { dial: '' } }, 'preview-skipped');
      return this.sessions.promoteQueuedDial(u, skipped);
    }
    const number = action === 'ALTDIAL' ? lead.altPhone : action === 'ADR3DIAL' ? lead.address3 : lead.phoneNumber;
    if (action === 'FINISH' || number.length < 2) return written;
    const campaign = await this.sessions.campaignOf(u, written);
    return this.sessions.startCall(u, written, { lead, kind: 'MANUAL', queue: campaign?.id ?? written.campaignId, number });
  }

  /** change_ingroups: the API's columns, applied at once as the agent screen's poll would. */
  async ingroups(
    u: Unit,
    agent: LiveAgent,
    change: { list: string; blended: boolean; setBy: string; campaign: Campaign },
  ): Promise<LiveAgent> {
    const outbound = change.blended && change.campaign.dialMethod !== 'MANUAL' && change.campaign.dialMethod !== 'INBOUND_MAN';
    await u.store.liveAgents.setLiveIngroups(agent.user, parseSet(change.list), u.now);
    await u.store.liveAgents.logIngroupChange({
      user: agent.user,
      campaignId: agent.campaignId,
      blended: change.blended,
      closerCampaigns: change.list,
      changedBy: change.setBy,
      now: u.now,
    });
    return this.sessions.change(
      u,
      agent,
      {
        closerCampaigns: change.list,
        outboundAutodial: outbound,
        // api.php's SET stays: nothing here waits for the poll that would turn it into Y.
        commands: { ingroups: change.list, blended: change.blended, ingroupsSetBy: change.setBy, managerIngroupSet: 'SET' },
      },
      'api-ingroups-changed',
    );
  }

  /** update_fields / refresh_panel: flag the screen and tell it what to reload. */
  async fields(u: Unit, agent: LiveAgent, names: readonly string[], leadFields: readonly string[]): Promise<void> {
    await u.store.liveAgents.update(agent.user, { commands: { updateFields: true, updateFieldsData: names.join(',') } }, u.now);
    if (leadFields.length > 0) u.events.add({ type: 'lead.updated', user: agent.user, leadId: agent.leadId, fields: leadFields }, agent.campaignId);
    const panels = names.filter((n) => n.endsWith('reload'));
    if (panels.length > 0) u.events.add({ type: 'panel.refresh', user: agent.user, panels }, agent.campaignId);
  }

  async timerAction(u: Unit, agent: LiveAgent, action: string, message: string, seconds: number): Promise<void> {
    await u.store.liveAgents.update(
      agent.user,
      { commands: { timerAction: action, timerActionMessage: message, timerActionSeconds: seconds } },
      u.now,
    );
    u.events.add({ type: 'timer.action', user: agent.user, action, message, seconds }, agent.campaignId);
  }

  /**
   * external_recording as VICIdial's back end leaves it once the conference
   * records: the new recording's id after START, empty after STOP. Not
   * api.php's START/STOP: recording STATUS and STOP read the id from here.
   */
  async recording(u: Unit, agent: LiveAgent, value: string): Promise<void> {
    await u.store.liveAgents.update(agent.user, { commands: { recording: value } }, u.now);
  }

  /** send_dtmf: the digits as sent (P, S, Q for #, * and a pause); the telephony sends them. */
  dtmf(u: Unit, agent: LiveAgent, value: string): Promise<LiveAgent> {
    return this.write(u, agent, { dtmf: value }, 'api-dtmf');
  }

  /** park_call: the value as sent; the telephony acts on the exact park words only. */
  park(u: Unit, agent: LiveAgent, value: string): Promise<LiveAgent> {
    return this.write(u, agent, { park: value }, 'api-park');
  }

  /** transfer_conference and force_fronter_leave_3way: the `---` command; the telephony transfers. */
  transfer(u: Unit, agent: LiveAgent, command: TransferCommand): Promise<LiveAgent> {
    return this.write(u, agent, { transferConf: transferCommand(command) }, 'api-transfer');
  }

  /** switch_lead: the screen loads the other lead for the live call; the column keeps its id. */
  async switchLead(u: Unit, agent: LiveAgent, lead: Lead): Promise<LiveAgent> {
    return this.sessions.change(u, agent, { leadId: lead.leadId, commands: { switchLeadId: lead.leadId } }, 'api-switch-lead');
  }
}
