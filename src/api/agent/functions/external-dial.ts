/**
 * external_dial (agent-api.md §8.7): place a manual call for the agent, to a
 * number, to a lead (main, alt or address3 number), or to the campaign's next
 * lead (MANUALNEXT). STANDARD campaigns dial at once; QUEUE campaigns add it
 * to the agent's manual dial queue.
 */
import type { Lead } from '../../../domain/lead.js';
import type { DialRequest } from '../../../sessions/dial-request.js';
import { error, notice, success, type Line, type Reply } from '../../legacy/lines.js';
import { flag, integer, LEAD_ID_MAX, params, text } from '../../parameters.js';
import type { AgentCall, AgentFunction } from '../agent-function.js';
import { groupAliasCallerId, hasTarget, leadScopeRefusal, listScopeRefusal, manualDialRefusal, notValid } from './shared.js';

/** The number the request names: MANUALNEXT, or digits only. */
function dialNumber(value: string): string {
  return value === 'MANUALNEXT' ? value : value.replace(/\D/g, '');
}

/**
 * vendor_id is the only relayed parameter whose input filter keeps "!" and "|"
 * (agent-api.md §3). Left in, "!" adds fields to the 14-field dial string —
 * a queued dial is parsed back by position, so a forged field 11 would dial
 * any lead, past API List Restrict — and "|" shifts the success line
 * (permissions.md §10 #20). Both are deleted, like any character outside a whitelist.
 */
function relayedVendorId(vendorId: string | undefined): string {
  return (vendorId ?? '').replace(/[!|]/g, '');
}

/** The lead's number for alt_dial (step 8), or a refusal. */
function numberFromLead(call: AgentCall, lead: Lead, requested: string): { number: string; altDial: string } | Line {
  const altDial = call.p.alt_dial ?? '';
  if (altDial === 'SEARCH') {
    if (requested && requested === lead.phoneNumber) return { number: lead.phoneNumber, altDial: 'MAIN' };
    if (requested && requested === lead.altPhone) return { number: lead.altPhone, altDial: 'ALT' };
    if (requested && requested === lead.address3) return { number: lead.address3, altDial: 'ADDR3' };
    return error('phone number lead_id search not found', [call.agentUser, '', lead.leadId, '']);
  }
  if (altDial === 'ALT') return { number: lead.altPhone, altDial };
  if (altDial === 'ADDR3') return { number: lead.address3, altDial };
  return { number: lead.phoneNumber, altDial };
}

