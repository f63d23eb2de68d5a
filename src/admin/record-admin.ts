/**
 * Every other record of the console — user groups, campaigns, lists,
 * statuses, pause codes, system settings — through one path: the section's
 * flag, the administrator's reach (admin-scope.ts), compare-and-set on the
 * version, the change log, and the caches that must hear of it.
 */
import type { RecordKey, RecordValues, VersionedRecord } from '../store/repositories/admin-records.js';
import type { Store } from '../store/store.js';
import { requireSection, type AdminDeps } from './actor.js';
import { checkRecordWrite, mayReadRecord, outOfReach, recordsWithin } from './admin-scope.js';
import { AdminError, notFound, staleEdit } from './admin-error.js';
import { logChange, type Actor } from './change-log.js';
import type { RecordSection } from './schemas.js';

const keyText = (key: RecordKey) => Object.values(key).join(' ') || 'system settings';

export class RecordAdmin {
  constructor(private readonly deps: AdminDeps) {}

  /** The section's records within the administrator's reach. */
  list(actor: Actor, section: RecordSection, where?: RecordKey): Promise<VersionedRecord[]> {
    const within = recordsWithin(actor.scope, section);
    return this.deps.store.adminRecords.list(section, { ...(where ? { where } : {}), ...(within ? { within } : {}) });
  }

  async create(actor: Actor, section: RecordSection, key: RecordKey, values: RecordValues): Promise<VersionedRecord> {
    requireSection(actor, section);
    checkRecordWrite(actor.scope, section, { ...values, ...key }, values);
    const now = this.deps.clock.now();
    const created = await this.deps.store.transaction(async (store) => {
      if (await store.adminRecords.get(section, key)) throw new AdminError(409, 'exists', `${keyText(key)} already exists.`);
      const record = await store.adminRecords.insert(section, { ...values, ...key });
      await logChange(store, actor, now, { section, type: 'ADD', recordId: keyText(key), before: {}, after: record.values, set: values });
      return record;
    });
    this.changed(section);
    return created;
  }

  async update(actor: Actor, section: RecordSection, key: RecordKey, version: string, changes: RecordValues): Promise<VersionedRecord> {
    requireSection(actor, section);
    const now = this.deps.clock.now();
    const updated = await this.deps.store.transaction(async (store) => {
      const current = await this.readable(store, actor, section, key);
      checkRecordWrite(actor.scope, section, { ...current.values, ...changes }, changes);
      const result = await store.adminRecords.update(section, key, version, changes);
      if (result.status === 'missing') throw notFound(keyText(key));
      if (result.status === 'stale') throw staleEdit(keyText(key));
      await logChange(store, actor, now, { section, type: 'MODIFY', recordId: keyText(key), before: result.before, after: result.after });
      return { values: result.after, version: result.version };
    });
    this.changed(section);
    return updated;
  }

  async remove(actor: Actor, section: RecordSection, key: RecordKey, version: string): Promise<void> {
    requireSection(actor, section);
    const now = this.deps.clock.now();
    await this.deps.store.transaction(async (store) => {
      const current = await this.readable(store, actor, section, key);
      checkRecordWrite(actor.scope, section, current.values, {});
      const result = await store.adminRecords.delete(section, key, version);
      if (result.status === 'missing') throw notFound(keyText(key));
      if (result.status === 'stale') throw staleEdit(keyText(key));
      await logChange(store, actor, now, { section, type: 'DELETE', recordId: keyText(key), before: result.before, after: {} });
    });
    this.changed(section);
  }

  /** The record, if it exists within the administrator's reach; the same refusal either way. */
  private async readable(store: Store, actor: Actor, section: RecordSection, key: RecordKey): Promise<VersionedRecord> {
    const current = await store.adminRecords.get(section, key);
    if (!current || !mayReadRecord(actor.scope, section, current.values)) throw outOfReach(keyText(key), actor.scope);
    return current;
  }

  /** A changed setting must reach the next request, not the next cache expiry (groups are read per request). */
  private changed(section: RecordSection): void {
    if (section === 'systemSettings') this.deps.settings.invalidate();
  }
}
