/**
 * What the console shows rather than edits: its catalog (/meta), the
 * permission matrix, the API audit log (JSON pages and CSV), explain, the
 * least-privilege advisor and the admin change log.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { advise } from '../../admin/advisor.js';
import { AdminError, notFound, staleEdit } from '../../admin/admin-error.js';
import { auditCsvLine, csvLine, CSV_HEADER, shownAuditRow } from '../../admin/audit-csv.js';
import { FLAG_HELP, functionChoices, PERMISSION_FLAGS } from '../../admin/catalog.js';
import { changeView } from '../../admin/change-log.js';
import { loggedOutcome } from '../../admin/logged-outcome.js';
import { permissionMatrix } from '../../admin/permission-matrix.js';
import { PRESETS, PURPOSES } from '../../admin/function-purposes.js';
import { formatFunctions, PASSWORD_RULE } from '../../admin/schemas.js';
import { UserAdmin } from '../../admin/user-admin.js';
import { explainRequest } from '../../api/agent/explain.js';
import type { Services } from '../../app/services.js';
import { columnChoices } from '../../store/repositories/admin-records.js';
import type { AuditFilter, AuditRow } from '../../store/repositories/audit-search.js';
import type { AdminMeta, AuditPage, ChangeList, LoggedExplanation, TightenResult } from '../../wire/admin.js';
import { adminRoute, parse } from './admin-guard.js';

const text = (max: number) => z.string().trim().max(max).optional().transform((v) => v || undefined);
const moment = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const date = new Date(v);
    if (Number.isNaN(date.getTime())) ctx.addIssue({ code: 'custom', message: 'a date and time, e.g. 2026-11-28T10:00' });
    return date;
  });

const auditQuery = z.object({
  apiUser: text(20),
  agentUser: text(20),
  function: text(30),
  result: z.enum(['SUCCESS', 'ERROR', 'NOTICE', '']).optional().transform((v) => v || undefined),
  source: text(20),
  remoteIp: text(45),
  from: moment,
  to: moment,
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const explainBody = z
  .object({
    user: z.string().min(1, 'choose the API user').max(20),
    agentUser: z.string().max(20).optional(),
    function: z.string().min(1, 'choose a function').max(40),
    value: z.string().max(255).optional(),
    leadId: z.string().regex(/^\d*$/, 'a lead id is digits').optional(),
    params: z.record(z.string().max(40), z.string().max(255)).optional(),
    remoteIp: z.string().max(45).optional(),
  })
  .strict();

const DAY = 24 * 60 * 60 * 1000;

export function registerInsightRoutes(app: FastifyInstance, services: Services): void {
  const users = new UserAdmin(services);

  app.get(
    '/api/v2/admin/meta',
    adminRoute(services, async ({ actor }): Promise<AdminMeta> => ({
      me: { user: actor.user, level: Number(actor.values.user_level), flags: Object.fromEntries(PERMISSION_FLAGS.map((f) => [f, actor.values[f] === '1'])) },
      functions: functionChoices(),
      purposes: PURPOSES,
      presets: PRESETS,
      password: PASSWORD_RULE,
      flags: PERMISSION_FLAGS.map((name) => ({ name, help: FLAG_HELP[name] })),
      choices: {
        modify_leads: columnChoices('users', 'modify_leads'),
        agentcall_manual: columnChoices('users', 'agentcall_manual'),
        dial_method: columnChoices('campaigns', 'dial_method'),
        api_manual_dial: columnChoices('campaigns', 'api_manual_dial'),
        manual_preview_dial: columnChoices('campaigns', 'manual_preview_dial'),
        alt_number_dialing: columnChoices('campaigns', 'alt_number_dialing'),
        agent_lead_search: columnChoices('campaigns', 'agent_lead_search'),
        agent_notifications: columnChoices('systemSettings', 'agent_notifications'),
        outbound_cid_any: columnChoices('systemSettings', 'outbound_cid_any'),
        allow_ip_lists: columnChoices('systemSettings', 'allow_ip_lists'),
        billable: columnChoices('pauseCodes', 'billable'),
      },
    })),
  );

  app.get('/api/v2/admin/matrix', adminRoute(services, async () => permissionMatrix(services.store, services.clock)));

  app.get(
    '/api/v2/admin/audit',
    adminRoute(services, async ({ request }): Promise<AuditPage> => {
      const { limit, ...filter } = parse(auditQuery, request.query);
      const rows = await services.store.auditSearch.search(filter, limit + 1);
      const page = rows.slice(0, limit);
      return { rows: page.map(shownAuditRow), next: rows.length > limit ? page[page.length - 1]!.apiId : null };
    }),
  );

  // Streamed page by page, so an export of a large log neither waits nor fills memory.
  app.get(
    '/api/v2/admin/audit.csv',
    adminRoute(services, async ({ request, reply }) => {
      const { limit: _limit, ...filter } = parse(auditQuery, request.query);
      async function* lines() {
        yield csvLine(CSV_HEADER);
        let before: number | undefined = filter.before;
        for (;;) {
          const page: AuditRow[] = await services.store.auditSearch.search({ ...filter, before } satisfies AuditFilter, 1000);
          for (const row of page) yield auditCsvLine(row);
          if (page.length < 1000) return;
          before = page[page.length - 1]!.apiId;
        }
      }
      return reply
        .header('Content-Type', 'text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="agentgate-audit.csv"')
        .send(Readable.from(lines()));
    }),
  );

  app.post(
    '/api/v2/admin/explain',
    adminRoute(services, async ({ request }) => explainRequest(services.agentApi, services.agentFunctions, parse(explainBody, request.body))),
  );

  // A logged request, explained as it was sent: its own parameters and address.
  app.get(
    '/api/v2/admin/audit/:apiId/explain',
    adminRoute(services, async ({ request }) => {
      const { apiId } = parse(z.object({ apiId: z.coerce.number().int().positive() }), request.params);
      const row = await services.store.auditSearch.find(apiId);
      if (!row) throw notFound(`Audit row ${apiId}`);
      if (row.script !== 'agent') throw new AdminError(400, 'not-agent-api', 'Only agent API requests can be explained.');
      const query = row.url.includes('?') ? row.url.slice(row.url.indexOf('?') + 1) : '';
      const params = Object.fromEntries(new URLSearchParams(query));
      const explanation = await explainRequest(services.agentApi, services.agentFunctions, {
        user: row.user,
        agentUser: params.agent_user ?? row.agentUser,
        function: row.function,
        params,
        remoteIp: row.remoteIp,
      });
      const logged = shownAuditRow(row);
      return { logged, outcome: loggedOutcome(logged), explanation } satisfies LoggedExplanation;
    }),
  );

  const adviceQuery = z.object({ from: moment, to: moment, previewFrom: moment });
  const period = (q: z.infer<typeof adviceQuery>) => {
    const to = q.to ?? services.clock.now();
    return { from: q.from ?? new Date(to.getTime() - 30 * DAY), to, previewFrom: q.previewFrom ?? new Date(0) };
  };

  app.get(
    '/api/v2/admin/advisor/:user',
    adminRoute(services, async ({ request }) => {
      const { user } = parse(z.object({ user: z.string().min(1).max(20) }), request.params);
      const p = period(parse(adviceQuery, request.query));
      return advise(services.store, user, p.from, p.to, p.previewFrom);
    }),
  );

  app.post(
    '/api/v2/admin/advisor/:user/tighten',
    adminRoute(services, async ({ actor, request }) => {
      const { user } = parse(z.object({ user: z.string().min(1).max(20) }), request.params);
      const body = parse(adviceQuery.extend({ version: z.string().min(1, 'send the version you reviewed') }).strict(), request.body);
      const p = period(body);
      const advice = await advise(services.store, user, p.from, p.to, p.from);
      if (advice.proposed.length === 0)
        throw new AdminError(
          409,
          'nothing-used',
          `${user} made no call in this period: tightening would refuse every call. Turn off its Agent API Access instead.`,
        );
      // What was reviewed must still be current, whether or not anything would change.
      if (body.version !== advice.version) throw staleEdit(`User ${user}`);
      // Nothing would change: write nothing, not even a "no change" row in the change log.
      if (advice.alreadyTight) return { ...(await users.get(user)), changed: false, applied: advice.proposed } satisfies TightenResult;
      const updated = await users.update(actor, user, body.version, { api_allowed_functions: formatFunctions(advice.proposed) });
      return { ...updated, changed: true, applied: advice.proposed } satisfies TightenResult;
    }),
  );

  app.get(
    '/api/v2/admin/changes',
    adminRoute(services, async ({ request }) => {
      const q = parse(z.object({ section: text(30), recordId: text(50), before: z.coerce.number().int().positive().optional() }), request.query);
      return { changes: (await services.store.adminLog.list(q, 100)).map(changeView) } satisfies ChangeList;
    }),
  );
}
