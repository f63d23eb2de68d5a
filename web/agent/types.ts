/** The agent screen's view of the server's JSON (src/screen/screen-state.ts). */
export interface Session {
  user: string;
  campaignId: string;
  status: string;
  phase: 'ready' | 'paused' | 'on-call' | 'disposition' | 'preview';
  leadId: number;
  call: { callerId: string; kind: string } | null;
  pauseCode: string;
  pending: 'PAUSE' | 'LOGOUT' | null;
  ingroups: string[];
  since: string;
}

export interface CampaignView {
  id: string;
  name: string;
  allowInbound: boolean;
  ingroups: { id: string; name: string }[];
  dispositions: { status: string; name: string; callback: boolean }[];
  pauseCodes: { code: string; name: string }[];
}

export interface TelephonyState {
  call: {
    callerId: string;
    stage: 'ringing' | 'answered';
    parked: 'customer' | 'ivr' | null;
    thirdParty: { kind: string; target: string; stage: string; parked: boolean } | null;
    dtmf: string;
  } | null;
  recording: { recordingId: number; filename: string } | null;
  playback: { file: string; state: string } | null;
}

export interface ScreenState {
  user: string;
  session: Session | null;
  lead: { leadId: number; status: string; fields: Record<string, string> } | null;
  campaign: CampaignView | null;
  telephony: TelephonyState;
  manualDial: boolean;
  now: string;
}

export interface Notice {
  id: number;
  text: string;
  kind: 'info' | 'error';
}
