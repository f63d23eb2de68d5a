import type { Insertable } from 'kysely';
import type { SystemSettings } from '../../domain/system-settings.js';
import type { Database } from '../schema/database.js';
import type { Executor } from './executor.js';
import { ONE_ROW } from './one-row.js';

/** What a database without a system_settings row behaves like: VICIdial's column defaults. */
const DEFAULTS: SystemSettings = {
  agentApiActive: false,
  useNonLatin: false,
  outboundCidAny: 'DISABLED',
  agentNotifications: 0,
  passHashEnabled: false,
  passKey: '',
  passCost: 2,
  allowIpLists: false,
  systemIpBlacklist: '',
  customFieldsEnabled: false,
};

export class SettingsRepository {
  constructor(private readonly db: Executor) {}

  async get(): Promise<SystemSettings> {
    const row = await this.db
      .selectFrom('system_settings')
      .select([
        'vdc_agent_api_active',
        'use_non_latin',
        'outbound_cid_any',
        'agent_notifications',
        'pass_hash_enabled',
        'pass_key',
        'pass_cost',
        'allow_ip_lists',
        'system_ip_blacklist',
        'custom_fields_enabled',
      ])
      .limit(ONE_ROW)
      .executeTakeFirst();
    if (!row) return DEFAULTS;
    return {
      agentApiActive: row.vdc_agent_api_active === '1',
      useNonLatin: row.use_non_latin === '1',
      outboundCidAny: row.outbound_cid_any,
      agentNotifications: Number(row.agent_notifications),
      passHashEnabled: row.pass_hash_enabled === '1',
      passKey: row.pass_key,
      passCost: Number(row.pass_cost),
      allowIpLists: Number(row.allow_ip_lists) > 0,
      systemIpBlacklist: row.system_ip_blacklist,
      customFieldsEnabled: row.custom_fields_enabled === '1',
    };
  }

  async insert(row: Insertable<Database['system_settings']>): Promise<void> {
    await this.db.insertInto('system_settings').values(row).execute();
  }

  /** Whether any of the given addresses is in the IP list. */
  async ipListContains(listId: string, addresses: readonly string[]): Promise<boolean> {
    if (addresses.length === 0) return false;
    const row = await this.db
      .selectFrom('vicidial_ip_list_entries')
      .select('ip_address')
      .where('ip_list_id', '=', listId)
      .where('ip_address', 'in', addresses)
      .limit(ONE_ROW)
      .executeTakeFirst();
    return !!row;
  }
}
