import { sql, type Insertable, type Selectable } from 'kysely';
import { sqlDateTime } from '../../domain/clock.js';
import { LEAD_FIELDS, type Lead, type LeadField, type LeadFields } from '../../domain/lead.js';
import type { Database } from '../schema/database.js';
import { fitRow } from '../schema/fit-row.js';
import type { Executor } from './executor.js';
import { ONE_ROW } from './one-row.js';

type LeadRow = Selectable<Database['vicidial_list']>;

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function toLead(row: LeadRow): Lead {
  const fields = Object.fromEntries(LEAD_FIELDS.map((f) => [f, text(row[f])])) as Record<LeadField, string>;
  return {
    leadId: Number(row.lead_id),
    listId: Number(row.list_id),
    status: text(row.status),
    user: text(row.user),
    phoneCode: fields.phone_code,
    phoneNumber: fields.phone_number,
    altPhone: fields.alt_phone,
    address3: fields.address3,
    vendorLeadCode: fields.vendor_lead_code,
    sourceId: fields.source_id,
    province: fields.province,
    securityPhrase: fields.security_phrase,
    firstName: fields.first_name,
    lastName: fields.last_name,
    calledCount: Number(row.called_count),
    fields,
  };
}

/** Lead columns that hold numbers: an empty string there becomes 0, as on a non-strict MySQL. */
const NUMERIC_FIELDS = new Set<LeadField>(['gmt_offset_now', 'rank']);

function leadColumns(fields: LeadFields): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(fields) as [LeadField, string][]) {
    if (NUMERIC_FIELDS.has(key)) out[key] = Number.parseFloat(value) || 0;
    else if (key === 'date_of_birth') out[key] = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
    else if (key === 'gender') out[key] = ['M', 'F', 'U'].includes(value) ? value : 'U';
    else out[key] = value;
  }
  return out;
}

export interface NewLead {
  readonly listId: number;
  readonly status: string;
  readonly user: string;
  readonly now: Date;
  readonly fields: LeadFields & { phone_number: string };
}

export interface AgentCallback {
  readonly id: number;
  readonly leadId: number;
  readonly campaignId: string;
  /** YYYY-MM-DD HH:MM:SS */
  readonly at: string;
  readonly comments: string;
  readonly name: string;
  readonly phone: string;
}

export class LeadsRepository {
  constructor(private readonly db: Executor) {}

  async find(leadId: number): Promise<Lead | undefined> {
    if (!Number.isSafeInteger(leadId) || leadId < 1) return undefined;
    const row = await this.db.selectFrom('vicidial_list').selectAll().where('lead_id', '=', leadId).executeTakeFirst();
    return row && toLead(row);
  }

  /** The newest lead carrying this vendor_lead_code (switch_lead). */
  async findNewestByVendorCode(vendorLeadCode: string): Promise<Lead | undefined> {
    const row = await this.db
      .selectFrom('vicidial_list')
      .selectAll()
      .where('vendor_lead_code', '=', vendorLeadCode)
      .orderBy('lead_id', 'desc')
      .limit(ONE_ROW)
      .executeTakeFirst();
    return row && toLead(row);
  }

  /** The newest lead with this phone number in one of the lists. */
  async findByPhoneInLists(phoneNumber: string, listIds: readonly number[]): Promise<Lead | undefined> {
    if (listIds.length === 0) return undefined;
    const row = await this.db
      .selectFrom('vicidial_list')
      .selectAll()
      .where('phone_number', '=', phoneNumber)
      .where('list_id', 'in', listIds)
      .orderBy('lead_id', 'desc')
      .limit(ONE_ROW)
      .executeTakeFirst();
    return row && toLead(row);
  }

