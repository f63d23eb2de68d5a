/**
 * add_lead's duplicate_check option (spec §7.16 step 7): a text in which
 * each check is found by substring, so several combine
 * ("DUPLIST-DUPNAMEPHONESYS"), with an optional age window ("…30DAY").
 * The checks run in VICIdial's fixed order; the first hit refuses the lead.
 */

export type DuplicateScope = 'LIST' | 'CAMP' | 'SYS';
export type DuplicateMatch = 'PHONE' | 'PHONEALT' | 'TITLEALTPHONE' | 'NAMEPHONE';

export interface DuplicateRule {
  readonly option: string;
  readonly match: DuplicateMatch;
  readonly scope: DuplicateScope;
}

const ORDER: readonly DuplicateRule[] = (
  [
    ['DUPLIST', 'PHONE', 'LIST'],
    ['DUPCAMP', 'PHONE', 'CAMP'],
    ['DUPSYS', 'PHONE', 'SYS'],
    ['DUPPHONEALTLIST', 'PHONEALT', 'LIST'],
    ['DUPPHONEALTCAMP', 'PHONEALT', 'CAMP'],
    ['DUPPHONEALTSYS', 'PHONEALT', 'SYS'],
    ['DUPTITLEALTPHONELIST', 'TITLEALTPHONE', 'LIST'],
    ['DUPTITLEALTPHONECAMP', 'TITLEALTPHONE', 'CAMP'],
    ['DUPTITLEALTPHONESYS', 'TITLEALTPHONE', 'SYS'],
    ['DUPNAMEPHONELIST', 'NAMEPHONE', 'LIST'],
    ['DUPNAMEPHONECAMP', 'NAMEPHONE', 'CAMP'],
    ['DUPNAMEPHONESYS', 'NAMEPHONE', 'SYS'],
  ] as const
).map(([option, match, scope]) => ({ option, match, scope }));

const WINDOWS = [1, 2, 3, 7, 14, 15, 21, 28, 30, 60, 90, 180, 360];

export interface DuplicatePolicy {
  readonly rules: readonly DuplicateRule[];
  /** Only leads entered in the last `days` days count, when set. */
  readonly days: number | undefined;
}

/** The checks a duplicate_check value asks for, each option found by substring as the PHP does. */
export function parseDuplicateCheck(value: string | undefined): DuplicatePolicy {
  const text = value ?? '';
  const rules = ORDER.filter((rule) => text.includes(rule.option));
  // The largest window whose text occurs wins ("21DAY" also contains "1DAY").
  const days = WINDOWS.filter((n) => text.includes(`${n}DAY`)).pop();
  return { rules, days };
}

export interface DuplicateHit {
  readonly leadId: number;
  readonly listId: number;
  readonly phoneNumber: string;
}

export interface DuplicateSubject {
  readonly phone: string;
  readonly listId: string | number;
  readonly title: string;
  readonly altPhone: string;
  readonly firstName: string;
  readonly lastName: string;
}

const WHERE: Readonly<Record<DuplicateScope, string>> = { LIST: 'IN LIST', CAMP: 'IN CAMPAIGN LISTS', SYS: 'IN SYSTEM' };

/**
 * The reason and fields of add_lead's duplicate error line for a hit. A hit
 * the caller may not see (`hidden`) keeps the line's shape with its lead id
 * and list left empty: the refusal must not reveal what it protects.
 */
export function duplicateMessage(
  rule: DuplicateRule,
  s: DuplicateSubject,
  found: DuplicateHit,
  hidden = false,
): { reason: string; fields: (string | number)[] } {
  const where = WHERE[rule.scope];
  const withList = rule.scope !== 'LIST';
  const which = found.phoneNumber === s.phone ? 'PHONE' : 'ALT';
  const hit = hidden ? { leadId: '', listId: '' } : found;
  switch (rule.match) {
    case 'PHONE':
      return { reason: `add_lead DUPLICATE PHONE NUMBER ${where}`, fields: [s.phone, s.listId, hit.leadId, ...(withList ? [hit.listId] : [])] };
    case 'PHONEALT':
      return {
        reason: `add_lead DUPLICATE PHONE NUMBER ${where}`,
        fields: [s.phone, s.listId, hit.leadId, ...(withList ? [hit.listId] : []), which],
      };
    case 'TITLEALTPHONE':
      return {
        reason: `add_lead DUPLICATE TITLE ALT_PHONE ${where}`,
        fields: [s.title, s.altPhone, s.listId, hit.leadId, ...(withList ? [hit.listId] : [])],
      };
    case 'NAMEPHONE':
      return {
        reason: `add_lead DUPLICATE NAME PHONE ${where}`,
        fields: [s.firstName, s.lastName, s.phone, s.listId, hit.leadId, ...(withList ? [hit.listId] : [])],
      };
  }
}

/** A stored lead the duplicate queries found, with the columns the checks compare. */
export interface DuplicateCandidate extends DuplicateHit {
  readonly altPhone: string;
  readonly title: string;
  readonly firstName: string;
  readonly lastName: string;
}

/** The lowest-id candidate that matches the rule (VICIdial takes "LIMIT 1"; we make it deterministic). */
export function matchDuplicate(rule: DuplicateRule, s: DuplicateSubject, candidates: readonly DuplicateCandidate[]): DuplicateHit | undefined {
  let best: DuplicateCandidate | undefined;
  for (const c of candidates) {
    const hit =
      rule.match === 'PHONE'
        ? c.phoneNumber === s.phone
        : rule.match === 'PHONEALT'
          ? c.phoneNumber === s.phone || c.altPhone === s.phone
          : rule.match === 'TITLEALTPHONE'
            ? c.title === s.title && c.altPhone === s.altPhone
            : c.firstName === s.firstName && c.lastName === s.lastName && c.phoneNumber === s.phone;
    if (hit && (!best || c.leadId < best.leadId)) best = c;
  }
  return best;
}

/** The value the candidates are looked up by, for a rule. */
export function duplicateKey(rule: DuplicateRule, s: DuplicateSubject): string {
  return rule.match === 'TITLEALTPHONE' ? s.altPhone : s.phone;
}