export const externalDial: AgentFunction = {
  name: 'external_dial',
  target: 'agent-or-alt',
  deniedLayout: 'value',
  params: params({
    value: text("The number to dial (reduced to its digits), or MANUALNEXT for the campaign's next lead; may be empty with lead_id.", 30).optional(),
    lead_id: integer("A lead to dial: the number is taken from the lead (see alt_dial).", { max: LEAD_ID_MAX }).optional(),
    phone_code: text('The country calling code of the number (1 for North America).', 10).optional(),
    search: flag('YES: look the number up among the leads before dialing.', ['YES', 'NO']),
    preview: flag('YES: show the lead to the agent before dialing.', ['YES', 'NO']),
    focus: flag("YES: bring the agent's screen to the front.", ['YES', 'NO']),
    vendor_id: text('A vendor lead code to carry with the call.', 20).optional(),
    dial_prefix: text('A prefix to dial before the number.', 20).optional(),
    group_alias: text('A group alias whose caller id the call shows.', 30).optional(),
    alt_dial: text("With lead_id: MAIN, ALT (alt_phone), ADDR3 (address3), or SEARCH for the one that matches value.", 6).optional(),
    dial_ingroup: text('An in-group to place the call for (it also lifts the paused check of STANDARD campaigns).', 20).optional(),
    outbound_cid: text('An explicit caller id number, where the system allows one for the API.', 20).optional(),
  }),
  gates: ['agent_state', 'agentcall_manual', 'outbound_cid', 'lead_scope', 'list_scope'],
  effectiveValue: (p) => dialNumber(p.value ?? ''),
  validate(p) {
    const value = dialNumber(p.value ?? '');
    const short = [p.search, p.preview, p.focus].some((v) => (v ?? '').length < 2);
    if ((value.length < 2 && !p.lead_id) || !hasTarget(p, 2, 2) || short)
      return notValid('external_dial', [
        value,
        p.phone_code ?? '',
        p.search ?? '',
        p.preview ?? '',
        p.focus ?? '',
        p.lead_id ?? '',
        p.agent_user ?? '',
        p.alt_user ?? '',
      ]);
    return undefined;
  },

  async run(call) {
    const { p, unit, agent, agentUser } = call;
    const lines: Line[] = [];
    // vicidial_api_log.value is <value> as the function has rewritten it so far (permissions.md §9.1):
    // digits (or MANUALNEXT), emptied when lead_id is given, then the lead's number.
    let loggedValue = dialNumber(p.value ?? '');
    const out = (...more: Line[]): Reply => ({ lines: [...lines, ...more], auditValue: loggedValue });
    const campaign = await unit.store.campaigns.find(agent.campaignId);
    const mode = campaign?.apiManualDial ?? 'QUEUE';

    // 1–3: a STANDARD campaign dials only for a paused agent with no lead; a known dial_ingroup bypasses that.
    let dialIngroup = p.dial_ingroup ?? '';
    if (dialIngroup && !(await unit.store.campaigns.findInboundGroup(dialIngroup))) {
      lines.push(notice('defined dial_ingroup not found', [dialIngroup]));
      dialIngroup = '';
    }
    const ready = mode !== 'STANDARD' || (agent.status === 'PAUSED' && agent.leadId < 1);
    if (!ready && !dialIngroup) {
      call.trace.fail('agent_state', `${agentUser} is ${agent.status}${agent.leadId > 0 ? ' with a lead on screen' : ''}, not paused`);
      return out(error('agent_user is not paused', [agentUser]));
    }

    // 4: the target agent must be allowed to dial by hand.
    const manual = await manualDialRefusal(call);
    if (manual) return out(manual);

    // 5–6: caller id from a group alias, or an explicit outbound_cid.
    let groupAlias = p.group_alias ?? '';
    const aliasCid = await groupAliasCallerId(call, groupAlias);
    if (typeof aliasCid !== 'string') return out(aliasCid);
    let callerIdNumber = aliasCid;
    const outboundCid = p.outbound_cid ?? '';
    if (outboundCid.length >= 2) {
      if (call.settings.outboundCidAny !== 'API_ONLY') {
        call.trace.fail(
          'outbound_cid',
          'an explicit outbound_cid is not allowed on this system',
          'set outbound_cid_any to API_ONLY in system settings, or send no outbound_cid',
          'system_settings.outbound_cid_any',
        );
        return out(error('outbound_cid is not allowed on this system', [agentUser, outboundCid, call.settings.outboundCidAny]));
      }
      callerIdNumber = outboundCid;
      groupAlias = '-FORCE-';
    }

    // 8: a lead names the number to dial (and API List Restrict applies to it).
    let number = dialNumber(p.value ?? '');
    let phoneCode = p.phone_code ?? '';
    let altDial = p.alt_dial ?? '';
    const leadIdParam = p.lead_id ?? '';
    let lead: Lead | undefined;
    if (leadIdParam) {
      loggedValue = '';
      lead = await unit.store.leads.find(Number(leadIdParam));
      if (!lead) return out(error('lead_id is not valid', [agentUser, leadIdParam]));
      const scoped = await leadScopeRefusal(call, lead);
      if (scoped) return out(scoped);
      const picked = numberFromLead(call, lead, number);
      if ('text' in picked) return out(picked);
      number = picked.number.replace(/\D/g, '');
      loggedValue = number;
      altDial = picked.altDial;
      phoneCode = lead.phoneCode;
      if (number.length < 2)
        return out(error('phone number is not valid', [agentUser, number, leadIdParam, altDial]));
    }

    const request: DialRequest = {
      number,
      phoneCode,
      search: p.search ?? '',
      preview: p.preview ?? '',
      focus: p.focus ?? '',
      vendorId: relayedVendorId(p.vendor_id),
      epoch: call.epoch,
      dialPrefix: p.dial_prefix ?? '',
      groupAlias,
      callerIdNumber,
      vtigerCallbackId: '',
      leadId: leadIdParam,
      altDial,
      dialIngroup,
    };

    // API List Restrict also covers the lead a number dial finds or creates.
    const target = await call.sessions.resolveDialTarget(unit, agent, { ...request, lead });
    if (target.kind === 'lead' && !lead) {
      const scoped = await leadScopeRefusal(call, target.lead);
      if (scoped) return out(scoped);
    }
    if (target.kind === 'new') {
      const scoped = await listScopeRefusal(call, target.listId, number);
      if (scoped) return out(scoped);
    }

    // 9: dial now, or queue.
    if (mode === 'STANDARD') {
      await call.commands.dial(unit, agent, request, target);
    } else {
      if (await unit.store.liveAgents.queuedDialExists(agentUser, number))
        return out(error('phone_number is already in this agents manual dial queue', [agentUser, number]));
      await call.commands.queueDial(unit, agent, request, number);
    }
    return {
      ...out(
        success('external_dial function set', [
          number,
          agentUser,
          phoneCode,
          request.search,
          request.preview,
          request.focus,
          request.vendorId,
          call.epoch,
          request.dialPrefix,
          groupAlias,
          callerIdNumber,
          altDial,
        ]),
      ),
      auditData: String(call.epoch),
    };
  },
};
