/**
 * The least-privilege advisor: what an API user called over a period against
 * what it may call, a proposal of exactly what it used, and a preview of the
 * calls the proposal would have refused. When the user already has exactly
 * what it uses, there is nothing to tighten (alreadyTight).
 */
import { ALL_FUNCTIONS, parseSet } from '../domain/vicidial-sets.js';
import type { Store } from '../store/store.js';
import type { Advice } from '../wire/admin.js';
import { notFound } from './admin-error.js';
import { KNOWN_FUNCTIONS } from './catalog.js';

export type { Advice } from '../wire/admin.js';

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
  const alreadyTight = !allowsAll && proposed.length === allowed.length && allowed.every((f) => usedNames.has(f));
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
    alreadyTight,
    wouldRefuse,
    previewFrom: previewFrom.toISOString(),
    version: record.version,
  };
}
