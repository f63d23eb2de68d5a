/** The shapes of a call of the JSON face, shared by the client and the generated operations. */

/** Which of VICIdial's APIs a function belongs to: /agc/api.php's or /vicidial/non_agent_api.php's. */
export type Api = 'agent' | 'non-agent';

/** A function's parameters by VICIdial's names; ids may be numbers. Undefined values are left out. */
export type Params = Readonly<Record<string, string | number | boolean | undefined>>;

export interface CallOptions {
  readonly signal?: AbortSignal;
}

/** The JSON face's answer to a function that did what it was asked (anything else is thrown as AgentgateError). */
export interface CallResult {
  readonly result: 'SUCCESS' | 'NOTICE';
  /** The outcome line's reason, e.g. `external_pause function set`. */
  readonly message: string;
  /** The outcome line's `|`-separated fields. */
  readonly fields: readonly string[];
  /** Every legacy line of the answer, without newlines. */
  readonly lines: readonly string[];
  /** The command's id: the stream's events that show its effect carry it. */
  readonly command_id?: string;
  /** An agent command: applied now, or pending (waiting for the disposition). */
  readonly state?: 'applied' | 'pending';
}

/** How a generated method reaches the client: the function's name, its parameters, the call's options. */
export type OperationCall = (name: string, params: Params, options?: CallOptions) => Promise<CallResult>;
