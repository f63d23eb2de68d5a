export type DialMethod =
  | 'MANUAL'
  | 'RATIO'
  | 'ADAPT_HARD_LIMIT'
  | 'ADAPT_TAPERED'
  | 'ADAPT_AVERAGE'
  | 'INBOUND_MAN'
  | 'SHARED_RATIO'
  | 'SHARED_ADAPT_HARD_LIMIT'
  | 'SHARED_ADAPT_TAPERED'
  | 'SHARED_ADAPT_AVERAGE';

export interface Campaign {
  readonly id: string;
  readonly name: string;
  readonly active: boolean;
  readonly dialMethod: DialMethod;
  /** auto_dial_level as a number; 0 means a manual-dial campaign. */
  readonly dialLevel: number;
  readonly allowInbound: boolean;
  readonly manualDialListId: number;
  readonly useOtherCampaignDnc: string;
  readonly apiManualDial: 'STANDARD' | 'QUEUE' | 'QUEUE_AND_AUTOCALL';
  readonly manualPreviewDial: 'DISABLED' | 'PREVIEW_AND_SKIP' | 'PREVIEW_ONLY';
  readonly altNumberDialing: string;
  readonly defaultXferGroup: string;
  readonly agentLeadSearch: string;
  readonly closerCampaigns: string;
  readonly dialStatuses: string;
}

export interface LeadList {
  readonly listId: number;
  readonly name: string;
  readonly campaignId: string;
  readonly active: boolean;
}

export interface InboundGroup {
  readonly id: string;
  readonly name: string;
  readonly active: boolean;
  readonly defaultXferGroup: string;
}

export interface StatusDefinition {
  readonly status: string;
  readonly name: string;
  readonly selectable: boolean;
  readonly scheduledCallback: boolean;
  /** undefined for system statuses, else the owning campaign. */
  readonly campaignId?: string;
}

export interface PauseCode {
  readonly code: string;
  readonly name: string;
  readonly campaignId: string;
}
