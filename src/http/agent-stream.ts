/**
 * GET /api/v2/agent/stream (WebSocket): every change of the agent's session,
 * pushed as it commits — no polling. The socket subscribes to the event bus
 * for its own agent only, so it can never see another agent's events; the
 * agent's own commands come back over it (screen-commands.ts).
 */
import '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { Services } from '../app/services.js';
import type { SessionEvent } from '../events/session-events.js';
import { applyScreenCommand, screenCommand, ScreenCommandError } from '../screen/screen-commands.js';
import { screenState, type CampaignView } from '../screen/screen-state.js';
import type { Presence } from '../screen/presence.js';
import { requireScreenUser } from './screen-auth.js';

/** Larger messages are refused unread: no screen command comes close. */
export const MAX_MESSAGE_BYTES = 4096;

/** Events after which the screen needs its whole state again; the others are told as they are. */
const STATE_EVENTS = new Set<SessionEvent['type']>(['session.started', 'session.changed', 'session.ended', 'lead.updated', 'telephony']);

export function registerAgentStream(app: FastifyInstance, services: Services, presence: Presence): void {
  app.get(
    '/api/v2/agent/stream',
    {
      websocket: true,
      // Refused before the upgrade: no cookie, no socket.
      preValidation: async (request, reply) => {
        if (!(await requireScreenUser(services, request, reply, 'agent'))) return reply;
      },
    },
    async (socket: WebSocket, request) => {
      const user = services.webSessions.verify(request.cookies.agentgate_agent, 'agent', services.clock.now())!.user;
      const campaigns = new Map<string, CampaignView | null>();
      const send = (message: unknown) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
      };
      const sendState = async () => send({ type: 'state', state: await services.runner.run((u) => screenState(u, user, services.telephony, campaigns)) });
      // State messages go out in order, one read at a time.
      let queue: Promise<void> = Promise.resolve();
      const enqueue = (work: () => Promise<void>) => {
        queue = queue.then(work).catch((err: unknown) => request.log.error({ err }, 'agent stream send failed'));
      };

      const unsubscribe = services.bus.subscribe(user, ({ id, seq, event }) => {
        if (event.type === 'session.ended') presence.ended(user);
        // seq counts this agent's events 1, 2, 3…: a screen can tell it missed or repeated none.
        send({ type: 'event', id, seq, event });
        if (STATE_EVENTS.has(event.type)) enqueue(sendState);
      });
      presence.connected(user);
      enqueue(sendState);

      socket.on('message', (data, isBinary) => {
        const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer | ArrayBuffer).byteLength;
        if (isBinary || size > MAX_MESSAGE_BYTES) return send({ type: 'error', code: 'malformed', message: `Send JSON text of at most ${MAX_MESSAGE_BYTES} bytes.` });
        let json: unknown;
        try {
          json = JSON.parse(data.toString());
        } catch {
          return send({ type: 'error', code: 'malformed', message: 'That message is not JSON.' });
        }
        const parsed = screenCommand.safeParse(json);
        const ref = typeof (json as { ref?: unknown })?.ref === 'string' ? (json as { ref: string }).ref.slice(0, 40) : undefined;
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          return send({ type: 'error', ref, code: 'invalid-command', message: `${issue?.path.join('.') || 'message'}: ${issue?.message ?? 'not valid'}` });
        }
        const command = parsed.data;
        if (command.user !== undefined && command.user !== user)
          return send({ type: 'error', ref, code: 'foreign-agent', message: `This screen belongs to ${user}; it cannot act for ${command.user}.` });
        enqueue(async () => {
          try {
            await services.runner.run((u) => applyScreenCommand(u, services, user, command));
            send({ type: 'ack', ref, command: command.type });
          } catch (err) {
            if (err instanceof ScreenCommandError) return send({ type: 'error', ref, code: err.code, message: err.message });
            request.log.error({ err }, 'agent screen command failed');
            send({ type: 'error', ref, code: 'internal-error', message: 'That did not work; the server log has the details.' });
          }
        });
      });
      socket.on('close', () => {
        unsubscribe();
        presence.disconnected(user);
      });
    },
  );
}
