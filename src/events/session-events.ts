/**
 * What the outside world (agent screens, wallboards, other nodes) hears about
 * live sessions. Events are published only after the change has committed.
 */
import type { SessionEvent } from '../wire/agent-screen.js';

/** Declared with the screens' wire types: these are the JSON that screens, wallboards and other nodes receive. */
export type { SessionEvent, SessionSnapshot } from '../wire/agent-screen.js';

export type SessionEventType = SessionEvent['type'];
