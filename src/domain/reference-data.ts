/**
 * Reference data an administrator (or the demo) fills in, not the API: where a
 * phone number or postal code is in time, when a campaign may call, scripts and
 * phones. Plain records; the store knows which tables hold them.
 */

export interface PhoneCode {
  readonly countryCode: number;
  readonly country: string;
  readonly areaCode: string;
  readonly state: string;
  /** Hours from GMT, as VICIdial writes it ('-6.00'). */
  readonly gmtOffset: string;
  readonly dst: boolean;
  /** VICIdial's DST rule code ('SSM-FSN'), empty without DST. */
  readonly dstRange: string;
  readonly description: string;
}

export interface PostalCode {
  readonly postalCode: string;
  readonly state: string;
  readonly gmtOffset: string;
  readonly dst: boolean;
  readonly dstRange: string;
  readonly country: string;
  readonly countryCode: number;
}

export interface CallTimeDefinition {
  readonly id: string;
  readonly name: string;
  /** HHMM, e.g. 900 for 09:00. */
  readonly defaultStart: number;
  readonly defaultStop: number;
}

export interface Script {
  readonly id: string;
  readonly name: string;
  /** What the agent reads on a call; --A--field--B-- stands for a lead field. */
  readonly text?: string;
  readonly active?: boolean;
}

export interface Phone {
  readonly extension: string;
  readonly login: string;
}

export interface ReferenceData {
  readonly phoneCodes?: readonly PhoneCode[];
  readonly postalCodes?: readonly PostalCode[];
  readonly callTimes?: readonly CallTimeDefinition[];
  readonly scripts?: readonly Script[];
  readonly phones?: readonly Phone[];
}
