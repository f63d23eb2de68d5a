/**
 * send_notification (agent-api.md §8.30): queue a message (and confetti) for
 * a user, a user group or a campaign's agents. The campaign and user-group
 * scoping api.php applies always; with API List Restrict, a USER recipient
 * must also be in scope (agentgate's target rule: logged into an allowed
 * campaign, or, logged out, of a group the API user may see), or it reads as
 * a user that does not exist.
 */
import { isSqlDateTime, parseSqlDateTime, sqlDateTime } from '../../../domain/clock.js';
import { parseSet } from '../../../domain/vicidial-sets.js';
import type { LiveAgent } from '../../../domain/live-agent.js';
import { customLine, error, success, type Line } from '../../legacy/lines.js';
import { flag, integer, params, text, TEXT_WIDTH } from '../../parameters.js';
import type { AgentCall, AgentFunction } from '../agent-function.js';

type RecipientType = 'USER' | 'USER_GROUP' | 'CAMPAIGN';
const TYPES: readonly RecipientType[] = ['USER', 'USER_GROUP', 'CAMPAIGN'];
/** The wire text names VICIdial's tables; these are words of the reply, not queries. */
/* eslint-disable no-restricted-syntax */
const TABLE_WORD: Record<RecipientType, string> = {
  USER: 'vicidial_users',
  USER_GROUP: 'vicidial_user_groups',
  CAMPAIGN: 'vicidial_campaigns',
};
/* eslint-enable no-restricted-syntax */

/** A USER recipient inside the API user's scope (always, without API List Restrict). */
async function userInScope(call: AgentCall, recipient: string): Promise<boolean> {
  const session = await call.unit.store.liveAgents.find(recipient);
  return call.scope.allowsUser((await call.unit.store.users.find(recipient))?.group ?? '', session?.campaignId);
}

async function recipientExists(call: AgentCall, type: RecipientType, recipient: string): Promise<boolean> {
  const { store } = call.unit;
  if (type === 'USER') return store.users.exists(recipient);
  if (type === 'USER_GROUP') return !!(await store.users.findGroup(recipient));
  return store.campaigns.exists(recipient);
}

/** The agents who should see it now: logged in and matching the recipient. */
async function audience(call: AgentCall, type: RecipientType, recipient: string): Promise<LiveAgent[]> {
  const agents = await call.unit.store.liveAgents.list();
  if (type === 'USER') return agents.filter((a) => a.user === recipient);
  if (type === 'CAMPAIGN') return agents.filter((a) => a.campaignId === recipient);
  const inGroup: LiveAgent[] = [];
  for (const agent of agents) if ((await call.unit.store.users.find(agent.user))?.group === recipient) inGroup.push(agent);
  return inGroup;
}