  /** The next dialable lead of a campaign's lists: lowest id with a dialable status, never called since reset. */
  async nextDialable(listIds: readonly number[], statuses: readonly string[]): Promise<Lead | undefined> {
    if (listIds.length === 0 || statuses.length === 0) return undefined;
    const row = await this.db
      .selectFrom('vicidial_list')
      .selectAll()
      .where('list_id', 'in', listIds)
      .where('status', 'in', statuses)
      .where('called_since_last_reset', '=', 'N')
      .orderBy('lead_id')
      .limit(ONE_ROW)
      .executeTakeFirst();
    return row && toLead(row);
  }

  async insert(lead: NewLead): Promise<number> {
    const stamp = sqlDateTime(lead.now);
    const row = fitRow('vicidial_list', {
      ...leadColumns(lead.fields),
      phone_number: lead.fields.phone_number,
      list_id: lead.listId,
      status: lead.status,
      user: lead.user,
      called_since_last_reset: 'N' as const,
      entry_date: stamp,
      modify_date: stamp,
      last_local_call_time: stamp,
    }) as Insertable<Database['vicidial_list']>;
    const result = await this.db.insertInto('vicidial_list').values(row).executeTakeFirstOrThrow();
    return Number(result.insertId);
  }

  /** Set some fields of one lead; returns the number of rows changed. */
  async updateFields(leadId: number, fields: LeadFields, now: Date): Promise<number> {
    if (Object.keys(fields).length === 0) return 0;
    const result = await this.db
      .updateTable('vicidial_list')
      .set({ ...fitRow('vicidial_list', leadColumns(fields)), modify_date: sqlDateTime(now) })
      .where('lead_id', '=', leadId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async setStatus(leadId: number, status: string, user: string, now: Date): Promise<void> {
    await this.db
      .updateTable('vicidial_list')
      .set(fitRow('vicidial_list', { status, user, modify_date: sqlDateTime(now) }))
      .where('lead_id', '=', leadId)
      .execute();
  }

  /** A dial attempt: count it and mark the lead called since the last reset. */
  async markDialed(leadId: number, now: Date): Promise<void> {
    await this.db
      .updateTable('vicidial_list')
      .set({
        called_count: sql`called_count + 1`,
        called_since_last_reset: 'Y',
        last_local_call_time: sqlDateTime(now),
        // Written, not left to MySQL's ON UPDATE: the same time on SQLite, and the agentgate clock's.
        modify_date: sqlDateTime(now),
      })
      .where('lead_id', '=', leadId)
      .execute();
  }

  async inSystemDnc(phoneNumber: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('vicidial_dnc')
      .select('phone_number')
      .where('phone_number', '=', phoneNumber)
      .executeTakeFirst();
    return !!row;
  }

  async inCampaignDnc(phoneNumber: string, campaignId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('vicidial_campaign_dnc')
      .select('phone_number')
      .where('phone_number', '=', phoneNumber)
      .where('campaign_id', '=', campaignId)
      .executeTakeFirst();
    return !!row;
  }

  async addSystemDnc(phoneNumber: string): Promise<void> {
    await this.db.insertInto('vicidial_dnc').values({ phone_number: phoneNumber }).execute();
  }

  async addCampaignDnc(phoneNumber: string, campaignId: string): Promise<void> {
    await this.db.insertInto('vicidial_campaign_dnc').values({ phone_number: phoneNumber, campaign_id: campaignId }).execute();
  }

  async insertCallback(callback: {
    leadId: number;
    listId: number;
    campaignId: string;
    callbackTime: string;
    user: string;
    userGroup: string;
    recipient: 'USERONLY' | 'ANYONE';
    comments: string;
    leadStatus: string;
    now: Date;
  }): Promise<number> {
    const stamp = sqlDateTime(callback.now);
    const result = await this.db
      .insertInto('vicidial_callbacks')
      .values(
        fitRow('vicidial_callbacks', {
          lead_id: callback.leadId,
          list_id: callback.listId,
          campaign_id: callback.campaignId,
          status: 'ACTIVE',
          entry_time: stamp,
          callback_time: callback.callbackTime,
          modify_date: stamp,
          user: callback.user,
          recipient: callback.recipient,
          comments: callback.comments,
          user_group: callback.userGroup,
          lead_status: callback.leadStatus,
        }),
      )
      .executeTakeFirstOrThrow();
    return Number(result.insertId);
  }

  /**
   * An agent's own callbacks still to call (USERONLY, ACTIVE or LIVE), soonest
   * first, with the lead's name and number; and how many there are in all.
   */
  async agentCallbacks(user: string, limit: number): Promise<{ count: number; callbacks: AgentCallback[] }> {
    const mine = this.db
      .selectFrom('vicidial_callbacks as c')
      .where('c.user', '=', user)
      .where('c.recipient', '=', 'USERONLY')
      .where('c.status', 'in', ['ACTIVE', 'LIVE']);
    const count = await mine.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await mine
      .leftJoin('vicidial_list as l', 'l.lead_id', 'c.lead_id')
      .select(['c.callback_id', 'c.lead_id', 'c.campaign_id', 'c.callback_time', 'c.comments', 'l.first_name', 'l.last_name', 'l.phone_number'])
      .orderBy('c.callback_time')
      .orderBy('c.callback_id')
      .limit(limit)
      .execute();
    return {
      count: Number(count?.n ?? 0),
      callbacks: rows.map((r) => ({
        id: Number(r.callback_id),
        leadId: Number(r.lead_id),
        campaignId: text(r.campaign_id),
        at: text(r.callback_time),
        comments: text(r.comments),
        name: [text(r.first_name), text(r.last_name)].filter(Boolean).join(' '),
        phone: text(r.phone_number),
      })),
    };
  }

  /** One of the agent's own callbacks still to call, or undefined. */
  async findAgentCallback(user: string, callbackId: number): Promise<{ id: number; leadId: number } | undefined> {
    const row = await this.db
      .selectFrom('vicidial_callbacks')
      .select(['callback_id', 'lead_id'])
      .where('callback_id', '=', callbackId)
      .where('user', '=', user)
      .where('recipient', '=', 'USERONLY')
      .where('status', 'in', ['ACTIVE', 'LIVE'])
      .executeTakeFirst();
    return row && { id: Number(row.callback_id), leadId: Number(row.lead_id) };
  }

  /** A callback the agent has called is done: INACTIVE, as VICIdial marks it. */
  async closeCallback(callbackId: number, now: Date): Promise<void> {
    await this.db.updateTable('vicidial_callbacks').set({ status: 'INACTIVE', modify_date: sqlDateTime(now) }).where('callback_id', '=', callbackId).execute();
  }

  async callbacksForLead(leadId: number) {
    return this.db.selectFrom('vicidial_callbacks').selectAll().where('lead_id', '=', leadId).execute();
  }

  async insertRaw(row: Insertable<Database['vicidial_list']>): Promise<number> {
    const result = await this.db.insertInto('vicidial_list').values(fitRow('vicidial_list', row)).executeTakeFirstOrThrow();
    return Number(result.insertId);
  }

  async deleteSystemDnc(phoneNumber: string): Promise<number> {
    const result = await this.db.deleteFrom('vicidial_dnc').where('phone_number', '=', phoneNumber).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteCampaignDnc(phoneNumber: string, campaignId: string): Promise<number> {
    const result = await this.db.deleteFrom('vicidial_campaign_dnc').where('phone_number', '=', phoneNumber).where('campaign_id', '=', campaignId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async logDnc(entry: { phoneNumber: string; campaignId: string; action: 'add' | 'delete'; user: string; now: Date }): Promise<void> {
    await this.db
      .insertInto('vicidial_dnc_log')
      .values(fitRow('vicidial_dnc_log', { phone_number: entry.phoneNumber, campaign_id: entry.campaignId, action: entry.action, action_date: sqlDateTime(entry.now), user: entry.user }))
      .execute();
  }
}
