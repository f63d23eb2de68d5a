/** Telephony records agentgate keeps in VICIdial's tables, and the call simulator's settings. */

/** A command for an Asterisk manager (vicidial_manager), positional lines as api.php writes them. */
export interface ManagerCommand {
  readonly serverIp: string;
  readonly action: 'Originate' | 'Hangup' | 'Redirect';
  readonly callerId: string;
  readonly channel?: string;
  /** cmd_line_b … cmd_line_k, in order. */
  readonly lines: readonly string[];
}

/** What the telephony recorded about an agent's session at login (vicidial_session_data). */
export interface SessionData {
  readonly user: string;
  readonly confExten: string;
  readonly serverIp: string;
  readonly webphoneUrl: string;
  /** The login call's manager row, pipe-separated. */
  readonly agentLoginCall: string;
}

export interface Recording {
  readonly recordingId: number;
  readonly filename: string;
}

/** How the simulator treats one campaign (outbound) or in-group (inbound). */
export interface SimSettings {
  readonly targetId: string;
  readonly targetType: 'CAMPAIGN' | 'INGROUP';
  readonly active: boolean;
  /** Percent of dialled calls answered; of the rest, busyPercent are busy, the others ring out. */
  readonly answerPercent: number;
  readonly busyPercent: number;
  readonly ringMinSec: number;
  readonly ringMaxSec: number;
  readonly talkMinSec: number;
  readonly talkMaxSec: number;
  /** In-groups: new calls per minute (0 = none). */
  readonly callsPerMinute: number;
  /** In-groups: seconds a call waits in queue before it is dropped. */
  readonly queueTimeoutSec: number;
}

export const DEFAULT_SIM_SETTINGS: Omit<SimSettings, 'targetId' | 'targetType'> = {
  active: true,
  answerPercent: 70,
  busyPercent: 10,
  ringMinSec: 2,
  ringMaxSec: 8,
  talkMinSec: 20,
  talkMaxSec: 90,
  callsPerMinute: 0,
  queueTimeoutSec: 60,
};

export interface Playback {
  readonly file: string;
  readonly state: 'playing' | 'paused';
  /** The conference channel playing it, IAX2/ASTplay-… as Asterisk names it. */
  readonly channel: string;
}

/** What the agent's screen shows of the call beyond the session itself. */
export interface CallState {
  readonly callerId: string;
  readonly stage: 'ringing' | 'answered';
  readonly parked: 'customer' | 'ivr' | null;
  readonly thirdParty: {
    readonly kind: 'number' | 'ingroup' | 'agent';
    readonly target: string;
    readonly stage: 'ringing' | 'connected';
    readonly parked: boolean;
  } | null;
  readonly dtmf: string;
}

export interface TelephonyState {
  readonly call: CallState | null;
  readonly recording: Recording | null;
  readonly playback: Playback | null;
}

/**
 * The digits an agent API `value` stands for: api.php's input filter lets only
 * letters and digits through, so P, S and Q stand for #, * and a pause.
 */
export const dtmfDigits = (value: string) => value.replaceAll('P', '#').replaceAll('S', '*').replaceAll('Q', ',');
