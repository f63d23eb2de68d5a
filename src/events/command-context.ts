/**
 * The command a request carries out: the events its unit of work raises are
 * stamped with its id (the log's command_id), so an integration watching the
 * event stream learns when its command took effect.
 *
 * A face (http/) makes the id and hands it down with the request
 * (AgentApi.decide → the pipeline's mode → UnitRunner.run). It is passed, not
 * carried in AsyncLocalStorage: on Node 20 and 22 an AsyncLocalStorage turns on
 * a hook for every promise, which cost a quarter of the hot path's throughput
 * (bench/agent-api.mjs at 32 connections: 8,482 → 11,433 req/s without it). Passing it
 * also keeps what runs later (a call's next step on a timer) from inheriting it.
 */
import { randomUUID } from 'node:crypto';

/** A new command id: opaque, unique across nodes, short enough for the log's 64 characters. */
export const newCommandId = (): string => randomUUID();
