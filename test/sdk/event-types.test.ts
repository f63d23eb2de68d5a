/**
 * The SDK's copy of the event stream's types is the server's: the package
 * cannot import src/wire/event-stream.ts (it stands alone), so a change on
 * either side that the other lacks fails to compile here (npm run typecheck).
 */
import { describe, expect, it } from 'vitest';
import type * as Sdk from '../../packages/client/src/event-types.js';
import { isStreamEventName } from '../../packages/client/src/event-types.js';
import type * as Wire from '../../src/wire/event-stream.js';

/** True only when A and B are the same type (not merely assignable one way). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

describe('the event types', () => {
  it('are the same on both sides, event by event', () => {
    const same: [
      Same<Sdk.StreamEventMap, Wire.StreamEventMap>,
      Same<Sdk.StreamEventName, Wire.StreamEventName>,
      Same<Sdk.BoardSnapshot, Wire.BoardSnapshot>,
      Same<Sdk.AgentEvent, Wire.AgentEvent>,
      Same<Sdk.BoardStatus, Wire.BoardStatus>,
    ] = [true, true, true, true, true];
    expect(same.every(Boolean)).toBe(true);
  });

  it('name every event the server sends, and nothing else', () => {
    const names: Record<Wire.StreamEventName, true> = { snapshot: true, agent: true, logout: true, call: true, disposition: true, lead: true, queues: true, today: true };
    for (const name of Object.keys(names)) expect(isStreamEventName(name)).toBe(true);
    expect(isStreamEventName('toString')).toBe(false);
    expect(isStreamEventName('heartbeat')).toBe(false);
  });
});
