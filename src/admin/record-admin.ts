/**
 * Every other record of the console — user groups, campaigns, lists,
 * statuses, pause codes, system settings — through one path: the section's
 * flag, compare-and-set on the version, the change log, and the caches that
 * must hear of it.
 */
import type { RecordKey, RecordValues, VersionedRecord } from '../store/repositories/admin-records.js';
import { requireSection, type AdminDeps } from './actor.js';
import { AdminError, notFound, staleEdit } from './admin-error.js';
import { logChange, type Actor } from './change-log.js';
import type { RecordSection } from './schemas.js';

const keyText = (key: RecordKey) => Object.values(key).join(' ') || 'system settings';

export class RecordAdmin {
  constructor(private readonly deps: AdminDeps) {}

  list(section: RecordSection, where?: RecordKey): Promise<VersionedRecord[]> {
    return this.deps.store.adminRecords.list(section, where ? { where } : {});
  }

  async create(actor: Actor, section: RecordSection, key: RecordKey, values: RecordValues): Promise<VersionedRecord> {
    requireSection(actor, section);
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
      const result = await store.adminRecords.delete(section, key, version);
      if (result.status === 'missing') throw notFound(keyText(key));
      if (result.status === 'stale') throw staleEdit(keyText(key));
      await logChange(store, actor, now, { section, type: 'DELETE', recordId: keyText(key), before: result.before, after: {} });
    });
    this.changed(section);
  }

  /** A changed setting must reach the next request, not the next cache expiry (groups are read per request). */
  private changed(section: RecordSection): void {
    if (section === 'systemSettings') this.deps.settings.invalidate();
  }
}
