/**
 * What the console shows rather than edits: its catalog (/meta), the
 * permission matrix, the API audit log (JSON pages and CSV), explain, the
 * least-privilege advisor and the admin change log — each kept to what the
 * administrator's user group may administer (admin/admin-scope.ts).
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { advise } from '../../admin/advisor.js';
import { AdminError, staleEdit } from '../../admin/admin-error.js';
import { auditCsvLine, csvLine, CSV_HEADER, shownAuditRow } from '../../admin/audit-csv.js';
import { FLAG_HELP, functionChoices, PERMISSION_FLAGS } from '../../admin/catalog.js';
import { changeView } from '../../admin/change-log.js';
import { loggedOutcome } from '../../admin/logged-outcome.js';
import { permissionMatrix } from '../../admin/permission-matrix.js';
import { PRESETS, PURPOSES } from '../../admin/function-purposes.js';
import { formatFunctions, PASSWORD_RULE } from '../../admin/schemas.js';
import { UserAdmin } from '../../admin/user-admin.js';
import { explainRequest, type Explanation, type ExplainInput } from '../../api/explain.js';
import { groupsWithin, outOfReach, requireUsersWithin } from '../../admin/admin-scope.js';
import type { Actor } from '../../admin/change-log.js';
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

  /**
   * Explain for the console: the answer's first words only, and a row in the
   * admin change log — where an administrator reviewing what other
   * administrators did looks, by who, from where and when. (The API audit
   * trail would count it as the API user's own call, in the advisor and the
   * matrix's last use.)
   */
  async function explained(actor: Actor, input: ExplainInput): Promise<Explanation> {
    const explanation = await explainRequest(services, input);
    const verdict = explanation.allowed ? 'allowed' : `refused at ${explanation.decidedBy?.gate ?? 'function_checks'}`;
    await services.store.adminLog.insert({
      user: actor.user,
      ip: actor.ip,
      section: 'EXPLAIN',
      type: 'OTHER',
      recordId: input.user,
      code: 'ADMIN CONSOLE EXPLAIN',
      description: `explained ${explanation.function} by API user ${input.user} on agent ${explanation.agentUser || '(none)'}: ${verdict}`,
      notes: JSON.stringify({ params: explanation.params, answer: explanation.answer }),
      now: services.clock.now(),
    });
    return explanation;
  }

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

  app.get('/api/v2/admin/matrix', adminRoute(services, async ({ actor }) => permissionMatrix(services.store, services.clock, groupsWithin(actor.scope))));

  app.get(
    '/api/v2/admin/audit',
    adminRoute(services, async ({ actor, request }): Promise<AuditPage> => {
      const { limit, ...filter } = parse(auditQuery, request.query);
      const rows = await services.store.auditSearch.search({ ...filter, usersInGroups: groupsWithin(actor.scope) }, limit + 1);
      const page = rows.slice(0, limit);
      return { rows: page.map(shownAuditRow), next: rows.length > limit ? page[page.length - 1]!.apiId : null };
    }),
  );

  // Streamed page by page, so an export of a large log neither waits nor fills memory.
  app.get(
    '/api/v2/admin/audit.csv',
    adminRoute(services, async ({ actor, request, reply }) => {
      const { limit: _limit, ...query } = parse(auditQuery, request.query);
      const filter = { ...query, usersInGroups: groupsWithin(actor.scope) };
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
    adminRoute(services, async ({ actor, request }) => {
      const input = parse(explainBody, request.body);
      await requireUsersWithin(services.store, actor.scope, [input.user, input.agentUser]);
      return explained(actor, input);
    }),
  );

  // A logged request, explained as it was sent: its own parameters and address.
  app.get(
    '/api/v2/admin/audit/:apiId/explain',
    adminRoute(services, async ({ actor, request }) => {
      const { apiId } = parse(z.object({ apiId: z.coerce.number().int().positive() }), request.params);
      const row = await services.store.auditSearch.find(apiId, groupsWithin(actor.scope));
      if (!row) throw outOfReach(`Audit row ${apiId}`, actor.scope);
      if (row.script !== 'agent') throw new AdminError(400, 'not-agent-api', 'Only agent API requests can be explained.');
      const query = row.url.includes('?') ? row.url.slice(row.url.indexOf('?') + 1) : '';
      const params = Object.fromEntries(new URLSearchParams(query));
      const explanation = await explained(actor, {
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
    adminRoute(services, async ({ actor, request }) => {
      const { user } = parse(z.object({ user: z.string().min(1).max(20) }), request.params);
      await requireUsersWithin(services.store, actor.scope, [user]);
      const p = period(parse(adviceQuery, request.query));
      return advise(services.store, user, p.from, p.to, p.previewFrom);
    }),
  );

  app.post(
    '/api/v2/admin/advisor/:user/tighten',
    adminRoute(services, async ({ actor, request }) => {
      const { user } = parse(z.object({ user: z.string().min(1).max(20) }), request.params);
      const body = parse(adviceQuery.extend({ version: z.string().min(1, 'send the version you reviewed') }).strict(), request.body);
      await requireUsersWithin(services.store, actor.scope, [user]);
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
      if (advice.alreadyTight) return { ...(await users.get(actor, user)), changed: false, applied: advice.proposed } satisfies TightenResult;
      const updated = await users.update(actor, user, body.version, { api_allowed_functions: formatFunctions(advice.proposed) });
      return { ...updated, changed: true, applied: advice.proposed } satisfies TightenResult;
    }),
  );

  app.get(
    '/api/v2/admin/changes',
    adminRoute(services, async ({ actor, request }) => {
      const q = parse(z.object({ section: text(30), recordId: text(50), before: z.coerce.number().int().positive().optional() }), request.query);
      // Changes made by administrators of the groups this one may administer.
      return { changes: (await services.store.adminLog.list({ ...q, byUsersInGroups: groupsWithin(actor.scope) }, 100)).map(changeView) } satisfies ChangeList;
    }),
  );
}
