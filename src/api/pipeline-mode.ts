/**
 * What both APIs' pipelines share: the two modes a request runs in, the
 * unit of work each mode gets, and VICIdial's teapot.
 *
 * A request keeps its effects and audit rows and a trace that keeps nothing
 * (or only its refusal, for the JSON face's `gate`); explain keeps the whole
 * trace and nothing else: it skips the password check, writes no audit row,
 * counts no login, and runs the function in a transaction it rolls back.
 * The same gate code decides both.
 */
import { GateTrace, type GateResult } from '../access/gate-trace.js';
import type { SessionPhase } from '../domain/live-agent.js';
import type { SessionSnapshot } from '../domain/session-events.js';
import { PendingEvents } from '../events/event-bus.js';
import type { Store } from '../store/store.js';
import type { Unit, UnitRunner } from '../store/unit-of-work.js';
import type { RateLimits } from '../access/rate-limits.js';
import { customLine, type Reply } from './legacy/lines.js';
import { rateLimitedReply } from './legacy/throttled.js';

export interface PipelineMode {
  readonly trace: GateTrace;
  readonly explain: boolean;
  /** explain without a known client address: the IP lists are not consulted. */
  readonly skipIpLists: boolean;
  /** The command a request carries out (events/command-context.ts): its unit's events carry it. */
  readonly commandId: string | null;
}

export interface ExplainOptions {
  /** Consult the IP lists for request.remoteIp (default: skip them, the address is not known). */
  readonly checkIpLists?: boolean;
}

export interface ExplainedReply {
  readonly reply: Reply;
  readonly gates: readonly GateResult[];
}

/** A request's reply and the gate that refused it, when one did (the JSON face's answer). */
export interface Decision {
  readonly reply: Reply;
  readonly refusedAt: GateResult | undefined;
  /** The agent the request acted on, after alt_user (agent API functions with a target). */
  readonly agentUser: string;
  /** Its session before the function ran, and as the function left it (null: ended; undefined: untouched). */
  readonly session?: { readonly before: SessionPhase; readonly after: SessionSnapshot | null | undefined };
}

export const requestMode = (commandId: string | null = null): PipelineMode => ({ trace: new GateTrace('refusal'), explain: false, skipIpLists: false, commandId });

export const explainMode = (options: ExplainOptions): PipelineMode => ({
  trace: new GateTrace(true),
  explain: true,
  skipIpLists: !options.checkIpLists,
  commandId: null,
});

/** Thrown to roll back an explain's transaction after its work is done. */
class ExplainRollback extends Error {}

/**
 * A unit of work: committed for a request; for explain, rolled back once the
 * work is done, its events dropped, so explaining changes nothing.
 */
export async function inUnit(mode: PipelineMode, deps: { runner: UnitRunner; store: Store }, now: Date, work: (unit: Unit) => Promise<void>): Promise<void> {
  if (!mode.explain) return deps.runner.run(work, now, mode.commandId);
  try {
    await deps.store.transaction(async (store) => {
      await work({ store, events: new PendingEvents(), now });
      throw new ExplainRollback('explain changes nothing');
    });
  } catch (err) {
    if (!(err instanceof ExplainRollback)) throw err;
  }
}

/**
 * The caller's request rate (not in explain: it would spend the caller's
 * tokens): the refusal's reply, or undefined when the request may go on.
 */
export async function rateRefusal(mode: PipelineMode, limits: RateLimits, caller: Parameters<RateLimits['take']>[0], now: Date): Promise<Reply | undefined> {
  if (mode.explain) return undefined;
  const rate = await limits.take(caller, now);
  if (rate.allowed) return undefined;
  const setting = rate.scope === 'key' ? 'agentgate_api_keys.rate_per_second' : 'API_RATE_PER_USER';
  mode.trace.fail('rate', `over ${rate.limit} requests per second (${rate.scope})`, 'send fewer requests per second', setting);
  return rateLimitedReply(rate, caller.user);
}

const COFFEE = new Set(['coffee', 'start_coffee', 'make_coffee', 'brew_coffee']);

/** VICIdial's coffee names: answered 418 before any login, by both APIs. */
export function teapot(fn: string, trace: GateTrace): Reply | undefined {
  if (!COFFEE.has(fn)) return undefined;
  trace.fail('function', `${fn} is VICIdial's teapot: it always answers 418`, 'call a real function');
  return { lines: [customLine('ERROR', "Error 418 I'm a teapot", `Coffee: ${fn}|Error 418 I'm a teapot`)], httpStatus: 418 };
}
