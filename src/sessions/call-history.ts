/**
 * Writes what VICIdial's reports read as a session goes: the agent's time
 * (vicidial_agent_log) and each call (vicidial_log outbound,
 * vicidial_closer_log inbound), from the login to the last disposition.
 */
import type { Unit } from '../store/unit-of-work.js';
import type { TermReason } from '../domain/call-log.js';
import { epochSeconds } from '../domain/clock.js';
import type { Lead } from '../domain/lead.js';
import { phaseOf, type CallKind, type LiveAgent } from '../domain/live-agent.js';
import { eventForPhases, loginRow, pauseTypeOf, step, type TimeEvent } from './agent-time.js';

export interface StartedCall {
  readonly lead: Lead;
  readonly kind: CallKind;
  readonly queue: string;
  readonly uniqueId: string;
  readonly number: string;
  readonly phoneCode: string;
}

const TERM: Record<'customer' | 'agent' | 'api' | 'system', TermReason> = {
  customer: 'CALLER',
  agent: 'AGENT',
  api: 'AGENT',
  system: 'SYSTEM',
};

export class CallHistory {
  async login(u: Unit, agent: LiveAgent): Promise<void> {
    await u.store.callLogs.insertAgentTime({ ...(await this.who(u, agent)), at: u.now, changes: loginRow(epochSeconds(u.now)) });
  }

  /** A change of phase other than a call starting or a disposition: pause, wait, call end. */
  async transition(u: Unit, before: LiveAgent, after: LiveAgent, cause: string): Promise<void> {
    const event = eventForPhases(phaseOf(before), phaseOf(after), pauseTypeOf(cause));
    if (event) await this.time(u, after, event);
  }

  async callStarted(u: Unit, agent: LiveAgent, call: StartedCall): Promise<void> {
    await this.time(u, agent, { kind: 'call-start', leadId: call.lead.leadId, uniqueId: call.uniqueId, callKind: call.kind });
    const { userGroup } = await this.who(u, agent);
    if (call.kind === 'INBOUND') {
      // A call the telephony queued has its record already; one put straight through gets it now.
      if (await u.store.callLogs.hasInbound(call.uniqueId)) {
        const queued = await u.store.callLogs.queueSeconds(call.uniqueId, u.now);
        await u.store.callLogs.answerInbound(call.uniqueId, { user: agent.user, userGroup, queueSeconds: queued });
        return;
      }
      await u.store.callLogs.insertInbound({ ...this.record(agent, call, u.now, userGroup), status: 'INCALL' });
      return;
    }
    await u.store.callLogs.insertOutbound({ ...this.record(agent, call, u.now, userGroup), status: 'INCALL' });
  }

  async callEnded(u: Unit, agent: LiveAgent, by: keyof typeof TERM): Promise<void> {
    const uniqueId = agent.call?.uniqueId ?? '';
    const end = { endedAt: u.now, termReason: TERM[by] };
    if (agent.call?.kind === 'INBOUND') await u.store.callLogs.endInbound(uniqueId, end);
    else await u.store.callLogs.endOutbound(uniqueId, end);
  }

  /** The disposition closes the agent's row (and the call's status); the next row starts paused or waiting. */
  async dispositioned(u: Unit, agent: LiveAgent, status: string, next: 'pause' | 'wait', cause: string): Promise<void> {
    const row = await u.store.callLogs.currentAgentTime(agent.user);
    if (row?.uniqueId) {
      if (row.comments === 'INBOUND') await u.store.callLogs.setInboundStatus(row.uniqueId, status);
      else await u.store.callLogs.setOutboundStatus(row.uniqueId, status);
    }
    await this.time(u, agent, { kind: 'dispositioned', status, next, pauseType: pauseTypeOf(cause) });
  }

  async logout(u: Unit, agent: LiveAgent): Promise<void> {
    await this.time(u, agent, { kind: 'logout' });
  }

  /** A pause code names the current pause (the row's sub status). */
  async pauseCode(u: Unit, agent: LiveAgent, code: string): Promise<void> {
    const row = await u.store.callLogs.currentAgentTime(agent.user);
    if (row) await u.store.callLogs.updateAgentTime(row.id, { subStatus: code });
  }

  private async time(u: Unit, agent: LiveAgent, event: TimeEvent): Promise<void> {
    const row = await u.store.callLogs.currentAgentTime(agent.user);
    // A session started before agentgate kept time (or by VICIdial itself) gets its first row now.
    if (!row) {
      await this.login(u, agent);
      return;
    }
    const result = step(row, event, epochSeconds(u.now));
    await u.store.callLogs.updateAgentTime(row.id, result.update);
    if (result.open) await u.store.callLogs.insertAgentTime({ ...(await this.who(u, agent)), at: u.now, changes: result.open });
  }

  private async who(u: Unit, agent: LiveAgent) {
    const user = await u.store.users.find(agent.user);
    return { user: agent.user, serverIp: agent.serverIp, campaignId: agent.campaignId, userGroup: user?.group ?? '' };
  }

  private record(agent: LiveAgent, call: StartedCall, now: Date, userGroup: string) {
    return {
      uniqueId: call.uniqueId,
      leadId: call.lead.leadId,
      listId: call.lead.listId,
      queue: call.queue,
      startedAt: now,
      phoneCode: call.phoneCode,
      phoneNumber: call.number,
      user: agent.user,
      userGroup,
      comments: call.kind,
      calledCount: call.lead.calledCount + (call.kind === 'INBOUND' ? 0 : 1),
    };
  }
}
