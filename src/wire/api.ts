/** JSON shapes of the integrations' /api/v2 routes (type-only, shared with clients). */
import type { ApiKeyView } from './admin.js';

/** GET /api/v2/me: who the credentials are. */
export interface ApiMe {
  readonly user: string;
  readonly userGroup: string;
  /** The API Allowed Functions this request has: the user's, narrowed by its key. */
  readonly allowedFunctions: readonly string[];
  /** The key the request came with, or null for a user and password. */
  readonly key: Pick<ApiKeyView, 'name' | 'prefix' | 'functions' | 'campaigns' | 'ratePerSecond' | 'expiresAt'> | null;
}

/**
 * The answer of an API function on the JSON face (POST /api/v2/agent/{function},
 * POST /api/v2/non-agent/{function}) when it was not refused. A refusal is a
 * JsonError (wire/errors.ts) with the catalogue's code, status and gate.
 */
export interface FunctionAnswer {
  readonly result: 'SUCCESS' | 'NOTICE';
  /** The reason of the last line, in VICIdial's words (`external_pause function set`). */
  readonly message: string;
  /** The last line's fields, as VICIdial separates them with `|`. */
  readonly fields: readonly string[];
  /** Every line of the legacy answer, without its newline (a report's rows). */
  readonly lines: readonly string[];
  /** The command's id: the event-stream events that show its effect carry it. Agent API functions only. */
  readonly command_id?: string;
  /**
   * A session command (pause, resume, hang up, disposition, dial, logout): applied
   * now, or pending — waiting for the call's disposition (a PAUSE or LOGOUT during a
   * call), or for the agent's screen to pick it up (the VICIdial drop-in).
   */
  readonly state?: 'applied' | 'pending';
}
