/**
 * @agentgate/client: a TypeScript client for agentgate, with no runtime
 * dependency; it runs wherever fetch, ReadableStream and TextDecoder do
 * (Node 20+, browsers, Deno, Bun).
 */
export { AgentgateClient, type LegacyCallResult } from './client.js';
export type { Api, CallOptions, CallResult, Params } from './call-types.js';
export { AgentgateError, type AgentgateErrorDetails } from './errors.js';
export type { EventsOptions, ReconnectInfo } from './events.js';
export * from './event-types.js';
export type { ClientOptions, FetchLike, KeyCredentials, PasswordCredentials } from './http.js';
export {
  parseLegacy,
  parseLegacyLine,
  type LegacyAnswer,
  type LegacyDataLine,
  type LegacyLine,
  type LegacyParseOptions,
  type LegacyResult,
  type LegacyResultLine,
  type LegacySeparator,
  type LegacyTeapotLine,
  type LegacyVersionLine,
} from './legacy.js';
export type * from './operations.js';
export { SseParser, type SseItem, type SseMessage } from './sse.js';
