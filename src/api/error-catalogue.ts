/**
 * Every refusal of both APIs, once: the legacy `ERROR:` reasons it covers,
 * the stable code and HTTP status the JSON face answers with, and the gate
 * that decides it. The legacy face keeps VICIdial's words and its HTTP 200;
 * the JSON face looks a refusal up here by its reason, so the two faces can
 * never disagree about what a refusal means. docs/errors.md is rendered from
 * this list (error-catalogue.test.ts checks it, and that every ERROR reason
 * written in src/api has an entry).
 *
 * A legacy pattern is the reason as written, with `<…>` for a part that
 * varies (`<function> YOU MUST USE ALL REQUIRED FIELDS`). The first entry
 * whose pattern matches wins, so the specific come before the general.
 */
import type { GateId } from '../access/gate-trace.js';
import type { ErrorCode } from '../wire/errors.js';

export type JsonStatus = 400 | 401 | 403 | 404 | 409 | 418 | 422 | 429 | 503;

export interface CatalogueEntry {
  readonly code: ErrorCode;
  readonly status: JsonStatus;
  readonly gate: GateId;
  /** What it means and what to do, for docs/errors.md. */
  readonly meaning: string;
  readonly legacy: readonly string[];
}

export const ERROR_CATALOGUE: readonly CatalogueEntry[] = [
  {
    code: 'invalid-credentials',
    status: 401,
    gate: 'credentials',
    meaning: 'The key or the user and password were not accepted (or the user may not use this API). Deliberately the same answer for every cause.',
    legacy: ['Invalid Username/Password', 'Login incorrect, please try again'],
  },
  {
    code: 'account-locked',
    status: 403,
    gate: 'credentials',
    meaning: 'Too many failed logins for this user: it is locked for 15 minutes.',
    legacy: ['Too many login attempts, try again in 15 minutes'],
  },
  {
    code: 'address-not-allowed',
    status: 403,
    gate: 'credentials',
    meaning: "The client's address is not in the user group's allowed IP list.",
    legacy: ['Your IP Address is not allowed'],
  },
  {
    code: 'login-throttled',
    status: 429,
    gate: 'credentials',
    meaning: 'Too many failed logins from this address, or too many logins at once: wait for Retry-After.',
    legacy: ['too many failed logins from this address', 'too many logins in progress'],
  },
  {
    code: 'rate-limited',
    status: 429,
    gate: 'rate',
    meaning: "Over the key's or the API user's requests per second: wait for Retry-After.",
    legacy: ['too many requests for <whom>'],
  },
  {
    code: 'credential-conflict',
    status: 400,
    gate: 'credentials',
    meaning: 'Both an API key and a user or password were sent: send one of them.',
    legacy: ['send either an API key or user and pass, not both'],
  },
  {
    code: 'api-disabled',
    status: 503,
    gate: 'system_api',
    meaning: 'The system-wide Agent API switch is off.',
    legacy: ['System API NOT ACTIVE'],
  },
  {
    code: 'unknown-function',
    status: 404,
    gate: 'function',
    meaning: 'No function of this API has that name.',
    legacy: ['function not valid', 'NO FUNCTION SPECIFIED'],
  },
  {
    code: 'teapot',
    status: 418,
    gate: 'function',
    meaning: "VICIdial's coffee functions always answer 418.",
    legacy: ["Error 418 I'm a teapot"],
  },
  {
    code: 'invalid-source',
    status: 422,
    gate: 'source',
    meaning: '`source` needs at least two characters: name your integration.',
    legacy: ['Invalid Source'],
  },
  {
    code: 'function-not-allowed',
    status: 403,
    gate: 'allowed_functions',
    meaning: "The function is not in the API user's API Allowed Functions (or the key's functions).",
    legacy: ['auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION'],
  },
  {
    code: 'user-group-missing',
    status: 403,
    gate: 'user_group',
    meaning: "API List Restrict is on and the API user's user group does not exist.",
    legacy: ['user_group DOES NOT EXIST'],
  },
  {
    code: 'same-account',
    status: 403,
    gate: 'two_accounts',
    meaning: 'The API user and agent_user are one account; commands come from a separate API user.',
    legacy: ['API user and agent_user must be different accounts'],
  },
  {
    code: 'agent-not-logged-in',
    status: 409,
    gate: 'agent_logged_in',
    meaning: 'The agent has no live session: log the agent in first.',
    legacy: ['agent_user is not logged in', 'user not logged in'],
  },
  {
    code: 'agent-out-of-scope',
    status: 403,
    gate: 'agent_scope',
    meaning: "The agent is logged into a campaign the API user's group (or key) may not reach.",
    legacy: ['agent_user is in a campaign not allowed for this user'],
  },
  {
    code: 'lead-out-of-scope',
    status: 403,
    gate: 'lead_scope',
    meaning: "The lead is in a list of a campaign the API user's group (or key) may not reach.",
    legacy: ['lead is in a list not allowed for this user'],
  },
  {
    code: 'list-out-of-scope',
    status: 403,
    gate: 'list_scope',
    meaning: "The list is in a campaign the API user's group (or key) may not reach.",
    legacy: ['list is not allowed for this user', '<function> NOT AN ALLOWED LIST ID', '<function> NOT AN ALLOWED LIST ID, <step>'],
  },
  {
    code: 'recipient-out-of-scope',
    status: 403,
    gate: 'recipient_scope',
    meaning: "The notification's recipient is outside the API user's group's reach.",
    legacy: ['ACCESS TO CAMPAIGN <campaign> NOT ALLOWED FOR USER <user> (<campaigns>)', 'ACCESS TO USER GROUP <group> NOT ALLOWED FOR USER <user>'],
  },
  {
    code: 'call-not-agents',
    status: 403,
    gate: 'call_owner',
    meaning: 'The call belongs to another agent.',
    legacy: ['call does not belong to agent_user'],
  },
  {
    code: 'permission-denied',
    status: 403,
    gate: 'permission',
    meaning: 'The API user lacks the permission flag this function or this change needs (modify_leads, modify_users, user level …).',
    legacy: [
      '<function> USER DOES NOT HAVE PERMISSION TO <action>',
      'copy_user SOURCE USER HAS PERMISSIONS YOU DO NOT HOLD',
      'user is not allowed to modify lead information',
      'user is not allowed to change agent in-groups',
      'user is not allowed to modify campaign settings',
      'agent_user is not allowed to place manual dial calls',
      'outbound_cid is not allowed on this system',
    ],
  },
  {
    code: 'feature-disabled',
    status: 409,
    gate: 'function_checks',
    meaning: "The campaign's or the system's settings do not allow this.",
    legacy: [
      'Agent API Notifications are disabled on this system',
      'alt number dialing not allowed on this campaign',
      'preview dial skipping not allowed on this campaign',
      'preview dialing not allowed on this campaign',
      'campaign dial_method does not allow outbound autodial',
      'campaign does not allow inbound calls',
      'campaign does not allow inbound lead search',
      'campaign manual dial list undefined',
      'check_phone_number THIS IS NOT A VALID CALL TIME',
      'check_phone_number NANPA options disabled, NANPA prefix data not loaded',
    ],
  },
  {
    code: 'agent-state',
    status: 409,
    gate: 'agent_state',
    meaning: "The agent's session is not in a state that allows this (not paused, no live call, no lead on screen …).",
    legacy: [
      'agent_user is not paused',
      'external_pause agent is not paused',
      'pause_code error - agent is not paused',
      'agent_user does not have a live call',
      'agent_user is not on a phone call',
      'agent_user has current active 3-way call',
      'agent_user does not have a lead on their screen',
      'agent call is not inbound',
      'current call does not match lead_id submitted',
      'no active call found',
      'no active lead found',
      'audio_playback error - audio already playing in agent session',
      'audio_playback error - no audio playing in agent session',
      'force_fronter_audio_stop error - no audio playing in other agent session',
      'call_agent error - no session data',
      'webphone_url error - no session data',
      'webphone_url error - webphone url is empty',
      'stop recording error',
    ],
  },
  {
    code: 'already-exists',
    status: 409,
    gate: 'function_checks',
    meaning: 'The record (user, list, DNC number, queued number) is already there.',
    legacy: ['<function> ALREADY EXISTS', 'phone_number is already in this agents manual dial queue'],
  },
  {
    code: 'phone-in-dnc',
    status: 409,
    gate: 'function_checks',
    meaning: 'The phone number is on the system or campaign do-not-call list.',
    legacy: ['<function> PHONE NUMBER IN DNC', '<function> PHONE NUMBER IN CAMPAIGN DNC'],
  },
  {
    code: 'ambiguous',
    status: 409,
    gate: 'alt_user',
    meaning: 'More than one user matches the id given: make the CRM ids (custom_three) unique.',
    legacy: ['alt_user matches more than one user', 'value matches more than one user'],
  },
  {
    code: 'not-found',
    status: 404,
    gate: 'function_checks',
    meaning: 'A record the request names (user, campaign, in-group, list, lead, recipient …) does not exist.',
    legacy: [
      'no user found',
      'campaign not found',
      'ingroup does not exist',
      'switch-to lead not found',
      'phone number lead_id search not found',
      'no fronter found',
      'force_fronter_audio_stop error - no fronter session found',
      'no matching recipient found',
      '<recipient> DOES NOT EXIST in <where>',
      '<function> NO MATCHES FOUND IN THE SYSTEM',
      '<function> DOES NOT EXIST',
      '<function> NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED',
      '<function> NO RECORDS FOUND',
    ],
  },
  {
    code: 'missing-parameters',
    status: 422,
    gate: 'parameters',
    meaning: 'A parameter the function needs is missing: see its operation in /api/v2/openapi.json.',
    legacy: [
      '<function> YOU MUST USE ALL REQUIRED FIELDS',
      'Missing recipient or recipient_type',
      'ingroup_choices are required for ADD and REMOVE values',
      'update_user NO UPDATES DEFINED',
      'no fields have been defined',
      'no panels have been defined',
      '<function> error - entry is empty',
      '<function> NO LEADS DEFINED',
      '<function> NO VALID SEARCH METHOD',
    ],
  },
  {
    code: 'invalid-parameter',
    status: 422,
    gate: 'parameters',
    meaning: 'A parameter has a value the function does not accept.',
    legacy: [
      '<name> not valid',
      '<name> is not valid',
      '<function>, THIS IS AN OPTIONAL FIELD',
      '<function> INVALID OR MISSING <parameter>',
      '<function> INVALID DATE OR TIME',
      '<function> PHONE NUMBER IS TOO LONG',
      '<function> NOT A VALID LIST ID',
      '<function> INVALID DATE OF BIRTH',
      '<function> FIELD VALUE TOO LONG',
      '<function> INVALID DATA FOR LEAD INSERTION',
      'invalid request',
    ],
  },
];

/** A refusal no entry covers: never expected (the catalogue's test scans the code), answered plainly. */
export const UNCATALOGUED: CatalogueEntry = {
  code: 'refused',
  status: 422,
  gate: 'function_checks',
  meaning: 'The function refused the request; the message says why.',
  legacy: [],
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `<…>` stands for any text; everything else is literal. */
export function legacyPattern(pattern: string): RegExp {
  return new RegExp(`^${pattern.split(/<[^>]*>/).map(escape).join('.+?')}$`);
}

const MATCHERS = ERROR_CATALOGUE.flatMap((entry) => entry.legacy.map((pattern) => ({ entry, re: legacyPattern(pattern) })));
const byReason = new Map<string, CatalogueEntry>();

/** The entry of a legacy ERROR reason (memoized: the reasons are a small, fixed set). */
export function catalogueEntry(reason: string): CatalogueEntry {
  let entry = byReason.get(reason);
  if (!entry) {
    entry = MATCHERS.find((m) => m.re.test(reason))?.entry ?? UNCATALOGUED;
    if (byReason.size < 1000) byReason.set(reason, entry);
  }
  return entry;
}
