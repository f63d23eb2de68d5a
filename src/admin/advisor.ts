/**
 * The least-privilege advisor: what an API user called over a period against
 * what it may call, a proposal of exactly what it used, and a preview of the
 * calls the proposal would have refused.
 */
import { ALL_FUNCTIONS, parseSet } from '../domain/vicidial-sets.js';
import type { FunctionUsage } from '../store/repositories/audit-search.js';
import type { Store } from '../store/store.js';
import { notFound } from './admin-error.js';
import { KNOWN_FUNCTIONS } from './catalog.js';

export interface Advice {
  readonly user: string;
  readonly from: string;
  readonly to: string;
  readonly allowsAll: boolean;
  /** api_allowed_functions as names ([ALL_FUNCTIONS] when it allows all). */
  readonly allowed: readonly string[];
  readonly used: readonly FunctionUsage[];
  /** Allowed but not used in the period. */
  readonly unused: readonly string[];
  /** What "tighten to what is used" would write. */
  readonly proposed: readonly string[];
  /** Calls since previewFrom that the proposal would have refused. */
  readonly wouldRefuse: readonly { readonly function: string; readonly calls: number }[];
  readonly previewFrom: string;
  /** The user's version, to tighten with. */
  readonly version: string;
}

export async function advise(store: Store, user: string, from: Date, to: Date, previewFrom: Date): Promise<Advice> {
  const record = await store.adminRecords.get('users', { user });
  if (!record) throw notFound(`User ${user}`);
  const allowed = parseSet(String(record.values.api_allowed_functions ?? ''));
  const allowsAll = allowed.includes(ALL_FUNCTIONS);
  const used = await store.auditSearch.usage(user, from, to);
  const proposed = used.filter((u) => u.admitted > 0 && KNOWN_FUNCTIONS.has(u.function)).map((u) => u.function);
  const usedNames = new Set(proposed);
  const unused = allowsAll ? [ALL_FUNCTIONS] : allowed.filter((f) => !usedNames.has(f));
  const history = await store.auditSearch.usage(user, previewFrom, to);
  const wouldRefuse = history.filter((u) => u.admitted > 0 && !usedNames.has(u.function)).map((u) => ({ function: u.function, calls: u.admitted }));
  return {
    user,
    from: from.toISOString(),
    to: to.toISOString(),
    allowsAll,
    allowed: allowsAll ? [ALL_FUNCTIONS] : allowed,
    used,
    unused,
    proposed,
    wouldRefuse,
    previewFrom: previewFrom.toISOString(),
    version: record.version,
  };
}
