/**
 * GET /api/v2/agent/stream (WebSocket): every change of the agent's session,
 * pushed as it commits — no polling. The socket subscribes to the event bus
 * for its own agent only, so it can never see another agent's events; the
 * agent's own commands come back over it (screen-commands.ts).
 * Only agentgate's own pages may open it (Origin); every message in and out
 * is checked against the login, which may end on any node meanwhile; and a
 * socket that does not read is dropped rather than buffered without limit.
 */
import '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import type { Services } from '../app/services.js';
import type { SessionEvent } from '../events/session-events.js';
import { checkLeadEdit } from '../api/agent/lead-edit.js';
import { applyScreenCommand, screenCommand, ScreenCommandError, type ScreenCommand, type ScreenDeps } from '../screen/screen-commands.js';
import { newScreenCache, screenState } from '../screen/screen-state.js';
import type { Presence } from '../screen/presence.js';
import type { StreamCloseCodes, StreamMessage } from '../wire/agent-screen.js';
import { crossSiteReason } from './cross-site-guard.js';
import { sendJsonError } from './json-errors.js';
import { requireScreenUser } from './screen-auth.js';

/** Larger messages are refused unread: no screen command comes close. */
export const MAX_MESSAGE_BYTES = 4096;
/** What a socket may have waiting to be sent before it counts as a screen that does not read. */
export const MAX_BUFFERED_BYTES = 1024 * 1024;
/** Close codes the screen acts on (src/wire/agent-screen.ts says what each means to it). */
export const CLOSE_LOGGED_OUT: StreamCloseCodes['loggedOut'] = 4401;
export const CLOSE_TOO_SLOW: StreamCloseCodes['tooSlow'] = 4008;

/** Events after which the screen needs its whole state again; the others are told as they are. */
const STATE_EVENTS = new Set<SessionEvent['type']>(['session.started', 'session.changed', 'session.ended', 'lead.updated', 'telephony']);

export function registerAgentStream(app: FastifyInstance, services: Services, presence: Presence, maxBufferedBytes = MAX_BUFFERED_BYTES): void {
  const deps: ScreenDeps = { ...services, checkLeadEdit };
  app.get(
    '/api/v2/agent/stream',
    {
      websocket: true,
      // Refused before the upgrade: no socket for another site's page, nor without the cookie.
      preValidation: async (request, reply) => {
        const crossSite = crossSiteReason(request);
        if (crossSite) return sendJsonError(reply, 403, 'cross-site', crossSite);
        if (!(await requireScreenUser(services, request, reply, 'agent'))) return reply;
      },
    },
    async (socket: WebSocket, request) => {
      const token = request.cookies.agentgate_agent;
      const user = services.webSessions.verify(token, 'agent', services.clock.now())!.user;
      const cache = newScreenCache();
      const send = (message: StreamMessage) => {
        if (socket.readyState !== socket.OPEN) return;
        // A screen that does not read would make us buffer without limit: drop it instead.
        if (socket.bufferedAmount > maxBufferedBytes) return socket.close(CLOSE_TOO_SLOW, 'too slow: the screen is not reading its messages');
        socket.send(JSON.stringify(message));
      };
      /**
       * The login may have ended since the upgrade (logout on any node, a new
       * password, deactivation): then the socket ends too. Checked before each
       * command and state push, and after each event; `loggedIn` is the last answer.
       */
      let loggedIn = true;
      const stillLoggedIn = async () => {
        if (socket.readyState !== socket.OPEN) return false;
        loggedIn = !!(await services.webSessions.resume(services.store, token, 'agent', services.clock.now()));
        if (!loggedIn) socket.close(CLOSE_LOGGED_OUT, 'the screen session has ended: log in again');
        return loggedIn;
      };
      const sendState = async () => send({ type: 'state', state: await services.runner.run((u) => screenState(u, user, services.telephony, cache)) });
      // State pushes and commands run in order, one at a time, each after a check of the login.
      let queue: Promise<void> = Promise.resolve();
      const enqueue = (work: () => Promise<void>) => {
        queue = queue
          .then(async () => {
            if (await stillLoggedIn()) await work();
          })
          .catch((err: unknown) => request.log.error({ err }, 'agent stream send failed'));
      };

      // Events go out as they happen (the screen needs them before the state that follows); the check comes right after.
      const unsubscribe = services.bus.subscribe(user, ({ id, seq, event }) => {
        if (event.type === 'session.ended') presence.ended(user);
        // seq counts this agent's events 1, 2, 3…: a screen can tell it missed or repeated none.
        if (loggedIn) send({ type: 'event', id, seq, event });
        enqueue(STATE_EVENTS.has(event.type) ? sendState : async () => {});
      });
      presence.connected(user);
      enqueue(sendState);

      /** The command in a message, or undefined once the screen has been told what is wrong with it. */
      const readCommand = (data: RawData, isBinary: boolean): ScreenCommand | undefined => {
        const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer | ArrayBuffer).byteLength;
        if (isBinary || size > MAX_MESSAGE_BYTES) return void send({ type: 'error', code: 'malformed', message: `Send JSON text of at most ${MAX_MESSAGE_BYTES} bytes.` });
        let json: unknown;
        try {
          json = JSON.parse(data.toString());
        } catch {
          return void send({ type: 'error', code: 'malformed', message: 'That message is not JSON.' });
        }
        const parsed = screenCommand.safeParse(json);
        const ref = typeof (json as { ref?: unknown })?.ref === 'string' ? (json as { ref: string }).ref.slice(0, 40) : undefined;
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const field = issue?.path.join('.');
          return void send({ type: 'error', ref, code: 'invalid-command', message: `${field || 'message'}: ${issue?.message ?? 'not valid'}`, ...(field ? { field } : {}) });
        }
        const command = parsed.data;
        if (command.user !== undefined && command.user !== user)
          return void send({ type: 'error', ref, code: 'foreign-agent', message: `This screen belongs to ${user}; it cannot act for ${command.user}.` });
        return command;
      };

      // Read at once (a bad message is answered without queueing it); acted on in turn, once the login is checked.
      socket.on('message', (data, isBinary) => {
        const command = readCommand(data, isBinary);
        if (!command) return;
        enqueue(async () => {
          const ref = command.ref;
          try {
            await services.runner.run((u) => applyScreenCommand(u, deps, user, command));
            send({ type: 'ack', ref, command: command.type });
          } catch (err) {
            if (err instanceof ScreenCommandError) return send({ type: 'error', ref, code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) });
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
