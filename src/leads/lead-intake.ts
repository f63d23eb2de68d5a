/**
 * The checks a new lead passes before it is stored, shared by add_lead (one
 * lead) and `agentgate leads load` (thousands per batch): phone validation,
 * DNC, duplicates, then the GMT offset — in add_lead's order (spec §7.16
 * steps 4–8). Lookups run once per batch, not once per lead.
 */
import {
  duplicateKey,
  matchDuplicate,
  type DuplicateCandidate,
  type DuplicatePolicy,
  type DuplicateRule,
  type DuplicateSubject,
} from '../domain/duplicate-check.js';
import type { Store } from '../store/store.js';
import { GmtLookup } from './gmt-lookup.js';
import { PhoneValidator, type PhoneChecks, type PhoneProblem } from './phone-validation.js';

export type DncMode = 'N' | 'Y' | 'AREACODE';

export interface IntakeOptions {
  readonly listId: number;
  readonly phoneChecks: PhoneChecks;
  readonly dncCheck: DncMode;
  readonly campaignDncCheck: DncMode;
  /** The campaign whose DNC list campaign_dnc_check consults (use_other_campaign_dnc already applied). */
  readonly dncCampaignId: string;
  readonly duplicates: DuplicatePolicy;
  readonly tzMethod: string;
  readonly lookupState: boolean;
}

export interface LeadCandidate extends DuplicateSubject {
  readonly phoneCode: string;
  readonly state: string;
  readonly postalCode: string;
  readonly owner: string;
}

export type Verdict =
  | { readonly ok: true; readonly gmt: number | undefined; readonly state: string }
  | { readonly ok: false; readonly kind: 'invalid'; readonly problem: PhoneProblem }
  | { readonly ok: false; readonly kind: 'dnc'; readonly campaign: boolean }
  | {
      readonly ok: false;
      readonly kind: 'duplicate';
      readonly rule: DuplicateRule;
      /** The stored lead it duplicates, or the earlier row of the same batch (index). */
      readonly hit: { leadId: number; listId: number; phoneNumber: string } | { batchIndex: number };
    };

export function dncMode(value: string | undefined): DncMode {
  return value === 'Y' || value === 'AREACODE' ? value : 'N';
}

/** The DNC entries that would block a number: itself, and NNNXXXXXXX in AREACODE mode. */
function dncForms(phone: string, mode: DncMode): string[] {
  return mode === 'AREACODE' ? [phone, `${phone.slice(0, 3)}XXXXXXX`] : [phone];
}

/** File a candidate under every value a rule may look it up by. */
function addToIndex(index: Map<string, DuplicateCandidate[]>, rule: DuplicateRule, c: DuplicateCandidate): void {
  const keys = rule.match === 'TITLEALTPHONE' ? [c.altPhone] : rule.match === 'PHONEALT' ? [c.phoneNumber, c.altPhone] : [c.phoneNumber];
  for (const key of new Set(keys)) {
    if (!key) continue;
    const list = index.get(key);
    if (list) list.push(c);
    else index.set(key, [c]);
  }
}

export class LeadIntake {
  readonly phones = new PhoneValidator();
  readonly gmt = new GmtLookup();
  private campaignLists: Promise<number[]> | undefined;

  constructor(private readonly options: IntakeOptions) {}

  /**
   * One verdict per candidate, in order. Later rows of the batch are checked
   * against earlier accepted ones. `store` is the caller's transaction; the
   * reference-data caches live as long as this object.
   */
  async check(store: Store, candidates: readonly LeadCandidate[], now: Date): Promise<Verdict[]> {
    const o = this.options;
    const verdicts: (Verdict | undefined)[] = new Array(candidates.length);
    const states = candidates.map((c) => c.state);

    const lookups = o.phoneChecks.usacanAreacode || o.phoneChecks.nanpaPrefix;
    for (const [i, c] of candidates.entries()) {
      const problem = lookups ? await this.phones.problem(store, c.phone, o.phoneChecks) : PhoneValidator.basicProblem(c.phone, o.phoneChecks);
      if (problem) verdicts[i] = { ok: false, kind: 'invalid', problem };
      else if (o.lookupState && !c.state) states[i] = (await store.timeZones.stateOfAreacode(c.phoneCode, c.phone.slice(0, 3))) ?? '';
    }

    await this.checkDnc(store, candidates, verdicts);
    await this.checkDuplicates(store, candidates, verdicts, now);

    const out: Verdict[] = [];
    for (const [i, c] of candidates.entries()) {
      const v = verdicts[i];
      if (v) {
        out.push(v);
        continue;
      }
      const input = { phoneCode: c.phoneCode, phoneNumber: c.phone, state: states[i]!, postalCode: c.postalCode, owner: c.owner, tzMethod: o.tzMethod };
      const cached = this.gmt.cachedOffset(input, now);
      const gmt = cached === 'miss' ? await this.gmt.offset(store, input, now) : cached;
      out.push({ ok: true, gmt, state: states[i]! });
    }
    return out;
  }

