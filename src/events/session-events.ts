/**
 * What the outside world (agent screens, wallboards, other nodes) hears about
 * live sessions. Events are published only after the change has committed.
 * The types are the domain's (domain/session-events.ts).
 */
export type { SessionEndCause, SessionEvent, SessionEventType, SessionSnapshot } from '../domain/session-events.js';