export const sendNotification: AgentFunction = {
  name: 'send_notification',
  target: 'none',
  deniedLayout: 'value',
  params: params({
    recipient: text('Who gets the notification: a user, a user group or a campaign id.', 20),
    recipient_type: text('USER, USER_GROUP or CAMPAIGN; any other value is found from the recipient.', 10).optional(),
    value: text('Not used, but echoed in some error lines as api.php does.', 255).optional(),
    notification_date: text('When to show it, YYYY-MM-DD HH:MM:SS; now when empty or not a date.', 19).optional(),
    notification_text: text('The message (with show_confetti, it may be empty).', TEXT_WIDTH).optional(),
    text_size: integer('Font size of the message (12).', { max: 255 }).optional(),
    text_font: text('Font family of the message (Arial).', 30).optional(),
    text_weight: text('Font weight: any mix of bold, italic and underline (bold).', 30).optional(),
    text_color: text('Text colour: a colour name, or 3 to 6 hexadecimal digits (black).', 15).optional(),
    show_confetti: flag('Y: show confetti with the message.').optional(),
    duration: integer('Confetti duration in seconds (2).', { max: 999 }).optional(),
    maxParticleCount: integer('Number of confetti particles (2350).', { max: 99_999 }).optional(),
    particleSpeed: integer('Speed of the confetti particles (2).', { max: 999 }).optional(),
    notification_retry: flag("Y: stored as the notification's retry setting.").optional(),
  }),
  gates: ['agent_notifications', 'recipient_scope', 'agent_scope'],
  // Checked before the allowed-functions test, as in api.php.
  validate(_p, { settings, trace }) {
    if (settings.agentNotifications < 1) {
      trace.fail(
        'agent_notifications',
        'agent notifications are off for the whole system',
        'set agent_notifications to 1 in system settings',
        'system_settings.agent_notifications',
      );
      return error('Agent API Notifications are disabled on this system', [settings.agentNotifications]);
    }
    trace.pass('agent_notifications', 'agent notifications are on', 'system_settings.agent_notifications');
    return undefined;
  },
  async run(call) {
    const { p, unit, apiUser } = call;
    const recipient = p.recipient ?? '';
    const value = p.value ?? '';
    let type = (p.recipient_type ?? '') as RecipientType;
    const lines: Line[] = [];
    const audit = { auditAgentUser: recipient, auditValue: type as string };

    if (recipient && !TYPES.includes(type)) {
      let found: RecipientType | undefined;
      // A user out of scope is not offered as a match: the NOTICE would tell that it exists.
      for (const candidate of TYPES)
        if (!found && (await recipientExists(call, candidate, recipient)) && (candidate !== 'USER' || (await userInScope(call, recipient)))) found = candidate;
      const prefix = `Invalid recipient_type (${type}), `;
      if (!found)
        return {
          lines: [customLine('ERROR', 'no matching recipient found', `${prefix}ERROR: no matching recipient found in users, user_groups, or campaigns - ${recipient}\n`)],
          ...audit,
        };
      type = found;
      lines.push(customLine('NOTICE', 'found recipient', `${prefix}NOTICE: found ${recipient} as ${type}<BR>`));
    }
    if (!recipient || !type) return { lines: [error('Missing recipient or recipient_type', [recipient, type])], ...audit };

    const missing = () => ({ lines: [...lines, error(`${recipient} DOES NOT EXIST in ${TABLE_WORD[type]}`, [value, recipient])], ...audit });
    if (!(await recipientExists(call, type, recipient))) return missing();
    if (type === 'CAMPAIGN' || type === 'USER_GROUP') {
      const apiGroup = await call.apiGroup();
      if (!apiGroup) return { lines: [...lines, error('user_group DOES NOT EXIST', [value, apiUser.group])], ...audit };
      if (type === 'CAMPAIGN' && !/-ALL/i.test(apiGroup.allowedCampaigns) && !parseSet(apiGroup.allowedCampaigns).includes(recipient)) {
        call.trace.fail(
          'recipient_scope',
          `campaign ${recipient} is not in ${apiGroup.group}'s allowed campaigns`,
          `add ${recipient} to ${apiGroup.group}'s allowed campaigns`,
          `vicidial_user_groups.allowed_campaigns (${apiGroup.group})`,
        );
        return {
          lines: [
            ...lines,
            error(`ACCESS TO CAMPAIGN ${recipient} NOT ALLOWED FOR USER ${apiUser.user} (${apiGroup.allowedCampaigns})`, [value, recipient]),
          ],
          ...audit,
        };
      }
      if (type === 'USER_GROUP' && !/---ALL/.test(apiGroup.adminViewableGroups) && !parseSet(apiGroup.adminViewableGroups).includes(recipient)) {
        call.trace.fail(
          'recipient_scope',
          `user group ${recipient} is not in ${apiGroup.group}'s admin viewable groups`,
          `add ${recipient} to ${apiGroup.group}'s admin viewable groups`,
          `vicidial_user_groups.admin_viewable_groups (${apiGroup.group})`,
        );
        return {
          lines: [...lines, error(`ACCESS TO USER GROUP ${recipient} NOT ALLOWED FOR USER ${apiUser.user}`, [value, recipient])],
          ...audit,
        };
      }
      call.trace.pass('recipient_scope', `${apiGroup.group} may notify ${type === 'CAMPAIGN' ? 'campaign' : 'user group'} ${recipient}`);
    }
    if (type === 'USER' && call.scope.restricted) {
      // A user outside the scope — logged into another campaign, or, logged out, of a group it may not see — is one it cannot find.
      if (!(await userInScope(call, recipient))) {
        call.trace.fail(
          'agent_scope',
          `${recipient} is logged into a campaign, or of a user group, outside ${apiUser.group}'s scope (API List Restrict is on)`,
          `turn off API List Restrict for ${apiUser.user}, or widen ${apiUser.group}'s allowed campaigns or viewable groups`,
          `vicidial_user_groups (${apiUser.group})`,
        );
        return missing();
      }
    }

    let date = p.notification_date ?? '';
    if (!isSqlDateTime(date)) {
      if (date) lines.push(customLine('NOTICE', 'Invalid notification date', `NOTICE: Invalid notification date ${date}, changing to now`));
      date = sqlDateTime(unit.now);
    }
    const text = p.notification_text ?? '';
    const confetti = p.show_confetti === 'Y';
    if (!text && !confetti) return { lines: [...lines, error('invalid request', [recipient, type])], ...audit };

    const color = p.text_color || 'black';
    const id = await unit.store.messages.insertNotification({
      recipient,
      recipientType: type,
      date,
      retry: /y/i.test(p.notification_retry ?? ''),
      text,
      textSize: Number(p.text_size) || 12,
      textFont: p.text_font || 'Arial',
      textWeight: p.text_weight || 'bold',
      textColor: /^[0-9A-F]{3,6}$/.test(color) ? `#${color}` : color,
      showConfetti: confetti,
      confettiOptions: `${p.duration || 2},${p.maxParticleCount || 2350},${p.particleSpeed || 2}`,
      now: unit.now,
    });
    if ((parseSqlDateTime(date) ?? unit.now) <= unit.now)
      for (const agent of await audience(call, type, recipient))
        unit.events.add({ type: 'notification', user: agent.user, notificationId: id, text, confetti }, agent.campaignId);
    return { lines: [...lines, success('notification queued', [recipient, type, id])], ...audit };
  },
};
