/**
 * The words for a failed credentials gate, for an administrator's explain:
 * what decided it and what would change it. The client never sees these; it
 * gets VICIdial's uniform line whatever the reason (permissions.md §10 #1, #5).
 */
import type { AuthFailure } from './authenticate.js';

export type CredentialFailure = AuthFailure['reason'] | 'SHORT' | 'NOAPI' | 'CONFLICT';

export interface GateWords {
  readonly gate: 'credentials' | 'api_access';
  readonly detail: string;
  readonly fix: string;
  readonly setting: string;
}

export function credentialFailureWords(reason: CredentialFailure, user: string): GateWords {
  switch (reason) {
    case 'NOUSER':
      return { gate: 'credentials', detail: `there is no user ${user || '(empty)'}`, fix: `create user ${user}, or send an existing API user`, setting: 'vicidial_users.user' };
    case 'BAD':
      return { gate: 'credentials', detail: `the password is not ${user}'s`, fix: `send ${user}'s password`, setting: 'vicidial_users.pass_hash' };
    case 'LOCK':
      return {
        gate: 'credentials',
        detail: `${user} is locked after 10 failed logins (15 minutes from the tenth)`,
        fix: `wait for the lock to end, or reset ${user}'s failed logins in the admin console`,
        setting: 'vicidial_users.failed_login_count',
      };
    case 'INACTIVE':
      return { gate: 'credentials', detail: `${user} is not active`, fix: `make ${user} active`, setting: 'vicidial_users.active' };
    case 'LEVEL0':
      return { gate: 'credentials', detail: `${user} has user level 0`, fix: `give ${user} a user level of 1 or more`, setting: 'vicidial_users.user_level' };
    case 'LOWLEVEL':
      // Only the non-agent API's login (level 7 and up) fails this way.
      return { gate: 'credentials', detail: `${user}'s user level is below 7`, fix: `give ${user} a user level of 7 or more`, setting: 'vicidial_users.user_level' };
    case 'IPBLOCK':
      return {
        gate: 'credentials',
        detail: `the request's address is on the system IP blacklist, or not on the api_ip_list of ${user}'s user group`,
        fix: `add the address to the user group's api_ip_list, or set ignore_ip_list for ${user}`,
        setting: 'vicidial_user_groups.api_ip_list',
      };
    case 'SHORT':
      return { gate: 'credentials', detail: 'user and pass need at least 2 characters each', fix: 'send the full user and password', setting: 'user, pass' };
    case 'THROTTLED':
      return {
        gate: 'credentials',
        detail: 'too many failed logins from the request\'s address, or too many logins waiting for a password check',
        fix: 'wait, then try again (the answer says how long)',
        setting: 'the login throttle (per address and per server)',
      };
    case 'BADKEY':
      return {
        gate: 'credentials',
        detail: 'the API key is unknown, revoked or expired, or its user is no longer active',
        fix: 'send a live key of an active API user (agentgate keys list)',
        setting: 'agentgate_api_keys',
      };
    case 'CONFLICT':
      return { gate: 'credentials', detail: 'both an API key and user/pass were sent', fix: 'send one or the other', setting: 'Authorization, user, pass' };
    case 'NOAPI':
      return {
        gate: 'api_access',
        detail: `${user} does not have Agent API Access`,
        fix: `turn on Agent API Access for ${user}`,
        setting: 'vicidial_users.vdc_agent_api_access',
      };
  }
}
