/** The system_settings values the APIs act on. */
export interface SystemSettings {
  readonly agentApiActive: boolean;
  readonly useNonLatin: boolean;
  readonly outboundCidAny: 'DISABLED' | 'API_ONLY';
  readonly agentNotifications: number;
  readonly passHashEnabled: boolean;
  readonly passKey: string;
  readonly passCost: number;
  readonly allowIpLists: boolean;
  readonly systemIpBlacklist: string;
  /** custom_fields_enabled: add_lead's custom_fields=Y answers by it. */
  readonly customFieldsEnabled: boolean;
}
