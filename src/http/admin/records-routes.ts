/**
 * /api/v2/admin/records/:section — user groups, campaigns, lists, statuses,
 * campaign statuses, pause codes and system settings, one shape for all:
 * GET lists (optionally ?campaign_id=), POST {key, values} creates,
 * PATCH {key, version, changes} edits, DELETE {key, version} removes
 * (campaign statuses and pause codes only).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AdminError } from '../../admin/admin-error.js';
import { RecordAdmin } from '../../admin/record-admin.js';
import { RECORD_SCHEMAS, type RecordSection } from '../../admin/schemas.js';
import type { Services } from '../../app/services.js';
import type { RecordKey } from '../../store/repositories/admin-records.js';
import type { RecordList, VersionedRecord } from '../../wire/admin.js';
import { adminRoute, parse } from './admin-guard.js';

const sectionParam = z.object({ section: z.enum(Object.keys(RECORD_SCHEMAS) as [RecordSection, ...RecordSection[]], { error: 'no such section' }) });
const REMOVABLE = new Set<RecordSection>(['campaignStatuses', 'pauseCodes']);
const CREATABLE = new Set<RecordSection>(['userGroups', 'lists', 'statuses', 'campaignStatuses', 'pauseCodes', 'campaigns']);

export function registerRecordRoutes(app: FastifyInstance, services: Services): void {
  const records = new RecordAdmin(services);
  const url = '/api/v2/admin/records/:section';

  app.get(
    url,
    adminRoute(services, async ({ actor, request }): Promise<RecordList> => {
      const { section } = parse(sectionParam, request.params);
      const { campaign_id } = parse(z.object({ campaign_id: z.string().max(8).optional() }), request.query);
      return { records: await records.list(actor, section, campaign_id ? { campaign_id } : undefined) };
    }),
  );

  app.post(
    url,
    adminRoute(services, async ({ actor, request, reply }) => {
      const { section } = parse(sectionParam, request.params);
      if (!CREATABLE.has(section)) throw new AdminError(405, 'not-creatable', `${section} cannot be created here.`);
      const schema = RECORD_SCHEMAS[section];
      const body = parse(z.object({ key: schema.key, values: schema.fields.partial() }).strict(), request.body);
      const created: VersionedRecord = await records.create(actor, section, body.key as RecordKey, body.values);
      return reply.code(201).send(created);
    }),
  );

  app.patch(
    url,
    adminRoute(services, async ({ actor, request }): Promise<VersionedRecord> => {
      const { section } = parse(sectionParam, request.params);
      const schema = RECORD_SCHEMAS[section];
      const body = parse(
        z.object({ key: schema.key, version: z.string().min(1, 'send the version you edited'), changes: schema.fields.partial() }).strict(),
        request.body,
      );
      return records.update(actor, section, body.key as RecordKey, body.version, body.changes);
    }),
  );

  app.delete(
    url,
    adminRoute(services, async ({ actor, request, reply }) => {
      const { section } = parse(sectionParam, request.params);
      if (!REMOVABLE.has(section)) throw new AdminError(405, 'not-removable', `${section} cannot be deleted here; deactivate it instead.`);
      const schema = RECORD_SCHEMAS[section];
      const body = parse(z.object({ key: schema.key, version: z.string().min(1) }).strict(), request.body);
      await records.remove(actor, section, body.key as RecordKey, body.version);
      return reply.code(204).send();
    }),
  );
}