  private async checkDnc(store: Store, candidates: readonly LeadCandidate[], verdicts: (Verdict | undefined)[]): Promise<void> {
    const o = this.options;
    const open = () => candidates.map((c, i) => ({ c, i })).filter(({ i }) => !verdicts[i]);
    if (o.dncCheck !== 'N') {
      const hits = await store.leadAdmin.systemDncHits(open().flatMap(({ c }) => dncForms(c.phone, o.dncCheck)));
      for (const { c, i } of open()) if (dncForms(c.phone, o.dncCheck).some((f) => hits.has(f))) verdicts[i] = { ok: false, kind: 'dnc', campaign: false };
    }
    if (o.campaignDncCheck !== 'N') {
      const forms = open().flatMap(({ c }) => dncForms(c.phone, o.campaignDncCheck));
      const hits = await store.leadAdmin.campaignDncHits(forms, o.dncCampaignId);
      for (const { c, i } of open())
        if (dncForms(c.phone, o.campaignDncCheck).some((f) => hits.has(f))) verdicts[i] = { ok: false, kind: 'dnc', campaign: true };
    }
  }

  private async checkDuplicates(store: Store, candidates: readonly LeadCandidate[], verdicts: (Verdict | undefined)[], now: Date): Promise<void> {
    const { rules, days } = this.options.duplicates;
    if (rules.length === 0) return;
    const since = days === undefined ? undefined : new Date(now.getTime() - days * 86_400_000);
    // Per rule, the stored candidates and this batch's accepted rows, indexed by the value they are looked up by.
    const indexes = new Map<DuplicateRule, Map<string, DuplicateCandidate[]>>();
    for (const rule of rules) {
      const keys = candidates.filter((_, i) => !verdicts[i]).map((c) => duplicateKey(rule, c));
      const index = new Map<string, DuplicateCandidate[]>();
      for (const found of await store.leadAdmin.duplicateCandidates(rule.match, keys, await this.listsFor(store, rule), since))
        addToIndex(index, rule, found);
      indexes.set(rule, index);
    }
    const batchRow = new Map<DuplicateCandidate, number>();
    for (const [i, c] of candidates.entries()) {
      if (verdicts[i]) continue;
      for (const rule of rules) {
        const hit = matchDuplicate(rule, c, indexes.get(rule)!.get(duplicateKey(rule, c)) ?? []);
        if (hit) {
          const earlier = batchRow.get(hit as DuplicateCandidate);
          verdicts[i] = { ok: false, kind: 'duplicate', rule, hit: earlier === undefined ? hit : { batchIndex: earlier } };
          break;
        }
      }
      if (verdicts[i]) continue;
      // Accepted rows are new leads of the target list: every scope covers them. Stored leads
      // have lower ids than these stand-ins only in order of preference, so give them the highest.
      const self: DuplicateCandidate = {
        leadId: Number.MAX_SAFE_INTEGER - candidates.length + i,
        listId: this.options.listId,
        phoneNumber: c.phone,
        altPhone: c.altPhone,
        title: c.title,
        firstName: c.firstName,
        lastName: c.lastName,
      };
      batchRow.set(self, i);
      for (const rule of rules) addToIndex(indexes.get(rule)!, rule, self);
    }
  }

  /** The lists a rule searches: the target list, its campaign's lists, or all (undefined). */
  private async listsFor(store: Store, rule: DuplicateRule): Promise<number[] | undefined> {
    if (rule.scope === 'SYS') return undefined;
    if (rule.scope === 'LIST') return [this.options.listId];
    this.campaignLists ??= (async () => {
      const list = await store.campaigns.findList(this.options.listId);
      return list ? store.campaigns.listIdsOfCampaign(list.campaignId) : [];
    })();
    return this.campaignLists;
  }
}
