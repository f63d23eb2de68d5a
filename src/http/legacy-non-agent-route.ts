/** /vicidial/non_agent_api.php over GET and POST, answered exactly as VICIdial answers. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../app/services.js';
import { replyText } from '../api/legacy/lines.js';
import { sendLegacyText } from './legacy-reply.js';
import { toLegacyRequest } from './legacy-agent-route.js';

export const NON_AGENT_PATH = '/vicidial/non_agent_api.php';

export function registerLegacyNonAgentRoute(app: FastifyInstance, services: Services): void {
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const legacy = toLegacyRequest(request, services.config.publicHost, NON_AGENT_PATH);
    const result = await services.nonAgentApi.handle(legacy);
    return sendLegacyText(reply, result.httpStatus ?? 200, replyText(result), result.headers);
  };
  app.get(NON_AGENT_PATH, handler);
  app.post(NON_AGENT_PATH, handler);
}
